package dev.acr.context;

import java.util.HashMap;
import java.util.Map;

/**
 * The opening verbs of a terse prompt (after fillers) and the dimension each leads to, with its
 * weight: terse prompts put their intent first ("fix …", "explain …", "finish …").
 */
final class LeadVerbs {

  private LeadVerbs() {}

  /** An opening verb's dimension and weight. */
  record Lead(Dimension dimension, double weight) {}

  static final Map<String, Lead> TABLE = table();

  private static Map<String, Lead> table() {
    Map<String, Lead> m = new HashMap<>();
    put(m, Dimension.BUG_FIXING, 2, "fix", "debug", "repair", "diagnose", "troubleshoot",
        "investigate", "unbreak", "hotfix", "patch", "correct");
    // What should hold and does not: "avoid X when Y", "ensure X respects Y", "preserve X during Y".
    put(m, Dimension.BUG_FIXING, 1.5, "avoid", "ensure", "preserve", "resolve", "respect", "honor", "honour", "obey");
    put(m, Dimension.BUG_FIXING, 1, "handle");
    // What the code forgot to do to its input: "escape HTML in user bios", "clamp the progress to 100".
    // Not "encode", "quote": "encode the thumbnails as webp" is a format, not a repair.
    put(m, Dimension.BUG_FIXING, 1, "clamp", "trim", "escape", "unescape", "sanitize", "sanitise", "guard");
    put(m, Dimension.CODE_UNDERSTANDING, 2, "explain", "describe", "summarize", "summarise",
        "document", "walk", "trace", "review", "annotate", "clarify");
    put(m, Dimension.CODE_UNDERSTANDING, 1.5, "tell");
    put(m, Dimension.CODE_UNDERSTANDING, 1, "what", "what's", "whats", "why", "where", "who", "how", "which",
        "does", "is", "are", "when", "whose");
    put(m, Dimension.CODE_REFACTORING, 2, "refactor", "rename", "extract", "simplify", "clean",
        "cleanup", "tidy", "modernize", "modernise", "decouple", "consolidate", "restructure",
        "reorganize", "reorganise", "organize", "organise", "split", "inline", "move", "replace", "reduce",
        "migrate", "collapse", "unify", "generalize", "generalise", "parameterize",
        "parametrize", "decompose", "encapsulate", "untangle", "separate");
    put(m, Dimension.CODE_REFACTORING, 1.5, "switch", "swap");
    put(m, Dimension.CODE_REFACTORING, 1, "remove");
    put(m, Dimension.CODE_REFACTORING, 0.5, "convert", "rewrite");
    put(m, Dimension.CODE_COMPLETION, 2, "finish", "complete", "fill", "continue", "resume", "predict");
    put(m, Dimension.MULTI_LANGUAGE, 2, "port", "translate", "transpile", "reimplement");
    put(m, Dimension.DATA_SCIENCE, 1.5, "plot", "train", "fit", "impute", "resample", "pivot",
        "visualize", "visualise", "cluster", "forecast", "aggregate");
    put(m, Dimension.TEST_GENERATION, 2, "fuzz");
    // "exercise the retry loop with a transport that fails twice": code run on purpose, by a test.
    put(m, Dimension.TEST_GENERATION, 1.5, "cover", "exercise");
    put(m, Dimension.CODE_GENERATION, 1, "add", "create", "write", "implement", "build", "make",
        "generate", "scaffold", "need", "new", "set", "setup", "configure", "impl", "integrate", "introduce", "extend");
    put(m, Dimension.CODE_GENERATION, 1.5, "support", "allow", "enable", "expose");
    return Map.copyOf(m);
  }

  private static void put(Map<String, Lead> m, Dimension d, double w, String... words) {
    for (String word : words) {
      m.put(word, new Lead(d, w));
    }
  }
}
