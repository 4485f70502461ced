package dev.acr.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.context.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads live problems: a folder of problem folders (each with {@code problem.json} and {@code
 * prompt.txt}), or one problem folder. Every problem found wrong is reported as {@code file:
 * what}, all at once, so a user fixes a new problem in one go.
 */
public final class ProblemSet {
  public static final String METADATA = "problem.json";
  public static final String PROMPT = "prompt.txt";
  private static final Set<String> KEYS = Set.of("language", "dimension", "verify", "summary");

  private final ObjectMapper json;

  public ProblemSet(ObjectMapper json) {
    this.json = json;
  }

  /** The problems under {@code dir} in folder-name order, or the problem {@code dir} itself is. */
  public List<Problem> load(Path dir) throws IOException, BenchDataException {
    if (!Files.isDirectory(dir)) {
      throw BenchDataException.of(dir.toString(), 0, "not a directory (pass a folder of problems, e.g. problems/)");
    }
    List<String> problems = new ArrayList<>();
    List<Problem> out = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve(METADATA))) {
      read(dir, problems, out);
    } else {
      List<Path> folders;
      try (Stream<Path> s = Files.list(dir)) {
        folders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      }
      for (Path folder : folders) {
        if (!Files.isRegularFile(folder.resolve(METADATA))) {
          problems.add(BenchDataException.at(folder.toString(), 0,
              "no " + METADATA + " (a problem folder holds " + METADATA + ", " + PROMPT + " and the project)"));
          continue;
        }
        read(folder, problems, out);
      }
    }
    if (problems.isEmpty() && out.isEmpty()) {
      problems.add(BenchDataException.at(dir.toString(), 0, "no problem folders found"));
    }
    if (!problems.isEmpty()) {
      throw new BenchDataException(problems);
    }
    return List.copyOf(out);
  }

  private void read(Path folder, List<String> problems, List<Problem> out) throws IOException {
    Path meta = folder.resolve(METADATA);
    String where = meta.toString();
    int before = problems.size();
    JsonNode root;
    try {
      root = json.readTree(meta.toFile());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(BenchDataException.at(where, line, "not valid JSON: " + e.getOriginalMessage()));
      return;
    }
    if (root == null || !root.isObject()) {
      problems.add(BenchDataException.at(where, 0, "expected a JSON object with language, dimension and verify"));
      return;
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(BenchDataException.at(where, 0, "unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")"));
      }
    }
    String language = text(root, "language", where, problems);
    String verify = text(root, "verify", where, problems);
    String dim = text(root, "dimension", where, problems);
    Dimension dimension = null;
    if (dim != null) {
      try {
        dimension = Dimension.of(dim);
      } catch (IllegalArgumentException e) {
        problems.add(BenchDataException.at(where, 0, e.getMessage() + " (one of the nine CodeRouterBench dimensions, e.g. bug_fixing)"));
      }
    }
    JsonNode summary = root.get("summary");
    Path promptFile = folder.resolve(PROMPT);
    String prompt = Files.isRegularFile(promptFile) ? Files.readString(promptFile).strip() : "";
    if (prompt.isEmpty()) {
      problems.add(BenchDataException.at(promptFile.toString(), 0, "missing or empty: write what a user would ask the agent"));
    }
    if (problems.size() == before) {
      out.add(new Problem(folder.getFileName().toString(), folder, prompt, language, dimension, verify,
          summary == null || summary.isNull() ? null : summary.asText()));
    }
  }

  private static String text(JsonNode root, String key, String where, List<String> problems) {
    JsonNode n = root.get(key);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      problems.add(BenchDataException.at(where, 0, "'" + key + "' must be a non-empty string"));
      return null;
    }
    return n.asText();
  }
}
