package dev.acr.context;

/**
 * One slip between two words: the classifier repairs a key word typed with one ({@link PromptText}),
 * and the CLI takes a one-word prompt with one for a mistyped command ({@code acr docter}).
 */
public final class Typos {

  private Typos() {}

  /** Damerau distance ≤ 1 (one insertion, deletion, substitution or adjacent swap). */
  public static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true; // substitution
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2); // adjacent swap
    }
    return la > lb
        ? a.regionMatches(i + 1, b, i, lb - i) // a has an extra char
        : b.regionMatches(i + 1, a, i, la - i); // a misses a char
  }
}
