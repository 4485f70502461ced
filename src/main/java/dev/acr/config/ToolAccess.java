package dev.acr.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How to tell whether a tool can run here and what to tell the user when it cannot: the config's
 * {@code login_hint}, {@code key_env}, {@code version_command}, {@code login_status_command} and
 * {@code signed_in_pattern}. All optional; {@link #NONE} knows nothing. Kept in the config, not
 * in code, so a new CLI needs no Java change.
 *
 * @param loginHint the command that signs the CLI in, e.g. {@code codex login}; null: none known
 * @param keyEnv environment variables holding an API key the CLI reads instead of a sign-in
 * @param versionCommand argv that prints the CLI's version; empty: acr never asks (doctor does not
 *     run a tool's own command to learn its version)
 * @param loginStatusCommand argv of the CLI's own local sign-in status check; empty: none
 * @param signedInPattern when set, the status command's output must contain a match for the CLI to
 *     count as signed in (for CLIs that exit 0 either way); when null, exit 0 means signed in
 */
public record ToolAccess(
    String loginHint, List<String> keyEnv, List<String> versionCommand, List<String> loginStatusCommand,
    String signedInPattern) {

  public static final ToolAccess NONE = new ToolAccess(null, List.of(), List.of(), List.of(), null);

  public ToolAccess {
    keyEnv = keyEnv == null ? List.of() : List.copyOf(keyEnv);
    versionCommand = versionCommand == null ? List.of() : List.copyOf(versionCommand);
    loginStatusCommand = loginStatusCommand == null ? List.of() : List.copyOf(loginStatusCommand);
  }

  /** Whether a status command's exit code and output say the CLI is signed in. */
  public boolean signedIn(int exitCode, String output) {
    return exitCode == 0 && (signedInPattern == null || Pattern.compile(signedInPattern).matcher(output).find());
  }

  /**
   * What to do about "not signed in": "run 'codex login' or set CODEX_API_KEY"; a generic sentence
   * when the config says nothing.
   */
  public String signInFix() {
    String keys = keyEnv.isEmpty() ? null
        : keyEnv.size() == 1 ? "set " + keyEnv.get(0) : "set one of " + String.join(", ", keyEnv);
    if (loginHint != null && keys != null) {
      return "run '" + loginHint + "' or " + keys;
    }
    if (loginHint != null) {
      return "run '" + loginHint + "'";
    }
    return keys != null ? keys : "sign the CLI in (its config has no \"login_hint\" or \"key_env\" to say how)";
  }
}
