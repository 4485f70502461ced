package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source <(acr completion bash)} in a real bash, then the completion function called the
 * way bash calls it on TAB: {@code --chain} and {@code --tool} complete from the config in effect.
 */
class CompletionIT {
  @TempDir Path tmp;

  /** COMPREPLY for the line typed so far (completion at its end). */
  private List<String> complete(Fixtures fx, String line) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    if (!Files.exists(bin.resolve("acr"))) {
      Files.createSymbolicLink(bin.resolve("acr"), Path.of(System.getProperty("acr.root"), "bin", "acr"));
    }
    Path script = tmp.resolve("driver.sh");
    Files.writeString(script, "source <(acr completion bash)\n"
        + "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}\n"
        + "read -r -a COMP_WORDS <<< \"$COMP_LINE\"\n"
        + "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "_acr_complete_names\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), line).directory(fx.repo.toFile());
    pb.environment().clear();
    pb.environment().putAll(fx.env());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("XDG_CONFIG_HOME", fx.home.resolve("xdg").toString());
    pb.redirectError(tmp.resolve("completion-err.txt").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("completion-err.txt"))).isZero();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void chainAndToolCompleteFromTheConfigOnTheLineOrTheBundledOne() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    String config = "acr --config " + fx.config + " ";
    assertThat(complete(fx, config + "--tool ha")).containsExactly("hanger");
    assertThat(complete(fx, config + "--chain f")).containsExactly("fixer", "flooder");
    assertThat(complete(fx, config + "--chain fixer,b")).containsExactly("fixer,breaker");
    assertThat(complete(fx, config + "--chain ")).contains("fixer", "breaker", "crasher", "leaker");

    // No --config: the bundled config; bash splits "opencode:glm-5" at ':', so only the part after it is offered.
    assertThat(complete(fx, "acr --tool co")).containsExactly("codex");
    assertThat(complete(fx, "acr --chain opencode:g")).containsExactly("glm-5");
    assertThat(complete(fx, "acr --chain cod")).containsExactly("codex:gpt-5.4");
    // Everything else is picocli's completion.
    assertThat(complete(fx, "acr --dry")).containsExactly("--dry-run");
  }
}
