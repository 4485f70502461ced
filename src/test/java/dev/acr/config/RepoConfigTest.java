package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's .acr/config.json, read once: every key checked, nothing the user wrote ignored in silence. */
class RepoConfigTest {
  @TempDir Path tmp;

  private RepoConfig read(String json) throws Exception {
    Path f = tmp.resolve("config.json");
    Files.writeString(f, json);
    return RepoConfig.read(f);
  }

  @Test
  void readsEachKey() throws Exception {
    RepoConfig c = read("{\"verify\": \" make check \", \"verify_timeout\": \"1h30m\", \"race\": false}");
    assertThat(c.verify()).isEqualTo("make check");
    assertThat(c.verifyTimeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.race()).isFalse();
    assertThat(c.warnings()).isEmpty();
    assertThat(read("{\"verify_timeout\": 90}").verifyTimeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void keysNotSetAreNull() throws Exception {
    RepoConfig c = read("{}");
    assertThat(c.verify()).isNull();
    assertThat(c.verifyTimeout()).isNull();
    assertThat(c.race()).isNull();
    assertThat(RepoConfig.NONE.file()).isNull();
    assertThat(RepoConfig.NONE.warnings()).isEmpty();
  }

  @Test
  void aValueOfTheWrongKindStops() {
    assertThatThrownBy(() -> read("{\"verify\": \"  \"}")).hasMessageContaining("\"verify\" must be a non-empty string");
    assertThatThrownBy(() -> read("{\"verify_timeout\": \"soon\"}"))
        .hasMessageContaining("\"verify_timeout\" must be a duration").hasMessageContaining("got \"soon\"");
    assertThatThrownBy(() -> read("{\"verify_timeout\": 0}")).hasMessageContaining("\"verify_timeout\" must be a duration");
    assertThatThrownBy(() -> read("{\"race\": \"auto\"}"))
        .hasMessageContaining("\"race\" must be true or false").hasMessageContaining("--race");
    assertThatThrownBy(() -> read("[1]")).hasMessageContaining("must hold a JSON object");
    assertThatThrownBy(() -> read("{\"verify\": ")).hasMessageContaining("is not valid JSON");
  }

  @Test
  void aKeyAcrDoesNotReadIsToldNotDropped() throws Exception {
    RepoConfig c = read("{\"verify\": \"make check\", \"verify_timout\": \"2h\"}");
    assertThat(c.verify()).isEqualTo("make check");
    assertThat(c.unknownKeys()).containsExactly("verify_timout");
    assertThat(c.warnings()).singleElement().asString()
        .contains("acr does not read \"verify_timout\"").contains("\"verify_timeout\"").endsWith("ignored");
  }

  @Test
  void linkTakesPathsInsideTheProjectNormalisedOnce() throws Exception {
    Path acr = Files.createDirectories(tmp.resolve("proj/.acr"));
    Path f = Files.writeString(acr.resolve("config.json"), "{\"link\": [\"shunit2\", \"./test/data/\", \"test//data\", \".github-cache\"]}");
    RepoConfig c = RepoConfig.read(f);
    assertThat(c.link()).containsExactly("shunit2", "test/data", ".github-cache");
    assertThat(c.folder()).isEqualTo(tmp.resolve("proj").toAbsolutePath().normalize());
    assertThat(c.warnings()).isEmpty();
    assertThat(read("{}").link()).isEmpty();
    assertThat(RepoConfig.NONE.link()).isEmpty();
  }

  @Test
  void aLinkOutsideTheProjectOrOfTheWrongKindStops() {
    for (String bad : new String[] {"\"/etc\"", "\"../sibling\"", "\"a/../../b\"", "\".git\"", "\".git/hooks\"",
        "\".acr\"", "\"\"", "\".\"", "3"}) {
      assertThatThrownBy(() -> read("{\"link\": [" + bad + "]}")).as(bad)
          .hasMessageContaining("\"link\" takes paths inside the project, not " + bad);
    }
    assertThatThrownBy(() -> read("{\"link\": \"shunit2\"}"))
        .hasMessageContaining("\"link\" must be a list of paths").hasMessageContaining("[\"shunit2\", \"test/data\"]");
  }
}
