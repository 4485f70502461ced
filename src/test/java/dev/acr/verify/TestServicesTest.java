package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestServicesTest {

  @TempDir Path root;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /** A loopback port nothing listens on: bound once by the OS, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The shape of redis/ioredis's test/docker-compose.yml (a YAML anchor, short-syntax ports). */
  private static String compose(int single, int cluster) {
    return "x-redis-common: &redis-common\n  image: redislabs/client-libs-test:latest\n\nservices:\n  single:\n"
        + "    <<: *redis-common\n    ports:\n      - " + single + ":3000\n    healthcheck:\n"
        + "      test: [\"CMD\", \"redis-cli\", \"-p\", \"3000\", \"ping\"]\n  cluster:\n    <<: *redis-common\n"
        + "    environment:\n      - NODES=6\n    volumes:\n      - ./data:/data\n    ports:\n      - \"127.0.0.1:" + cluster + ":3000\"\n";
  }

  @Test
  void readsTheHostPortsOfShortAndLongSyntax() throws IOException {
    write("test/docker-compose.yml", compose(6379, 3001) + "  pg:\n    ports:\n      - target: 5432\n        published: \"15432\"\n");
    assertThat(TestServices.ports(root.resolve("test/docker-compose.yml"))).containsExactly(6379, 3001, 15432);
  }

  @Test
  void aFailingBaselineWithEveryTestServiceDownCannotRun() throws IOException {
    int single = closedPort();
    int cluster = closedPort();
    write("test/docker-compose.yml", compose(single, cluster));
    // mocha's words when ioredis retries silently: no connection error in the output at all.
    List<String> out = List.of("  1 passing (8s)", "  1 failing", "  1) \"after each\" hook for \"should get array args\":",
        "     Error: Timeout of 8000ms exceeded.");
    assertThat(CannotRun.check(1, out, root, root, "fix the failing test")).map(CannotRun.Why::problem)
        .contains("the tests' services in test/docker-compose.yml are not running (nothing listens on localhost:"
            + single + ", " + cluster + ")");
    assertThat(CannotRun.check(0, out, root, root, "fix it")).as("tests that pass ran").isEmpty();
  }

  @Test
  void oneServiceUpMeansTheUserStartedWhatTheTestsNeed() throws IOException {
    try (ServerSocket up = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      write("test/docker-compose.yml", compose(up.getLocalPort(), closedPort()));
      assertThat(CannotRun.check(1, List.of("1 failing"), root, root, "fix it")).isEmpty();
    }
  }

  @Test
  void aComposeFileThatIsNotTheTestsSaysNothing() throws IOException {
    write("docker-compose.yml", compose(closedPort(), closedPort()));
    write("deploy/compose.yaml", compose(closedPort(), closedPort()));
    List<String> refused = List.of("1 failing", "Error: connect ECONNREFUSED 127.0.0.1:6379");
    assertThat(CannotRun.check(1, refused, root, root, "fix it")).isEmpty();
    write("docker-compose.test.yml", compose(closedPort(), closedPort()));
    assertThat(CannotRun.check(1, refused, root, root, "fix it")).isPresent();
  }

  /** A project keeps a Compose file for its integration tests while its unit tests fail for their own reasons. */
  @Test
  void aFailingUnitTestIsAFailingTestWhateverTheServices() throws IOException {
    write("test/docker-compose.yml", compose(closedPort(), closedPort()));
    List<String> out = List.of("FAIL src/sum.test.ts > adds", "AssertionError: expected 3 to be 4", "Tests  1 failed | 12 passed (13)");
    assertThat(CannotRun.check(1, out, root, root, "fix the failing test")).isEmpty();
  }
}
