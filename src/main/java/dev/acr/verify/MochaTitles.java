package dev.acr.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mocha's heading for a failure, which puts each enclosing describe's title on a line of its own, further indented, the test's
 * own title last with a colon (mocha 12's base reporter: five spaces, then two more per level):
 * <pre>
 *   2) clamp
 *        with floats
 *          above max:
 * </pre>
 * Read line by line, the first line and the spec reporter's list line ({@code       2) above max}) each looked like a failing
 * test of its own, "clamp" beside "above max"; the test is one, by mocha's full title, "clamp with floats above max".
 */
final class MochaTitles {

  /** A heading's first line, the outermost describe's title (a test at top level ends its own with the colon). */
  private static final Pattern HEADING = Pattern.compile("^ {2}(\\d+)\\) (\\S.*[^:])$");
  /** A numbered line that may have been read as a failing test's name: the heading's, or the spec reporter's list line. */
  private static final Pattern NUMBERED = Pattern.compile("^\\s{0,6}(\\d+)\\) ");

  /** A heading's full title and the names its number's lines were read as before, which it replaces. */
  record Full(String title, List<String> replaces) {}

  private String number;
  private final List<String> titles = new ArrayList<>();
  /** The names that numbered lines were read as, by their number, until a heading of that number is whole. */
  private final Map<String, List<String>> read = new HashMap<>();

  /** That {@code line} was read as the failing test {@code name}, new to the list. */
  void read(String line, String name) {
    Matcher m = NUMBERED.matcher(line);
    if (m.find()) {
      read.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
    }
  }

  /** The full title when {@code line} ends a heading of more than one line; null otherwise. */
  Full accept(String line) {
    if (number != null) {
      String indent = " ".repeat(5 + 2 * titles.size());
      if (line.length() > indent.length() && line.startsWith(indent) && line.charAt(indent.length()) != ' ') {
        String title = line.substring(indent.length());
        if (!title.endsWith(":")) {
          titles.add(title);
          return null;
        }
        titles.add(title.substring(0, title.length() - 1));
        Full full = new Full(String.join(" ", titles), read.getOrDefault(number, List.of()));
        read.remove(number);
        number = null;
        return full;
      }
      number = null;
    }
    Matcher h = HEADING.matcher(line);
    if (h.find()) {
      number = h.group(1);
      titles.clear();
      titles.add(h.group(2));
    }
    return null;
  }

  /** The it() of a failing test's full title: the removed definition {@code line} that holds the {@code title} it ends with. */
  record Own(PatchScan.Line line, String title) {}

  /**
   * The definition among {@code removed} of the test named {@code full}, by the longest end of it (whole words, at least five
   * characters) that one of them quotes: "clamp with floats above max" is {@code it('above max', ...)}. Empty when none does.
   */
  static java.util.Optional<Own> own(List<PatchScan.Line> removed, String full) {
    String[] words = full.split(" ");
    for (int i = 1; i < words.length; i++) {
      String title = String.join(" ", java.util.Arrays.asList(words).subList(i, words.length));
      Pattern quoted = Pattern.compile("[\"'`]" + Pattern.quote(title) + "[\"'`]");
      java.util.Optional<PatchScan.Line> line = title.length() < 5 ? java.util.Optional.empty()
          : removed.stream().filter(r -> quoted.matcher(r.text()).find()).findFirst();
      if (line.isPresent()) {
        return java.util.Optional.of(new Own(line.get(), title));
      }
    }
    return java.util.Optional.empty();
  }
}
