package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acr stats}. */
class CliStatsTest {
  @TempDir Path tmp;
  CliHarness h;
  String recent;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp);
    recent = Instant.now().minus(Duration.ofHours(1)).toString();
  }

  static String rec(String ts, String dimension, String route, boolean resolved, Double cost, long ms) {
    return "{\"ts\": \"" + ts + "\", \"run_id\": \"r\", \"attempt\": 1, \"task\": \"t\", \"dimension\": \""
        + dimension + "\", \"tool\": \"x\", \"model\": \"m\", \"route\": \"" + route + "\", \"resolved\": "
        + resolved + ", \"apply_ok\": " + resolved + ", \"status\": \"" + (resolved ? "verified" : "failed")
        + "\", \"duration_ms\": " + ms + ", \"cost_usd\": " + cost + ", \"source\": \"live\"}";
  }

  void writeMemory(String... extra) throws Exception {
    List<String> lines = new ArrayList<>(List.of(
        rec("2024-01-01T00:00:00Z", "bugfix", "claude-sonnet", true, 0.10, 1000),
        rec("2024-01-03T00:00:00Z", "bugfix", "claude-sonnet", true, 0.20, 2000),
        rec("2024-01-02T10:00:00.500Z", "bugfix", "claude-sonnet", false, null, 3000),
        rec("2023-12-01T00:00:00Z", "bugfix", "codex-mini", false, null, 500),
        rec(recent, "feature", "claude-sonnet", true, 0.50, 4000)));
    lines.addAll(List.of(extra));
    Files.createDirectories(h.acrHome);
    Files.writeString(h.memory(), String.join("\n", lines) + "\n");
  }

  static JsonNode group(JsonNode doc, String dimension, String route) {
    for (JsonNode g : doc.get("groups")) {
      if (g.get("dimension").asText().equals(dimension) && g.get("route").asText().equals(route)) {
        return g;
      }
    }
    throw new AssertionError("no group " + dimension + "/" + route + " in " + doc);
  }

  @Test
  void jsonHasPerDimensionRouteNumbers() throws Exception {
    writeMemory();
    CliHarness.Run r = h.run("stats", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode doc = r.json();
    assertThat(doc.get("records").asLong()).isEqualTo(5);
    assertThat(doc.get("skipped_lines").asLong()).isZero();
    assertThat(doc.get("groups")).hasSize(3);
    JsonNode sonnet = group(doc, "bugfix", "claude-sonnet");
    assertThat(sonnet.get("attempts").asLong()).isEqualTo(3);
    assertThat(sonnet.get("verified_pct").asDouble()).isEqualTo(66.7);
    assertThat(sonnet.get("mean_cost_usd").asDouble()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(sonnet.get("mean_duration_ms").asLong()).isEqualTo(2000);
    assertThat(sonnet.get("last_used").asText()).isEqualTo("2024-01-03T00:00:00Z");
    JsonNode codex = group(doc, "bugfix", "codex-mini");
    assertThat(codex.get("verified_pct").asDouble()).isZero();
    assertThat(codex.get("mean_cost_usd").isNull()).isTrue();
    assertThat(codex.get("mean_duration_ms").asLong()).isEqualTo(500);
    // Within a dimension the most-used route comes first.
    assertThat(doc.get("groups").get(0).get("route").asText()).isEqualTo("claude-sonnet");
  }

  @Test
  void textIsGroupedWithBarsAndPlainWithoutColour() throws Exception {
    writeMemory();
    h.extraEnv.put("COLUMNS", "120");
    CliHarness.Run r = h.run("stats");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("\u001b");
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("5 record(s) in " + h.memory());
    assertThat(r.out()).contains("\nbugfix\n").contains("\nfeature\n");
    String sonnet = lines.stream().filter(l -> l.contains("claude-sonnet") && l.contains(" 3 ")).findFirst().orElseThrow();
    assertThat(sonnet).contains("66.7%").contains("█").contains("$0.150").contains("2.0s").contains("2024-01-03T00:00:00Z");
    String codex = lines.stream().filter(l -> l.contains("codex-mini")).findFirst().orElseThrow();
    assertThat(codex).contains("0.0%").contains(" - ").doesNotContain("█");
    assertThat(lines.indexOf(sonnet)).isLessThan(lines.indexOf(codex));
    // The bar is sized to COLUMNS: a full bar is 40 cells at 120 columns, fewer when narrower.
    assertThat(StatsCommand.bar(100, 40)).hasSize(40);
    assertThat(StatsCommand.bar(50, 8)).isEqualTo("████");
    assertThat(StatsCommand.bar(6.25, 1)).isEqualTo("▏");
    assertThat(StatsCommand.bar(50, 1)).isEqualTo("▌");
    h.extraEnv.put("COLUMNS", "80");
    String narrow = h.run("stats").out();
    assertThat(narrow.lines().mapToInt(String::length).max().orElseThrow())
        .isLessThan(r.out().lines().mapToInt(String::length).max().orElseThrow());
  }

  @Test
  void sinceFiltersByDateAndDuration() throws Exception {
    writeMemory();
    JsonNode byDate = h.run("stats", "--json", "--since", "2024-01-02").json();
    assertThat(byDate.get("records").asLong()).isEqualTo(3);
    JsonNode sonnet = group(byDate, "bugfix", "claude-sonnet");
    assertThat(sonnet.get("attempts").asLong()).isEqualTo(2);
    assertThat(sonnet.get("verified_pct").asDouble()).isEqualTo(50.0);
    assertThat(sonnet.get("mean_cost_usd").asDouble()).isEqualTo(0.2);
    assertThat(sonnet.get("mean_duration_ms").asLong()).isEqualTo(2500);
    JsonNode week = h.run("stats", "--json", "--since", "7d").json();
    assertThat(week.get("records").asLong()).isEqualTo(1);
    assertThat(week.get("groups").get(0).get("dimension").asText()).isEqualTo("feature");
    assertThat(h.run("stats", "--json", "--since", "24h").json().get("records").asLong()).isEqualTo(1);
    CliHarness.Run none = h.run("stats", "--since", "2099-01-01");
    assertThat(none.exit()).isZero();
    assertThat(none.out()).contains("no memory since 2099-01-01");
    CliHarness.Run bad = h.run("stats", "--since", "yesterday");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("acr: --since:");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void tornLinesAreOneWarningWithTheCount() throws Exception {
    writeMemory("{\"ts\": \"2024", "not json at all");
    CliHarness.Run r = h.run("stats", "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("acr: 2 unreadable line(s)");
    assertThat(r.json().get("records").asLong()).isEqualTo(5);
    assertThat(r.json().get("skipped_lines").asLong()).isEqualTo(2);
  }

  @Test
  void emptyOrMissingMemoryIsNotAnError() throws Exception {
    CliHarness.Run missing = h.run("stats");
    assertThat(missing.exit()).isZero();
    assertThat(missing.out().strip()).isEqualTo("no memory yet at " + h.memory() + "; each acr PROMPT run records its"
        + " attempts there");
    Files.createDirectories(h.acrHome);
    Files.writeString(h.memory(), "");
    assertThat(h.run("stats").out()).contains("no memory yet at");
    CliHarness.Run json = h.run("stats", "--json");
    assertThat(json.exit()).isZero();
    assertThat(json.json().get("records").asLong()).isZero();
    assertThat(json.json().get("groups")).isEmpty();
  }

  @Test
  void memoryOptionPicksAnotherFile() throws Exception {
    Path other = tmp.resolve("other.jsonl");
    Files.writeString(other, rec("2024-05-01T00:00:00Z", "docs", "gemini", true, 0.01, 10) + "\n");
    CliHarness.Run r = h.run("stats", "--memory", other.toString(), "--json");
    assertThat(r.json().get("records").asLong()).isEqualTo(1);
    assertThat(group(r.json(), "docs", "gemini").get("last_used").asText()).isEqualTo("2024-05-01T00:00:00Z");
  }

  @Test
  void infraAndAcrErrorsAreCountedApartAndNotAgainstTheRoute() throws Exception {
    writeMemory(
        rec("2024-01-04T00:00:00Z", "bugfix", "claude-sonnet", false, null, 900).replace("\"failed\"", "\"infra_error\""),
        rec("2024-01-05T00:00:00Z", "bugfix", "claude-sonnet", false, null, 800).replace("\"failed\"", "\"infra_error\""),
        rec("2024-01-06T00:00:00Z", "bugfix", "claude-sonnet", false, null, 700).replace("\"failed\"", "\"acr_error\""),
        rec("2024-01-07T00:00:00Z", "bugfix", "offline-only", false, null, 600).replace("\"failed\"", "\"infra_error\""));
    JsonNode doc = h.run("stats", "--json").json();
    JsonNode sonnet = group(doc, "bugfix", "claude-sonnet");
    assertThat(sonnet.get("attempts").asInt()).isEqualTo(3);
    assertThat(sonnet.get("verified_pct").asDouble()).isEqualTo(66.7);
    assertThat(sonnet.get("mean_duration_ms").asLong()).isEqualTo(2000);
    assertThat(sonnet.get("infra_errors").asInt()).isEqualTo(2);
    assertThat(sonnet.get("acr_errors").asInt()).isEqualTo(1);
    JsonNode offline = group(doc, "bugfix", "offline-only");
    assertThat(offline.get("attempts").asInt()).isZero();
    assertThat(offline.get("infra_errors").asInt()).isEqualTo(1);
    // As the text's "-": with no attempt counted there is no rate nor mean time, not 0% and 0 ms.
    assertThat(offline.get("verified_pct").isNull()).as(offline.toString()).isTrue();
    assertThat(offline.get("mean_duration_ms").isNull()).as(offline.toString()).isTrue();
    CliHarness.Run text = h.run("stats");
    assertThat(text.out()).as(text.toString()).containsPattern("infra +acr err +last used")
        .containsPattern("(?m)^  claude-sonnet +3 +66\\.7% .* +2 +1 +2024-01-06T00:00:00Z$")
        .containsPattern("(?m)^  offline-only +0 +- .* +- +1 +- +2024-01-07T00:00:00Z$");
    assertThat(text.out()).as("no attempt counted: no rate").doesNotContainPattern("offline-only +0 +0\\.0%");
  }
}
