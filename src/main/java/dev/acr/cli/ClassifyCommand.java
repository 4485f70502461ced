package dev.acr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.context.Classification;
import dev.acr.context.Classifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr classify}: the dimension a prompt falls in, alone or for a JSONL file of prompts. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = "Print the coding dimension of a prompt, with confidence and evidence.",
    footer = "%nExit codes:%n  0    classified%n  2    usage error: no prompt, or a --file that cannot be read or has a line%n"
        + "       without a \"prompt\" string%n")
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "The prompt, as acr PROMPT would get it; nothing runs.")
  List<String> prompt;

  @Option(names = "--file", paramLabel = "F.jsonl", description = "Classify each {\"prompt\": ...} line; one JSON result per line.")
  Path file;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Classifier classifier = new Classifier();
    if (file != null && prompt != null && !prompt.isEmpty()) {
      err.println("acr: classify takes a PROMPT or --file F.jsonl, not both");
      return ExitCodes.USAGE;
    }
    if (file != null) {
      return classifyFile(classifier, parent.env().cwd().resolve(file), out, err);
    }
    if (prompt == null || prompt.isEmpty() || String.join(" ", prompt).isBlank()) {
      err.println("acr: classify needs a PROMPT or --file F.jsonl");
      return ExitCodes.USAGE;
    }
    Classification c = classifier.classify(String.join(" ", prompt));
    if (json) {
      CliJson.print(out, toJson(c), CliJson.indented(parent.env()));
    } else {
      out.println(String.format(Locale.ROOT, "%s %.2f", c.dimension().id(), c.confidence()));
      out.println("evidence: " + String.join("; ", c.evidence()));
    }
    return ExitCodes.OK;
  }

  private static int classifyFile(Classifier classifier, Path path, PrintWriter out, PrintWriter err) throws IOException {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      err.println("acr: cannot read " + path + " (check the path)");
      return ExitCodes.USAGE;
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = CliJson.JSON.readTree(line);
        } catch (IOException e) {
          err.println("acr: " + path + ":" + number + ": not JSON");
          return ExitCodes.USAGE;
        }
        JsonNode p = node.get("prompt");
        if (p == null || !p.isTextual()) {
          err.println("acr: " + path + ":" + number + ": no \"prompt\" string");
          return ExitCodes.USAGE;
        }
        ObjectNode result = toJson(classifier.classify(p.asText()));
        if (node.has("id")) {
          result.set("id", node.get("id"));
        }
        out.println(result);
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      err.println("acr: " + path + ": not UTF-8 text (save it as UTF-8 JSONL)");
      return ExitCodes.USAGE;
    }
    return ExitCodes.OK;
  }

  private static ObjectNode toJson(Classification c) {
    ObjectNode n = CliJson.JSON.createObjectNode();
    n.put("dimension", c.dimension().id());
    n.put("confidence", c.confidence());
    n.set("evidence", CliJson.JSON.valueToTree(c.evidence()));
    return n;
  }
}
