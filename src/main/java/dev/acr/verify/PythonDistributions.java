package dev.acr.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names under which a project may declare the distribution that provides a Python module. An
 * import names the module ({@code markdown_it}); pyproject.toml and requirements files name the
 * distribution ({@code markdown-it-py}), and the two differ often enough that a missing dependency
 * read by the module's name alone looked like a failing test (Textualize/rich without
 * markdown-it-py: "3 tests fail, as expected before a fix"). The usual spellings are derived; the
 * well-known names that no rule derives are listed.
 */
final class PythonDistributions {
  private PythonDistributions() {}

  /** Modules whose distribution's name no spelling rule gives, by the module's lower-case name. */
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("attr", "attrs"),
      Map.entry("bs4", "beautifulsoup4"),
      Map.entry("pil", "pillow"),
      Map.entry("sklearn", "scikit-learn"),
      Map.entry("skimage", "scikit-image"),
      Map.entry("cv2", "opencv-python"),
      Map.entry("crypto", "pycryptodome"),
      Map.entry("git", "gitpython"),
      Map.entry("mysqldb", "mysqlclient"),
      Map.entry("psycopg2", "psycopg2-binary"),
      Map.entry("dns", "dnspython"),
      Map.entry("websocket", "websocket-client"),
      Map.entry("pkg_resources", "setuptools"),
      Map.entry("mpl_toolkits", "matplotlib"),
      Map.entry("fitz", "pymupdf"),
      Map.entry("bio", "biopython"),
      Map.entry("nacl", "pynacl"),
      Map.entry("gi", "pygobject"),
      Map.entry("socks", "pysocks"),
      Map.entry("discord", "discord.py"),
      Map.entry("telegram", "python-telegram-bot"),
      Map.entry("ruamel", "ruamel.yaml"),
      Map.entry("google", "protobuf"));

  /**
   * The names a manifest may give the distribution of top-level module {@code module}: the module's
   * own, with dashes for underscores, {@code py}/{@code python-} before it, {@code -py} after it, and a
   * well-known other name.
   */
  static List<String> of(String module) {
    String lower = module.toLowerCase(Locale.ROOT);
    String dashed = lower.replace('_', '-');
    List<String> names = new ArrayList<>(List.of(lower, dashed, "py" + lower, "python-" + dashed, dashed + "-py"));
    String known = KNOWN.get(lower);
    if (known != null) {
      names.add(known);
    }
    return names;
  }
}
