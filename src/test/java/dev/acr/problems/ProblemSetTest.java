package dev.acr.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.context.Classifier;
import dev.acr.context.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped problems/ as data: enough of them, across languages and dimensions, each with a
 * reference solution, and a prompt acr's classifier files under the problem's own dimension.
 * (That each fails as shipped and passes with its solution is BenchLiveIT's job: it needs the
 * toolchains.) Also: what a broken problem folder is told.
 */
class ProblemSetTest {
  private static final Path SHIPPED = Path.of("problems");

  @TempDir Path tmp;

  private static List<Problem> shipped() throws Exception {
    return new ProblemSet(new ObjectMapper()).load(SHIPPED);
  }

  @Test
  void shippedProblemsCoverLanguagesAndDimensions() throws Exception {
    List<Problem> problems = shipped();
    assertThat(problems).hasSizeGreaterThanOrEqualTo(12);
    Map<String, Long> languages = problems.stream().collect(Collectors.groupingBy(Problem::language, Collectors.counting()));
    assertThat(languages.keySet()).containsExactlyInAnyOrder("java", "python", "javascript", "go");
    assertThat(languages.get("java")).as("Maven problems are the slow ones").isLessThanOrEqualTo(2);
    Set<Dimension> dimensions = problems.stream().map(Problem::dimension).collect(Collectors.toSet());
    assertThat(dimensions).hasSizeGreaterThanOrEqualTo(6);
    assertThat(problems).extracting(Problem::id).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void everyShippedProblemHasAReferenceSolutionThatChangesSomething() throws Exception {
    for (Problem p : shipped()) {
      Path solution = p.dir().resolve(Problem.SOLUTION_DIR);
      List<Path> files;
      try (Stream<Path> s = Files.walk(solution)) {
        files = s.filter(Files::isRegularFile).toList();
      }
      assertThat(files).as(p.id() + " has solution files").isNotEmpty();
      boolean changes = false;
      for (Path f : files) {
        Path shippedFile = p.dir().resolve(solution.relativize(f).toString());
        changes |= !Files.exists(shippedFile) || Files.mismatch(f, shippedFile) >= 0;
      }
      assertThat(changes).as(p.id() + ": the solution differs from what is shipped").isTrue();
      assertThat(p.prompt()).as(p.id()).isNotBlank();
      assertThat(p.verify()).as(p.id()).isNotBlank();
    }
  }

  @Test
  void theClassifierAgreesWithEveryProblemsDimension() throws Exception {
    Classifier classifier = new Classifier();
    Map<String, Dimension> got = shipped().stream()
        .collect(Collectors.toMap(Problem::id, p -> classifier.classify(p.prompt()).dimension()));
    Map<String, Dimension> labelled = shipped().stream().collect(Collectors.toMap(Problem::id, Problem::dimension));
    assertThat(got).isEqualTo(labelled);
  }

  @Test
  void aSingleProblemFolderIsAProblemSetOfOne() throws Exception {
    Path one = SHIPPED.resolve("py-bugfix-median");
    List<Problem> problems = new ProblemSet(new ObjectMapper()).load(one);
    assertThat(problems).extracting(Problem::id).containsExactly("py-bugfix-median");
    assertThat(problems.get(0).task().key()).isEqualTo("py-bugfix-median");
    assertThat(problems.get(0).task().bench()).isEqualTo(Problem.BENCH);
  }

  @Test
  void brokenFoldersAreReportedAllAtOnceWithTheirFiles() throws Exception {
    write("bad-json/problem.json", "{\"language\": ");
    write("bad-json/prompt.txt", "fix it");
    write("bad-dimension/problem.json", "{\"language\": \"go\", \"dimension\": \"bugfixing\", \"verify\": \"go test ./...\"}");
    write("bad-dimension/prompt.txt", "fix it");
    write("typo/problem.json", "{\"language\": \"go\", \"dimension\": \"bug_fixing\", \"verfy\": \"go test\"}");
    write("typo/prompt.txt", "fix it");
    write("no-prompt/problem.json", "{\"language\": \"go\", \"dimension\": \"bug_fixing\", \"verify\": \"go test\"}");
    Files.createDirectories(tmp.resolve("no-metadata"));
    Files.createDirectories(tmp.resolve(".hidden"));
    Function<String, String> at = name -> tmp.resolve(name).toString();
    assertThatThrownBy(() -> new ProblemSet(new ObjectMapper()).load(tmp))
        .isInstanceOf(BenchDataException.class)
        .satisfies(e -> assertThat(((BenchDataException) e).problems()).containsExactly(
            at.apply("bad-dimension/problem.json") + ": unknown dimension 'bugfixing' (one of the nine CodeRouterBench dimensions, e.g. bug_fixing)",
            at.apply("bad-json/problem.json") + ":1: not valid JSON: Unexpected end-of-input within/between Object entries",
            at.apply("no-metadata") + ": no problem.json (a problem folder holds problem.json, prompt.txt and the project)",
            at.apply("no-prompt/prompt.txt") + ": missing or empty: write what a user would ask the agent",
            at.apply("typo/problem.json") + ": unknown key 'verfy' (known: dimension, language, summary, verify)",
            at.apply("typo/problem.json") + ": 'verify' must be a non-empty string"));
  }

  @Test
  void anEmptyFolderOrAFileIsNotAProblemSet() throws Exception {
    assertThatThrownBy(() -> new ProblemSet(new ObjectMapper()).load(tmp))
        .hasMessage(tmp + ": no problem folders found");
    Path file = write("notes.txt", "x");
    assertThatThrownBy(() -> new ProblemSet(new ObjectMapper()).load(file))
        .hasMessageContaining("not a directory");
  }

  private Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }
}
