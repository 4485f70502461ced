package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acr.core.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  /** The Agent-as-a-Router demo's tools.ccswitch.example.json, verbatim in shape. */
  static final String DEMO =
      """
      {
        "tools": [
          {
            "name": "codex",
            "enabled": true,
            "description": "Codex through an outer ccswitch-style wrapper.",
            "command_prefix": ["ccswitch"],
            "command_prefix_env": "ACROUTER_CODEX_PREFIX",
            "command": ["codex", "exec", "--sandbox", "workspace-write", "--cd", "{workdir}"],
            "prompt_mode": "append_arg"
          },
          {
            "name": "claude-code",
            "enabled": true,
            "description": "Claude Code print mode.",
            "command": ["claude", "--print", "--permission-mode", "acceptEdits"],
            "prompt_mode": "append_arg"
          },
          {
            "name": "opencode",
            "enabled": true,
            "description": "opencode",
            "command": ["opencode", "run"],
            "prompt_mode": "append_arg",
            "some_future_field": {"x": [1, 2]}
          }
        ],
        "routes": [
          {"name": "repo_patch", "tool": "codex", "keywords": ["patch", "repo", "test", "pytest", "refactor", "git"]},
          {"name": "explain_or_plan", "tool": "claude-code", "keywords": ["explain", "plan", "review", "docs", "readme"]},
          {"name": "fallback_open_tool", "tool": "opencode", "keywords": ["local", "oss", "open"]}
        ],
        "unknown_top_level": true
      }
      """;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private ConfigException error(String json) throws Exception {
    Path p = write("bad.json", json);
    try {
      ConfigLoader.load(p);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n").startsWith(p + ":");
      return e;
    }
    throw new AssertionError("expected a ConfigException for " + json);
  }

  @Test
  void bundledExampleLoadsWithTheEightBenchmarkRoutes() throws Exception {
    ToolsConfig c = ConfigLoader.bundled();
    assertThat(c.source()).isEqualTo(ConfigLoader.BUNDLED_SOURCE);
    assertThat(c.routes())
        .extracting(Route::name)
        .containsExactly(
            "claude-code:claude-opus-4-6",
            "claude-code:claude-sonnet-4-6",
            "codex:gpt-5.4",
            "opencode:glm-5",
            "opencode:kimi-k2.5",
            "opencode:MiniMax-M2.7",
            "opencode:Qwen3-Max",
            "opencode:qwen3.5-plus");
    assertThat(c.lambda()).isEqualTo(0.1);
    assertThat(c.tool("opencode").orElseThrow().model("glm-5").orElseThrow().arg()).isEqualTo("zhipuai/glm-5");
    assertThat(c.tool("codex").orElseThrow().install()).isEqualTo("npm install -g @openai/codex");
    assertThat(c.tool("claude-code").orElseThrow().usageFormat()).isEqualTo("claude-json");
    assertThat(c.tool("codex").orElseThrow().commandPrefixEnv()).isEqualTo("ACROUTER_CODEX_PREFIX");
  }

  @Test
  void bundledExampleMatchesTheTopLevelFile() throws Exception {
    Path top = Path.of("tools.example.json");
    if (Files.exists(top)) {
      ToolsConfig fromFile = ConfigLoader.load(top);
      assertThat(fromFile.tools()).isEqualTo(ConfigLoader.bundled().tools());
    }
  }

  @Test
  void bundledPricesMatchTheDefaults() throws Exception {
    ToolsConfig c = ConfigLoader.bundled();
    for (Route r : c.routes()) {
      assertThat(c.price(r)).as(r.name()).isEqualTo(Prices.forModel(r.model()));
    }
  }

  @Test
  void demoConfigWithoutModelsWorksUnchanged() throws Exception {
    ToolsConfig c = ConfigLoader.load(write("demo.json", DEMO));
    assertThat(c.routes()).extracting(Route::name).containsExactly("codex", "claude-code", "opencode");
    ToolSpec codex = c.tool("codex").orElseThrow();
    assertThat(codex.commandPrefix()).containsExactly("ccswitch");
    assertThat(codex.promptMode()).isEqualTo(PromptMode.APPEND_ARG);
    assertThat(codex.usageFormat()).isEqualTo("none");
    assertThat(codex.models()).isEmpty();
    assertThat(c.rules()).hasSize(3);
    assertThat(c.rules().get(0).name()).isEqualTo("repo_patch");
    assertThat(c.lambda()).isEqualTo(ToolsConfig.DEFAULT_LAMBDA);
  }

  @Test
  void defaultsForOptionalFields() throws Exception {
    ToolsConfig c =
        ConfigLoader.parse("{\"tools\": [{\"name\": \"t\", \"command\": [\"t\"]}]}", "x.json");
    ToolSpec t = c.tools().get(0);
    assertThat(t.enabled()).isTrue();
    assertThat(t.promptMode()).isEqualTo(PromptMode.APPEND_ARG);
    assertThat(t.commandPrefix()).isEmpty();
    assertThat(t.commandPrefixEnv()).isNull();
    assertThat(c.rules()).isEmpty();
  }

  @Test
  void modelsAsStringsAndArgDefaultsToName() throws Exception {
    ToolsConfig c =
        ConfigLoader.parse(
            "{\"tools\": [{\"name\": \"t\", \"command\": [\"t\", \"-m\", \"{model}\"],"
                + " \"models\": [\"a\", {\"name\": \"b\"}, {\"name\": \"c\", \"arg\": \"p/c\"}]}], \"lambda\": 0.25}",
            "x.json");
    ToolSpec t = c.tools().get(0);
    assertThat(t.models()).extracting(ModelSpec::arg).containsExactly("a", "b", "p/c");
    assertThat(c.lambda()).isEqualTo(0.25);
  }

  @Test
  void disabledToolsGiveNoRoutes() throws Exception {
    ToolsConfig c =
        ConfigLoader.parse(
            "{\"tools\": [{\"name\": \"a\", \"enabled\": false, \"command\": [\"a\"]},"
                + " {\"name\": \"b\", \"command\": [\"b\"]}]}",
            "x.json");
    assertThat(c.routes()).extracting(Route::name).containsExactly("b");
    assertThat(c.tool("a")).isPresent();
  }

  // --- errors -------------------------------------------------------------------------------

  @Test
  void syntaxErrorHasLineAndColumn() throws Exception {
    ConfigException e = error("{\n  \"tools\": [\n    {\"name\": \"a\",, }\n  ]\n}\n");
    assertThat(e.getMessage()).matches(".*bad\\.json:3:\\d+: JSON syntax error: .*");
  }

  @Test
  void emptyFile() throws Exception {
    assertThat(error("   \n").getMessage()).contains("bad.json:1:1: empty config file");
  }

  @Test
  void topLevelNotAnObject() throws Exception {
    assertThat(error("[1, 2]").getMessage()).endsWith("bad.json:1:1: the config must be a JSON object with a \"tools\" list, not a list");
  }

  @Test
  void missingTools() throws Exception {
    assertThat(error("{\"tool\": []}").getMessage()).contains(":1:1: missing \"tools\"");
  }

  @Test
  void missingCommandPointsAtTheTool() throws Exception {
    ConfigException e = error("{\n  \"tools\": [\n    {\"name\": \"a\"}\n  ]\n}\n");
    assertThat(e.getMessage()).contains("bad.json:3:5: tool 'a': missing \"command\"");
  }

  @Test
  void commandAsStringIsRejected() throws Exception {
    ConfigException e = error("{\"tools\": [\n  {\"name\": \"a\",\n   \"command\": \"codex exec\"}]}");
    assertThat(e.getMessage()).contains("bad.json:3:15: tool 'a': \"command\" must be a list of strings");
  }

  @Test
  void commandWithANonStringElementPointsAtTheElement() throws Exception {
    ConfigException e = error("{\"tools\": [\n  {\"name\": \"a\",\n   \"command\": [\"a\", 3]}]}");
    assertThat(e.getMessage()).contains("bad.json:3:21: tool 'a': \"command\" must be a list of strings; element 1 is a number");
  }

  @Test
  void unknownPromptMode() throws Exception {
    ConfigException e =
        error("{\"tools\": [\n  {\"name\": \"a\", \"command\": [\"a\"],\n   \"prompt_mode\": \"argv\"}]}");
    assertThat(e.getMessage()).contains("bad.json:3:19: tool 'a': unknown prompt_mode 'argv' (expected append_arg or stdin)");
  }

  @Test
  void duplicateToolNames() throws Exception {
    ConfigException e =
        error("{\"tools\": [\n  {\"name\": \"a\", \"command\": [\"a\"]},\n  {\"name\": \"a\", \"command\": [\"b\"]}]}");
    assertThat(e.getMessage()).contains("bad.json:3:12: duplicate tool name 'a' (first defined at line 2)");
  }

  @Test
  void modelPlaceholderWithoutModels() throws Exception {
    ConfigException e =
        error("{\"tools\": [\n  {\"name\": \"a\",\n   \"command\": [\"a\", \"-m\", \"{model}\"]}]}");
    assertThat(e.getMessage()).contains("bad.json:3:27: tool 'a': \"command\" uses {model} but the tool has no \"models\"");
  }

  @Test
  void duplicateJsonKeys() throws Exception {
    ConfigException e = error("{\"tools\": [],\n \"tools\": []}");
    assertThat(e.getMessage()).contains("bad.json:2:").contains("Duplicate field 'tools'");
  }

  @Test
  void otherSchemaErrors() throws Exception {
    assertThat(error("{\"tools\": []}").getMessage()).contains(":1:11: \"tools\" is empty");
    assertThat(error("{\"tools\": [{\"name\": \"a:b\", \"command\": [\"a\"]}]}").getMessage())
        .contains("must not contain ':'");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"enabled\": \"yes\", \"command\": [\"a\"]}]}").getMessage())
        .contains("\"enabled\" must be true or false");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"], \"usage_format\": \"xml\"}]}").getMessage())
        .contains("unknown \"usage_format\" 'xml'");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"], \"command_prefix_env\": \"A B\"}]}").getMessage())
        .contains("must be an environment variable name");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"], \"models\": [\"x\", \"x\"]}]}").getMessage())
        .contains("duplicate model name 'x'");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"], \"models\": [{\"name\": \"x\", \"input_per_1m\": 1}]}]}").getMessage())
        .contains("give both \"input_per_1m\" and \"output_per_1m\"");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": []}]}").getMessage())
        .contains("\"command\" is empty");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"]}], \"lambda\": -1}").getMessage())
        .contains("\"lambda\" must be a number >= 0");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"]}], \"store_prompts\": \"no\"}").getMessage())
        .contains("\"store_prompts\" must be true or false");
  }

  @Test
  void raceDefaultAndTheValueOfTime() throws Exception {
    String tools = "{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"]}]";
    ToolsConfig plain = ConfigLoader.parse(tools + "}", "x.json");
    assertThat(plain.race()).isNull();
    assertThat(plain.timeValuePerHour()).isEqualTo(ToolsConfig.DEFAULT_TIME_VALUE_PER_HOUR);
    ToolsConfig auto = ConfigLoader.parse(tools + ", \"race\": \"AUTO\", \"time_value_per_hour\": 25.5}", "x.json");
    assertThat(auto.race()).isEqualTo("auto");
    assertThat(auto.timeValuePerHour()).isEqualTo(25.5);
    assertThat(ConfigLoader.parse(tools + ", \"race\": 2}", "x.json").race()).isEqualTo("2");
    assertThat(ConfigLoader.parse(tools + ", \"race\": false}", "x.json").race()).isNull();
    assertThat(error(tools + ", \"race\": 0}").getMessage()).contains("\"race\" must be \"auto\", a number");
    assertThat(error(tools + ", \"race\": true}").getMessage()).contains("\"race\" must be \"auto\", a number");
    assertThat(error(tools + ", \"time_value_per_hour\": -1}").getMessage()).contains("\"time_value_per_hour\" must be");
  }

  @Test
  void ruleErrors() throws Exception {
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"]}],\n \"routes\": [{\"tool\": \"zz\", \"keywords\": [\"x\"]}]}").getMessage())
        .contains("bad.json:2:22: route rule 0: unknown tool 'zz'; known tools: a");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"]}], \"routes\": [{\"tool\": \"a\"}]}").getMessage())
        .contains("missing \"keywords\"");
    assertThat(error("{\"tools\": [{\"name\": \"a\", \"command\": [\"a\"], \"models\": [\"m\"]}], \"routes\": [{\"route\": \"a:n\", \"keywords\": [\"x\"]}]}").getMessage())
        .contains("tool 'a' has no model 'n'");
  }

  @Test
  void explicitPathThatDoesNotExist() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> ConfigLoader.locate(missing, Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file not found: " + missing + ConfigLoader.NOT_FOUND_HINT);
    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file not found: " + missing + ConfigLoader.NOT_FOUND_HINT);
  }

  // --- locate -------------------------------------------------------------------------------

  @Test
  void locateOrder() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path home = Files.createDirectories(dir.resolve("home"));
    Path xdg = Files.createDirectories(dir.resolve("xdg"));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());

    assertThat(ConfigLoader.locate(null, env, work)).isNull();

    Path homeCfg = write("home/.config/acr/tools.json", DEMO);
    assertThat(ConfigLoader.locate(null, env, work)).isEqualTo(homeCfg);

    Path xdgCfg = write("xdg/acr/tools.json", DEMO);
    env.put("XDG_CONFIG_HOME", xdg.toString());
    assertThat(ConfigLoader.locate(null, env, work)).isEqualTo(xdgCfg);

    Path workCfg = write("work/.acr/tools.json", DEMO);
    assertThat(ConfigLoader.locate(null, env, work)).isEqualTo(workCfg);

    Path envCfg = write("env.json", DEMO);
    env.put("ACR_CONFIG", envCfg.toString());
    assertThat(ConfigLoader.locate(null, env, work)).isEqualTo(envCfg);

    Path explicit = write("explicit.json", DEMO);
    assertThat(ConfigLoader.locate(explicit, env, work)).isEqualTo(explicit);
  }

  @Test
  void fromAPackageFolderTheNearestToolsConfigUpToTheRepositoryTopIsFound() throws Exception {
    Files.createDirectories(dir.resolve("mono/.git"));
    Path pkg = Files.createDirectories(dir.resolve("mono/packages/a/src"));
    Map<String, String> env = Map.of("HOME", dir.resolve("nohome").toString());
    write(".acr/tools.json", DEMO); // above the repository: never read
    assertThat(ConfigLoader.locate(null, env, pkg)).isNull();
    Path top = write("mono/.acr/tools.json", DEMO);
    assertThat(ConfigLoader.locate(null, env, pkg)).isEqualTo(top);
    Path nearer = write("mono/packages/a/.acr/tools.json", DEMO);
    assertThat(ConfigLoader.locate(null, env, pkg)).isEqualTo(nearer);
  }

  @Test
  void xdgWithoutAFileFallsBackToNothingButHomeIsNotUsedWhenXdgIsSet() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    write("home/.config/acr/tools.json", DEMO);
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    assertThat(ConfigLoader.locate(null, env, dir)).isNull();
  }

  @Test
  void acrConfigPointingNowhereIsAnError() {
    Map<String, String> env = Map.of("ACR_CONFIG", dir.resolve("gone.json").toString());
    assertThatThrownBy(() -> ConfigLoader.locate(null, env, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config file not found")
        .hasMessageContaining("$ACR_CONFIG");
  }

  @Test
  void locateAndLoadFallsBackToBundled() throws Exception {
    ToolsConfig c = ConfigLoader.locateAndLoad(null, Map.of(), dir);
    assertThat(c.source()).isEqualTo(ConfigLoader.BUNDLED_SOURCE);
    assertThat(c.routes()).hasSize(8);
  }

  @Test
  void loadedSourceIsThePath() throws Exception {
    Path p = write("demo.json", DEMO);
    assertThat(ConfigLoader.load(p).source()).isEqualTo(p.toString());
    assertThat(List.of(ConfigLoader.load(p).tools().get(0).command()))
        .first().asList().contains("{workdir}");
  }
}
