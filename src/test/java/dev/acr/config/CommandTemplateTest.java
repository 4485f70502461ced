package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acr.core.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {
  private static final Path WD = Path.of("/work/my repo");

  private static ToolSpec tool(List<String> command, PromptMode mode, List<String> prefix, String prefixEnv, List<ModelSpec> models) {
    return new ToolSpec("t", true, null, command, prefix, prefixEnv, mode, models, null, null, null);
  }

  private static ToolSpec simple(List<String> command, PromptMode mode) {
    return tool(command, mode, List.of(), null, List.of());
  }

  @Test
  void appendArgPutsThePromptLast() throws Exception {
    ToolSpec t = simple(List.of("codex", "exec", "--cd", "{workdir}"), PromptMode.APPEND_ARG);
    CommandTemplate.Rendered r = CommandTemplate.render(t, new Route("t", null), "fix the bug", WD, Map.of());
    assertThat(r.argv()).containsExactly("codex", "exec", "--cd", "/work/my repo", "fix the bug");
    assertThat(r.stdin()).isNull();
  }

  @Test
  void inlinePromptIsSubstitutedInPlaceAsOneElement() throws Exception {
    ToolSpec t = simple(List.of("agent", "--message={prompt}", "--dir", "{workdir}"), PromptMode.APPEND_ARG);
    CommandTemplate.Rendered r = CommandTemplate.render(t, new Route("t", null), "a b  c", WD, Map.of());
    assertThat(r.argv()).containsExactly("agent", "--message=a b  c", "--dir", "/work/my repo");
  }

  @Test
  void stdinModePipesThePrompt() throws Exception {
    ToolSpec t = simple(List.of("claude", "-p"), PromptMode.STDIN);
    CommandTemplate.Rendered r = CommandTemplate.render(t, new Route("t", null), "hello\nworld", WD, Map.of());
    assertThat(r.argv()).containsExactly("claude", "-p");
    assertThat(r.stdin()).isEqualTo("hello\nworld");
  }

  @Test
  void modelArgIsRendered() throws Exception {
    ToolSpec t =
        tool(List.of("opencode", "run", "--model", "{model}"), PromptMode.STDIN, List.of(), null,
            List.of(new ModelSpec("glm-5", "zhipuai/glm-5", null, null), ModelSpec.of("plain")));
    assertThat(CommandTemplate.render(t, new Route("t", "glm-5"), "p", WD, Map.of()).argv())
        .containsExactly("opencode", "run", "--model", "zhipuai/glm-5");
    assertThat(CommandTemplate.render(t, new Route("t", "plain"), "p", WD, Map.of()).argv())
        .containsExactly("opencode", "run", "--model", "plain");
    assertThatThrownBy(() -> CommandTemplate.render(t, new Route("t", "zz"), "p", WD, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no model 'zz'");
  }

  @Test
  void prefixListThenPrefixEnvThenCommand() throws Exception {
    ToolSpec t = tool(List.of("codex", "exec"), PromptMode.APPEND_ARG, List.of("ccswitch"), "ACROUTER_CODEX_PREFIX", List.of());
    Map<String, String> env = Map.of("ACROUTER_CODEX_PREFIX", "env FOO='a b' \"x\\\"y\" c\\ d");
    CommandTemplate.Rendered r = CommandTemplate.render(t, new Route("t", null), "go", WD, env);
    assertThat(r.argv()).containsExactly("ccswitch", "env", "FOO=a b", "x\"y", "c d", "codex", "exec", "go");
  }

  @Test
  void blankOrMissingPrefixEnvIsIgnored() throws Exception {
    ToolSpec t = tool(List.of("codex"), PromptMode.APPEND_ARG, List.of(), "P", List.of());
    assertThat(CommandTemplate.render(t, new Route("t", null), "go", WD, Map.of("P", "   ")).argv()).containsExactly("codex", "go");
    assertThat(CommandTemplate.render(t, new Route("t", null), "go", WD, Map.of()).argv()).containsExactly("codex", "go");
  }

  @Test
  void unbalancedQuotesInPrefixEnvNameTheVariable() {
    ToolSpec t = tool(List.of("codex"), PromptMode.APPEND_ARG, List.of(), "ACROUTER_CODEX_PREFIX", List.of());
    assertThatThrownBy(() -> CommandTemplate.render(t, new Route("t", null), "go", WD, Map.of("ACROUTER_CODEX_PREFIX", "wrap 'oops")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("$ACROUTER_CODEX_PREFIX: unterminated single quote");
  }

  @Test
  void hostilePromptsStayOneIdenticalElement() throws Exception {
    ToolSpec append = simple(List.of("codex", "exec"), PromptMode.APPEND_ARG);
    ToolSpec inline = simple(List.of("x", "{prompt}"), PromptMode.APPEND_ARG);
    for (String prompt :
        List.of(
            "$(rm -rf ~)",
            "`id`; echo pwned",
            "it's \"quoted\" and 'single'",
            "line one\nline two\n\ttabbed",
            "--help",
            "{workdir} {model} {prompt} {{x}}",
            "back\\slash \\' \\\"",
            "")) {
      List<String> a = CommandTemplate.render(append, new Route("t", null), prompt, WD, Map.of()).argv();
      assertThat(a).hasSize(3);
      assertThat(a.get(2)).isEqualTo(prompt);
      List<String> b = CommandTemplate.render(inline, new Route("t", null), prompt, WD, Map.of()).argv();
      assertThat(b).containsExactly("x", prompt);
    }
  }

  @Test
  void doubledBracesAreLiteralAsInTheDemo() throws Exception {
    ToolSpec t = simple(List.of("x", "--json={{\"a\": \"{workdir}\"}}", "{{prompt}}"), PromptMode.APPEND_ARG);
    assertThat(CommandTemplate.render(t, new Route("t", null), "p", WD, Map.of()).argv())
        .containsExactly("x", "--json={\"a\": \"/work/my repo\"}", "{prompt}", "p");
  }

  @Test
  void bundledTemplatesRender() throws Exception {
    ToolsConfig c = ConfigLoader.bundled();
    Path wd = Path.of("/tmp/w");
    CommandTemplate.Rendered codex = CommandTemplate.render(c.tool("codex").orElseThrow(), new Route("codex", "gpt-5.4"), "do it", wd, Map.of());
    assertThat(codex.argv()).containsSubsequence("codex", "exec", "--cd", "/tmp/w", "-m", "gpt-5.4");
    assertThat(codex.argv()).contains("--json", "--sandbox", "workspace-write");
    assertThat(codex.stdin()).isEqualTo("do it");
    CommandTemplate.Rendered claude = CommandTemplate.render(c.tool("claude-code").orElseThrow(), new Route("claude-code", "claude-opus-4-6"), "x", wd, Map.of());
    assertThat(claude.argv()).containsSubsequence("claude", "-p", "--model", "claude-opus-4-6", "--output-format", "stream-json", "--verbose");
    CommandTemplate.Rendered oc = CommandTemplate.render(c.tool("opencode").orElseThrow(), new Route("opencode", "qwen3.5-plus"), "x", wd,
        Map.of("ACROUTER_OPENCODE_PREFIX", "ccswitch --profile 'my profile'"));
    assertThat(oc.argv()).startsWith("ccswitch", "--profile", "my profile", "opencode", "run");
    assertThat(oc.argv()).containsSubsequence("--model", "alibaba/qwen3.5-plus", "--format", "json");
  }

  // --- splitWords ----------------------------------------------------------------------------

  @Test
  void splitWordsLikeAShell() throws Exception {
    assertThat(CommandTemplate.splitWords("  a   b\tc\n")).containsExactly("a", "b", "c");
    assertThat(CommandTemplate.splitWords("'a b' \"c d\" e\\ f")).containsExactly("a b", "c d", "e f");
    assertThat(CommandTemplate.splitWords("'' \"\" x")).containsExactly("", "", "x");
    assertThat(CommandTemplate.splitWords("a'b'\"c\"d")).containsExactly("abcd");
    assertThat(CommandTemplate.splitWords("'no \\ escape in single'")).containsExactly("no \\ escape in single");
    assertThat(CommandTemplate.splitWords("\"\\$HOME \\` \\\" \\\\ \\n\"")).containsExactly("$HOME ` \" \\ \\n");
    assertThat(CommandTemplate.splitWords("$HOME ~ *.txt $(x)")).containsExactly("$HOME", "~", "*.txt", "$(x)");
    assertThat(CommandTemplate.splitWords("a\\\nb")).containsExactly("ab");
    assertThat(CommandTemplate.splitWords("")).isEmpty();
    assertThat(CommandTemplate.splitWords(null)).isEmpty();
  }

  @Test
  void splitWordsErrors() {
    assertThatThrownBy(() -> CommandTemplate.splitWords("a 'b")).isInstanceOf(ConfigException.class).hasMessageContaining("unterminated single quote");
    assertThatThrownBy(() -> CommandTemplate.splitWords("a \"b")).isInstanceOf(ConfigException.class).hasMessageContaining("unterminated double quote");
    assertThatThrownBy(() -> CommandTemplate.splitWords("a \\")).isInstanceOf(ConfigException.class).hasMessageContaining("trailing backslash");
  }

  // --- shellQuote ----------------------------------------------------------------------------

  @Test
  void shellQuoteIsSafeForCopyPaste() throws Exception {
    assertThat(CommandTemplate.shellQuote(List.of("codex", "exec", "--cd", "/tmp/a-b_c.d", "-m", "gpt-5.4")))
        .isEqualTo("codex exec --cd /tmp/a-b_c.d -m gpt-5.4");
    assertThat(CommandTemplate.shellQuote(List.of("echo", "", "a b", "it's", "$(rm -rf ~)", "x\ny")))
        .isEqualTo("echo '' 'a b' 'it'\"'\"'s' '$(rm -rf ~)' 'x\ny'");
  }

  @Test
  void shellQuoteRoundTripsThroughSplitWords() throws Exception {
    List<String> argv = List.of("a", "", "b c", "it's", "\"dq\"", "$(x) `y` ~", "back\\slash", "new\nline", "*");
    assertThat(CommandTemplate.splitWords(CommandTemplate.shellQuote(argv))).isEqualTo(argv);
  }
}
