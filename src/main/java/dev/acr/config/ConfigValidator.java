package dev.acr.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed config against the schema (demo format plus acr's extensions) and builds the
 * {@link ToolsConfig}; every error names the offending node's file:line:column.
 */
final class ConfigValidator {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern MODEL_PLACEHOLDER = Pattern.compile("(?<!\\{)\\{model\\}");

  private final ConfigLoader.Located doc;
  private final String source;

  ConfigValidator(ConfigLoader.Located doc, String source) {
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
    // "store_prompts": false is --no-store-prompt for everyone using this config (a team's repo).
    boolean storePrompts = true;
    JsonNode sp = root.get("store_prompts");
    if (!absent(sp)) {
      if (!sp.isBoolean()) {
        throw fail("/store_prompts", "\"store_prompts\" must be true or false, not " + describe(sp));
      }
      storePrompts = sp.asBoolean();
    }
    return new ToolsConfig(source, tools, rules, lambda, storePrompts, race(root.get("race")),
        timeValuePerHour(root.get("time_value_per_hour")));
  }

  /** {@code "race"}: the default of --race, {@code "auto"}, a whole number ≥ 1, or false (one at a time). */
  private String race(JsonNode r) throws ConfigException {
    if (absent(r) || (r.isBoolean() && !r.asBoolean())) {
      return null;
    }
    if (r.isTextual() && r.asText().strip().equalsIgnoreCase("auto")) {
      return "auto";
    }
    if (r.isIntegralNumber() && r.asInt() >= 1) {
      return Integer.toString(r.asInt());
    }
    throw fail("/race", "\"race\" must be \"auto\", a number of attempts at once (>= 1) or false, not " + describe(r));
  }

  private double timeValuePerHour(JsonNode t) throws ConfigException {
    if (absent(t)) {
      return ToolsConfig.DEFAULT_TIME_VALUE_PER_HOUR;
    }
    if (!t.isNumber() || !Double.isFinite(t.asDouble()) || t.asDouble() < 0) {
      throw fail("/time_value_per_hour", "\"time_value_per_hour\" must be a number of USD >= 0 (what an hour of"
          + " your waiting is worth, weighed against a race's extra cost), not " + describe(t));
    }
    return t.asDouble();
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
    List<String> checked = List.of();
    JsonNode cv = n.get("checked_versions");
    if (!absent(cv)) {
      checked = stringList(cv, path + "/checked_versions", what + "\"checked_versions\"");
      for (int i = 0; i < checked.size(); i++) {
        if (checked.get(i).isBlank()) {
          throw fail(path + "/checked_versions/" + i, what + "\"checked_versions\" must list version strings like \"1.2.3\"");
        }
      }
    }
    return new ToolSpec(name, enabled, description, command, prefix, prefixEnv, mode, models, usage, install, checked,
        access(n, path, what));
  }

  /** The optional fields saying how to check a tool can run and how to fix it ({@link ToolAccess}). */
  private ToolAccess access(JsonNode n, String path, String what) throws ConfigException {
    String hint = optString(n, path, "login_hint", what);
    if (hint != null && hint.isBlank()) {
      throw fail(path + "/login_hint", what + "\"login_hint\" must be the command that signs the CLI in, e.g. \"codex login\"");
    }
    List<String> keys = List.of();
    JsonNode k = n.get("key_env");
    if (!absent(k)) {
      keys = stringList(k, path + "/key_env", what + "\"key_env\"");
      for (int i = 0; i < keys.size(); i++) {
        if (!ENV_NAME.matcher(keys.get(i)).matches()) {
          throw fail(path + "/key_env/" + i, what + "\"key_env\" must list environment variable names, not '" + keys.get(i) + "'");
        }
      }
    }
    List<String> version = argv(n, path, "version_command", what);
    List<String> status = argv(n, path, "login_status_command", what);
    String signedIn = optString(n, path, "signed_in_pattern", what);
    if (signedIn != null) {
      if (status.isEmpty()) {
        throw fail(path + "/signed_in_pattern", what + "\"signed_in_pattern\" needs a \"login_status_command\" whose output it reads");
      }
      try {
        Pattern.compile(signedIn);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw fail(path + "/signed_in_pattern", what + "\"signed_in_pattern\" is not a valid regular expression: " + e.getDescription());
      }
    }
    return new ToolAccess(hint, keys, version, status, signedIn);
  }

  /** An optional argv field: a non-empty list of strings whose first element (the program) is not blank. */
  private List<String> argv(JsonNode n, String path, String field, String what) throws ConfigException {
    JsonNode v = n.get(field);
    if (absent(v)) {
      return List.of();
    }
    List<String> argv = stringList(v, path + "/" + field, what + "\"" + field + "\"");
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      throw fail(path + "/" + field, what + "\"" + field + "\" must be an argv list starting with the program, e.g. [\"mycli\", \"--version\"]");
    }
    return argv;
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
      throw fail(path, what + " must be a list of strings, not a single string");
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
