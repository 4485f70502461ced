package dev.acr.cli.shell;

import java.util.List;
import java.util.Locale;

/** The answer to "run it?": a single key or a short word; Enter alone runs. */
enum Answer {
  RUN("r", "run", "y", "yes", ""),
  CHANGE_CHAIN("c", "chain", "change"),
  DRY_RUN("d", "dry", "dry-run"),
  CANCEL("n", "no", "cancel", "q");

  static final String QUESTION = "[r]un (Enter), [c]hange chain, [d]ry-run only, [n] cancel? ";

  private final List<String> words;

  Answer(String... words) {
    this.words = List.of(words);
  }

  /** The answer meant by {@code typed}, or null when it means none of them. */
  static Answer parse(String typed) {
    String t = typed.strip().toLowerCase(Locale.ROOT);
    for (Answer a : values()) {
      if (a.words.contains(t)) {
        return a;
      }
    }
    return null;
  }

  /** The words Tab offers (the first and the long form of each answer). */
  static List<String> completions() {
    return List.of("run", "chain", "dry-run", "cancel");
  }
}
