package dev.acr.config;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One configured coding-agent CLI, in the Agent-as-a-Router demo format plus acr's extensions
 * ({@code models}, {@code usage_format}, {@code install}).
 *
 * @param name tool name; routes are {@code name:model} (or just {@code name} without models)
 * @param enabled disabled tools give no routes
 * @param description free text, may be null
 * @param command argv template with {@code {workdir}}, {@code {model}}, {@code {prompt}}
 * @param commandPrefix argv elements put before the command (e.g. a wrapper), may be empty
 * @param commandPrefixEnv name of an env var whose value, split like a shell splits words, is put
 *     after {@code commandPrefix}; may be null
 * @param promptMode how the prompt is passed
 * @param models the models this tool can drive, in config order; empty for a model-less tool
 * @param usageFormat how to read cost/tokens from stdout: one of {@link #USAGE_FORMATS}
 * @param install an install hint for humans, may be null
 * @param checkedVersions the CLI versions this tool's template was checked against (the shipped
 *     tools are checked by the RealCli*IT tests against each listed version); empty: unknown
 * @param access how to check it can run (version, sign-in) and how to fix it; never null
 */
public record ToolSpec(
    String name,
    boolean enabled,
    String description,
    List<String> command,
    List<String> commandPrefix,
    String commandPrefixEnv,
    PromptMode promptMode,
    List<ModelSpec> models,
    String usageFormat,
    String install,
    List<String> checkedVersions,
    ToolAccess access) {

  public static final String USAGE_CLAUDE_JSON = "claude-json";
  public static final String USAGE_CODEX_JSONL = "codex-jsonl";
  public static final String USAGE_OPENCODE_JSONL = "opencode-jsonl";
  public static final String USAGE_NONE = "none";
  public static final Set<String> USAGE_FORMATS =
      Set.of(USAGE_CLAUDE_JSON, USAGE_CODEX_JSONL, USAGE_OPENCODE_JSONL, USAGE_NONE);

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    commandPrefix = commandPrefix == null ? List.of() : List.copyOf(commandPrefix);
    promptMode = promptMode == null ? PromptMode.APPEND_ARG : promptMode;
    models = models == null ? List.of() : List.copyOf(models);
    usageFormat = usageFormat == null ? USAGE_NONE : usageFormat;
    checkedVersions = checkedVersions == null ? List.of() : List.copyOf(checkedVersions);
    access = access == null ? ToolAccess.NONE : access;
  }

  /** A tool with nothing said about checking or fixing its access. */
  public ToolSpec(
      String name, boolean enabled, String description, List<String> command, List<String> commandPrefix,
      String commandPrefixEnv, PromptMode promptMode, List<ModelSpec> models, String usageFormat, String install,
      List<String> checkedVersions) {
    this(name, enabled, description, command, commandPrefix, commandPrefixEnv, promptMode, models, usageFormat, install,
        checkedVersions, ToolAccess.NONE);
  }

  /** This tool's routes in model order (one route named by the tool when it has no models). */
  public List<Route> routes() {
    if (models.isEmpty()) {
      return List.of(new Route(name, null));
    }
    List<Route> out = new ArrayList<>(models.size());
    for (ModelSpec m : models) {
      out.add(new Route(name, m.name()));
    }
    return List.copyOf(out);
  }

  /** The model spec with this route-model name, if any. */
  public Optional<ModelSpec> model(String modelName) {
    for (ModelSpec m : models) {
      if (m.name().equals(modelName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
