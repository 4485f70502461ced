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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern MODEL_PLACEHOLDER = Pattern.compile("(?<!\\{)\\{model\\}");

  private ConfigLoader() {}

  /**
   * The config file to use, in order: {@code explicitOrNull} ({@code --config FILE}), {@code
   * $ACR_CONFIG}, {@code <workdir>/.acr/tools.json}, {@code $XDG_CONFIG_HOME/acr/tools.json}
   * (default {@code $HOME/.config/acr/tools.json}); null means "use the bundled config". An
   * explicit path or {@code $ACR_CONFIG} that does not exist is an error, not a fall-through.
   */
  public static Path locate(Path explicitOrNull, Map<String, String> env, Path workdir)
      throws ConfigException {
    if (explicitOrNull != null) {
      if (!Files.isRegularFile(explicitOrNull)) {
        throw new ConfigException("config file not found: " + explicitOrNull);
      }
      return explicitOrNull;
    }
    String fromEnv = env == null ? null : env.get("ACR_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = Path.of(fromEnv);
      if (!Files.isRegularFile(p)) {
        throw new ConfigException("config file not found: " + p + " (from $ACR_CONFIG)");
      }
      return p;
    }
    if (workdir != null) {
      Path p = workdir.resolve(".acr").resolve("tools.json");
      if (Files.isRegularFile(p)) {
        return p;
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
      throw new ConfigException("config file not found: " + file);
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
    return new Validator(doc, source).config();
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

  // ---------------------------------------------------------------------------------------------

  private static final class Validator {
    private final Located doc;
    private final String source;

    Validator(Located doc, String source) {
      this.doc = doc;
      this.source = source;
    }

    private ConfigException fail(String path, String what) {
      String p = path;
      JsonLocation loc = doc.locations.get(p);
      while (loc == null && !p.isEmpty()) {
        p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        loc = doc.locations.get(p);
      }
      return loc == null ? ConfigException.at(source, 1, 1, what) : ConfigException.at(source, loc, what);
    }

    private static boolean absent(JsonNode n) {
      return n == null || n.isNull() || n.isMissingNode();
    }

    private static String describe(JsonNode n) {
      if (n.isTextual()) return "a string";
      if (n.isNumber()) return "a number";
      if (n.isBoolean()) return "a boolean";
      if (n.isArray()) return "a list";
      if (n.isObject()) return "an object";
      return "null";
    }

    ToolsConfig config() throws ConfigException {
      JsonNode root = doc.root;
      if (!root.isObject()) {
        throw fail("", "the config must be a JSON object with a \"tools\" list, not " + describe(root));
      }
      JsonNode toolsNode = root.get("tools");
      if (absent(toolsNode)) {
        throw fail("", "missing \"tools\": the config needs a list of tool objects");
      }
      if (!toolsNode.isArray()) {
        throw fail("/tools", "\"tools\" must be a list of tool objects, not " + describe(toolsNode));
      }
      if (toolsNode.isEmpty()) {
        throw fail("/tools", "\"tools\" is empty: configure at least one tool");
      }
      List<ToolSpec> tools = new ArrayList<>();
      Map<String, String> namePaths = new LinkedHashMap<>();
      for (int i = 0; i < toolsNode.size(); i++) {
        String path = "/tools/" + i;
        ToolSpec t = tool(toolsNode.get(i), path);
        String first = namePaths.putIfAbsent(t.name(), path + "/name");
        if (first != null) {
          JsonLocation firstLoc = doc.locations.get(first);
          throw fail(path + "/name", "duplicate tool name '" + t.name() + "'"
              + (firstLoc == null ? "" : " (first defined at line " + firstLoc.getLineNr() + ")"));
        }
        tools.add(t);
      }
      List<RouteRule> rules = rules(root.get("routes"), tools);
      double lambda = ToolsConfig.DEFAULT_LAMBDA;
      JsonNode l = root.get("lambda");
      if (!absent(l)) {
        if (!l.isNumber() || !Double.isFinite(l.asDouble()) || l.asDouble() < 0) {
          throw fail("/lambda", "\"lambda\" must be a number >= 0 (the cost weight), not " + l);
        }
        lambda = l.asDouble();
      }
      return new ToolsConfig(source, tools, rules, lambda);
    }

    private ToolSpec tool(JsonNode n, String path) throws ConfigException {
      if (!n.isObject()) {
        throw fail(path, "each entry of \"tools\" must be an object, not " + describe(n));
      }
      JsonNode nameNode = n.get("name");
      if (absent(nameNode)) {
        throw fail(path, "tool without \"name\"");
      }
      if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
        throw fail(path + "/name", "\"name\" must be a non-empty string");
      }
      String name = nameNode.asText();
      if (name.contains(":") || !name.equals(name.strip())) {
        throw fail(path + "/name", "tool name '" + name + "' must not contain ':' or surrounding spaces (route names are tool:model)");
      }
      String what = "tool '" + name + "': ";
      boolean enabled = true;
      JsonNode en = n.get("enabled");
      if (!absent(en)) {
        if (!en.isBoolean()) {
          throw fail(path + "/enabled", what + "\"enabled\" must be true or false, not " + describe(en));
        }
        enabled = en.asBoolean();
      }
      String description = optString(n, path, "description", what);
      JsonNode cmd = n.get("command");
      if (absent(cmd)) {
        throw fail(path, what + "missing \"command\" (the argv list, e.g. [\"codex\", \"exec\"])");
      }
      List<String> command = stringList(cmd, path + "/command", what + "\"command\"");
      if (command.isEmpty()) {
        throw fail(path + "/command", what + "\"command\" is empty");
      }
      List<String> prefix = List.of();
      JsonNode pre = n.get("command_prefix");
      if (!absent(pre)) {
        prefix = stringList(pre, path + "/command_prefix", what + "\"command_prefix\"");
      }
      if (prefix.isEmpty() && command.get(0).isBlank()) {
        throw fail(path + "/command/0", what + "the first element of \"command\" (the program) is empty");
      }
      String prefixEnv = optString(n, path, "command_prefix_env", what);
      if (prefixEnv != null && prefixEnv.isEmpty()) {
        prefixEnv = null;
      }
      if (prefixEnv != null && !ENV_NAME.matcher(prefixEnv).matches()) {
        throw fail(path + "/command_prefix_env", what + "\"command_prefix_env\" must be an environment variable name, not '" + prefixEnv + "'");
      }
      PromptMode mode = PromptMode.APPEND_ARG;
      JsonNode pm = n.get("prompt_mode");
      if (!absent(pm)) {
        if (!pm.isTextual()) {
          throw fail(path + "/prompt_mode", what + "\"prompt_mode\" must be \"append_arg\" or \"stdin\", not " + describe(pm));
        }
        try {
          mode = PromptMode.of(pm.asText());
        } catch (IllegalArgumentException e) {
          throw fail(path + "/prompt_mode", what + e.getMessage());
        }
      }
      List<ModelSpec> models = models(n.get("models"), path + "/models", what);
      if (models.isEmpty()) {
        for (int i = 0; i < prefix.size(); i++) {
          if (MODEL_PLACEHOLDER.matcher(prefix.get(i)).find()) {
            throw fail(path + "/command_prefix/" + i, what + "\"command_prefix\" uses {model} but the tool has no \"models\"");
          }
        }
        for (int i = 0; i < command.size(); i++) {
          if (MODEL_PLACEHOLDER.matcher(command.get(i)).find()) {
            throw fail(path + "/command/" + i, what + "\"command\" uses {model} but the tool has no \"models\"");
          }
        }
      }
      String usage = optString(n, path, "usage_format", what);
      if (usage != null && !ToolSpec.USAGE_FORMATS.contains(usage)) {
        throw fail(path + "/usage_format", what + "unknown \"usage_format\" '" + usage
            + "' (expected claude-json, codex-jsonl, opencode-jsonl or none)");
      }
      String install = optString(n, path, "install", what);
      return new ToolSpec(name, enabled, description, command, prefix, prefixEnv, mode, models, usage, install);
    }

    private List<ModelSpec> models(JsonNode n, String path, String what) throws ConfigException {
      if (absent(n)) {
        return List.of();
      }
      if (!n.isArray()) {
        throw fail(path, what + "\"models\" must be a list, not " + describe(n));
      }
      List<ModelSpec> out = new ArrayList<>();
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < n.size(); i++) {
        String mp = path + "/" + i;
        JsonNode m = n.get(i);
        ModelSpec spec;
        String namePath;
        if (m.isTextual()) {
          namePath = mp;
          if (m.asText().isBlank()) {
            throw fail(mp, what + "model names must be non-empty");
          }
          spec = ModelSpec.of(m.asText());
        } else if (m.isObject()) {
          namePath = mp + "/name";
          JsonNode nm = m.get("name");
          if (absent(nm)) {
            throw fail(mp, what + "model without \"name\"");
          }
          if (!nm.isTextual() || nm.asText().isBlank()) {
            throw fail(namePath, what + "model \"name\" must be a non-empty string");
          }
          String mw = what + "model '" + nm.asText() + "': ";
          String arg = optString(m, mp, "arg", mw);
          if (arg != null && arg.isEmpty()) {
            throw fail(mp + "/arg", mw + "\"arg\" must not be empty (leave it out to use the name)");
          }
          Double in = optPrice(m, mp, "input_per_1m", mw);
          Double outP = optPrice(m, mp, "output_per_1m", mw);
          if ((in == null) != (outP == null)) {
            throw fail(mp, mw + "give both \"input_per_1m\" and \"output_per_1m\", or neither");
          }
          spec = new ModelSpec(nm.asText(), arg, in, outP);
        } else {
          throw fail(mp, what + "each model must be an object like {\"name\": \"gpt-5.4\"} or a name string, not " + describe(m));
        }
        if (seen.putIfAbsent(spec.name(), namePath) != null) {
          throw fail(namePath, what + "duplicate model name '" + spec.name() + "'");
        }
        out.add(spec);
      }
      return out;
    }

    private Double optPrice(JsonNode obj, String path, String field, String what) throws ConfigException {
      JsonNode v = obj.get(field);
      if (absent(v)) {
        return null;
      }
      if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
        throw fail(path + "/" + field, what + "\"" + field + "\" must be a number >= 0 (USD per 1M tokens)");
      }
      return v.asDouble();
    }

    private List<RouteRule> rules(JsonNode n, List<ToolSpec> tools) throws ConfigException {
      if (absent(n)) {
        return List.of();
      }
      if (!n.isArray()) {
        throw fail("/routes", "\"routes\" must be a list of keyword rules, not " + describe(n));
      }
      Map<String, ToolSpec> byName = new LinkedHashMap<>();
      for (ToolSpec t : tools) {
        byName.put(t.name(), t);
      }
      List<RouteRule> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        String path = "/routes/" + i;
        JsonNode r = n.get(i);
        if (!r.isObject()) {
          throw fail(path, "each entry of \"routes\" must be an object, not " + describe(r));
        }
        String name = optString(r, path, "name", "route rule: ");
        String what = "route rule" + (name == null ? " " + i : " '" + name + "'") + ": ";
        JsonNode kw = r.get("keywords");
        if (absent(kw)) {
          throw fail(path, what + "missing \"keywords\"");
        }
        List<String> keywords = stringList(kw, path + "/keywords", what + "\"keywords\"");
        String tool = optString(r, path, "tool", what);
        String model = optString(r, path, "model", what);
        String route = optString(r, path, "route", what);
        String toolPath = path + "/tool";
        String modelPath = path + "/model";
        if (route != null) {
          int c = route.indexOf(':');
          String rTool = c < 0 ? route : route.substring(0, c);
          String rModel = c < 0 ? null : route.substring(c + 1);
          if (tool != null && !tool.equals(rTool)) {
            throw fail(path + "/route", what + "\"route\" '" + route + "' disagrees with \"tool\" '" + tool + "'");
          }
          if (model != null && rModel != null && !model.equals(rModel)) {
            throw fail(path + "/route", what + "\"route\" '" + route + "' disagrees with \"model\" '" + model + "'");
          }
          tool = rTool;
          toolPath = path + "/route";
          if (rModel != null) {
            model = rModel;
            modelPath = path + "/route";
          }
        }
        if (tool == null) {
          throw fail(path, what + "missing \"tool\" (the tool name this rule routes to)");
        }
        ToolSpec t = byName.get(tool);
        if (t == null) {
          throw fail(toolPath, what + "unknown tool '" + tool + "'; known tools: " + String.join(", ", byName.keySet()));
        }
        if (model != null && t.model(model).isEmpty()) {
          throw fail(modelPath, what + "tool '" + tool + "' has no model '" + model + "'"
              + (t.models().isEmpty() ? "" : "; its models: " + String.join(", ", t.models().stream().map(ModelSpec::name).toList())));
        }
        out.add(new RouteRule(name, keywords, tool, model));
      }
      return out;
    }

    private String optString(JsonNode obj, String path, String field, String what) throws ConfigException {
      JsonNode v = obj.get(field);
      if (absent(v)) {
        return null;
      }
      if (!v.isTextual()) {
        throw fail(path + "/" + field, what + "\"" + field + "\" must be a string, not " + describe(v));
      }
      return v.asText();
    }

    private List<String> stringList(JsonNode n, String path, String what) throws ConfigException {
      if (n.isTextual()) {
        throw fail(path, what + " must be a list of strings (argv elements), not a single string");
      }
      if (!n.isArray()) {
        throw fail(path, what + " must be a list of strings, not " + describe(n));
      }
      List<String> out = new ArrayList<>(n.size());
      for (int i = 0; i < n.size(); i++) {
        JsonNode e = n.get(i);
        if (!e.isTextual()) {
          throw fail(path + "/" + i, what + " must be a list of strings; element " + i + " is " + describe(e));
        }
        out.add(e.asText());
      }
      return out;
    }
  }
}
