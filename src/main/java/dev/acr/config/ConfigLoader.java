package dev.acr.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads the tool config: the Agent-as-a-Router CLI demo format ({@code tools[]} with
 * {@code name}, {@code enabled}, {@code description}, {@code command}, {@code command_prefix},
 * {@code command_prefix_env}, {@code prompt_mode}; optional keyword {@code routes[]}) plus acr's
 * extensions ({@code models}, {@code usage_format}, {@code install}, top-level {@code lambda}).
 * Unknown fields are ignored, so a demo config works unchanged. Errors are one line, {@code
 * file:line:column: what}.
 */
public final class ConfigLoader {
  /** Classpath location of the shipped config, used when no config file is found. */
  public static final String BUNDLED_RESOURCE = "/dev/acr/tools.example.json";

  public static final String BUNDLED_SOURCE = "<bundled tools.example.json>";

  private ConfigLoader() {}

  /** What to do about a named config file that is not there. */
  static final String NOT_FOUND_HINT =
      "; name an existing file, or leave it out to use .acr/tools.json, ~/.config/acr/tools.json or the bundled config";

  /**
   * The config file to use, in order: {@code explicitOrNull} ({@code --config FILE}), {@code
   * $ACR_CONFIG}, the nearest {@code .acr/tools.json} from {@code workdir} up to the top of its git
   * work tree, {@code $XDG_CONFIG_HOME/acr/tools.json}
   * (default {@code $HOME/.config/acr/tools.json}); null means "use the bundled config". An
   * explicit path or {@code $ACR_CONFIG} that does not exist is an error, not a fall-through.
   */
  public static Path locate(Path explicitOrNull, Map<String, String> env, Path workdir)
      throws ConfigException {
    if (explicitOrNull != null) {
      if (!Files.isRegularFile(explicitOrNull)) {
        throw new ConfigException("config file not found: " + explicitOrNull + NOT_FOUND_HINT);
      }
      return explicitOrNull;
    }
    String fromEnv = env == null ? null : env.get("ACR_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = Path.of(fromEnv);
      if (!Files.isRegularFile(p)) {
        throw new ConfigException("config file not found: " + p + " (from $ACR_CONFIG)" + NOT_FOUND_HINT);
      }
      return p;
    }
    if (workdir != null) {
      // From a package folder of a monorepo, the nearest .acr/tools.json up to the repository's top.
      Optional<Path> p = Upward.nearest(workdir, Upward.gitTop(workdir), ".acr/tools.json");
      if (p.isPresent()) {
        return p.get();
      }
    }
    Path userDir = userConfigDir(env);
    if (userDir != null) {
      Path p = userDir.resolve("acr").resolve("tools.json");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static Path userConfigDir(Map<String, String> env) {
    if (env == null) {
      return null;
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    String home = env.get("HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).resolve(".config");
    }
    return null;
  }

  /** {@link #locate} then {@link #load} or, when nothing is found, {@link #bundled}. */
  public static ToolsConfig locateAndLoad(Path explicitOrNull, Map<String, String> env, Path workdir)
      throws ConfigException {
    Path p = locate(explicitOrNull, env, workdir);
    return p == null ? bundled() : load(p);
  }

  /** Reads and validates a config file. */
  public static ToolsConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file not found: " + file + NOT_FOUND_HINT);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** The shipped config, read from the classpath resource {@value #BUNDLED_RESOURCE}. */
  public static ToolsConfig bundled() throws ConfigException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new ConfigException("bundled config missing from the classpath: " + BUNDLED_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED_SOURCE);
    } catch (IOException e) {
      throw new ConfigException("cannot read bundled config: " + e.getMessage(), e);
    }
  }

  /** Parses and validates config text; {@code source} names it in error messages. */
  public static ToolsConfig parse(String text, String source) throws ConfigException {
    Located doc = Located.read(text, source);
    return new ConfigValidator(doc, source).config();
  }

  // ---------------------------------------------------------------------------------------------
  // A JSON tree plus the source location of every node, keyed by JSON pointer.

  static final class Located {
    final JsonNode root;
    final Map<String, JsonLocation> locations;

    private Located(JsonNode root, Map<String, JsonLocation> locations) {
      this.root = root;
      this.locations = locations;
    }

    static Located read(String text, String source) throws ConfigException {
      JsonFactory factory =
          JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
      Map<String, JsonLocation> locs = new HashMap<>();
      try (JsonParser p = factory.createParser(text)) {
        JsonToken first = p.nextToken();
        if (first == null) {
          throw ConfigException.at(source, 1, 1, "empty config file (expected a JSON object with a \"tools\" list)");
        }
        JsonNode root = node(p, "", locs);
        JsonToken extra = p.nextToken();
        if (extra != null) {
          throw ConfigException.at(source, p.currentTokenLocation(), "unexpected content after the end of the top-level JSON value");
        }
        return new Located(root, locs);
      } catch (JsonProcessingException e) {
        throw ConfigException.at(source, e.getLocation(), "JSON syntax error: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new ConfigException(source + ": cannot parse: " + e.getMessage(), e);
      }
    }

    private static JsonNode node(JsonParser p, String path, Map<String, JsonLocation> locs)
        throws IOException {
      JsonNodeFactory nf = JsonNodeFactory.instance;
      locs.put(path, p.currentTokenLocation());
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT: {
          ObjectNode o = nf.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            o.set(name, node(p, path + "/" + escape(name), locs));
          }
          return o;
        }
        case START_ARRAY: {
          ArrayNode a = nf.arrayNode();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(node(p, path + "/" + i, locs));
            i++;
          }
          return a;
        }
        case VALUE_STRING:
          return nf.textNode(p.getText());
        case VALUE_NUMBER_INT:
          return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? nf.numberNode(p.getBigIntegerValue())
              : nf.numberNode(p.getLongValue());
        case VALUE_NUMBER_FLOAT:
          return nf.numberNode(p.getDoubleValue());
        case VALUE_TRUE:
          return nf.booleanNode(true);
        case VALUE_FALSE:
          return nf.booleanNode(false);
        case VALUE_NULL:
          return nf.nullNode();
        default:
          throw new IOException("unexpected token " + t);
      }
    }

    private static String escape(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }
  }
}
