package dev.acr.policy;

/**
 * The prompt's length as a context: the narrowest level of the policy's contexts splits the
 * dimension with the bench or repo language into short and long prompts ({@link #level}). A live
 * run knows its prompt; memory records keep its length in {@code prompt_chars}, since they keep
 * at most 500 characters of the prompt itself. A task or record without a length (older memory,
 * the ID test, which has no prompts) has no such level, so its contexts are as before.
 *
 * <p>Why: which route pays differs with the length of an issue text. On OOD176's old112 (real
 * GitHub issues) claude-opus-4-6 resolves far fewer of the long ones at a higher price, while
 * gpt-5.4 holds; a long prompt is also a larger task for every route. The threshold was chosen
 * on OOD176's tuning seeds (1001, 2001, 3001) among 1,500, 2,000 and 2,500 characters (40
 * shuffles a seed at caps 1, 3 and 8: 2,500 was better on five of six cells), see
 * bench/README.md ("Eighth round").
 */
final class PromptLength {

  /** Prompts of at least this many characters are long. */
  static final int LONG = 2500;
  static final String SHORT_LEVEL = "prompt<" + LONG;
  static final String LONG_LEVEL = "prompt>=" + LONG;

  private static final String SHORT_SUFFIX = "|" + SHORT_LEVEL;
  private static final String LONG_SUFFIX = "|" + LONG_LEVEL;

  private PromptLength() {}

  /** The level's name for a prompt of {@code chars} characters; null when the length is unknown. */
  static String level(Integer chars) {
    return chars == null ? null : chars >= LONG ? LONG_LEVEL : SHORT_LEVEL;
  }

  /** Whether a context key is a prompt-length level (its last part is one of the two names). */
  static boolean isLevel(String contextKey) {
    return contextKey.endsWith(SHORT_SUFFIX) || contextKey.endsWith(LONG_SUFFIX);
  }
}
