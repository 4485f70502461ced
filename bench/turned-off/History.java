import dev.acr.verify.DisabledTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Passes each dumped commit (N.patch, its subject in N.subject) through DisabledTests.find with the subject as the
 * prompt and no baseline failures, and prints the ones it would fail as "turned tests off", then the count. Run by
 * history.sh with acr's jar on the class path (java's single-file launch). BASELINE_FAILED=1 judges each commit as if the
 * tests had failed before it without naming a failing test (the worst case for the rule on tests deleted alone).
 */
public class History {
  public static void main(String[] args) throws Exception {
    int commits = 0;
    int flagged = 0;
    boolean baselineFailed = "1".equals(System.getenv("BASELINE_FAILED"));
    for (String dir : args) {
      List<Path> patches;
      try (var files = Files.list(Path.of(dir))) {
        patches = files.filter(p -> p.toString().endsWith(".patch")).sorted().toList();
      }
      for (Path patch : patches) {
        commits++;
        String subject = Files.readString(Path.of(patch.toString().replace(".patch", ".subject"))).strip();
        Optional<String> found = DisabledTests.find(patch, subject, List.of(), baselineFailed);
        if (found.isPresent()) {
          flagged++;
          System.out.println(Path.of(dir).getFileName() + " " + patch.getFileName().toString().substring(0, 7) + "  " + subject
              + "\n    " + found.get().replaceAll("\\), so it is not verified.*", ")"));
        }
      }
    }
    System.out.println(commits + " commits, " + flagged + " flagged");
  }
}
