package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services a project's tests expect on this machine, from a Compose file kept for the tests
 * (under test/, tests/ or spec/, or named for tests: {@code docker-compose.test.yml}), and whether
 * any of them is up. redis/ioredis's tests, with no Redis on localhost:6379, print no connection
 * error at all, only a mocha hook timing out: the output cannot tell, the Compose file can. No
 * agent can start a database by editing code, so a failing baseline with none of them listening
 * is a setup to fix, not a bug.
 *
 * <p>Conservative: a Compose file elsewhere (an app's whole stack) says nothing about the tests,
 * and one service listening means the user started what they need.
 */
public final class TestServices {

  private static final List<String> FOLDERS = List.of("", "test", "tests", "spec");
  private static final List<String> NAMES = List.of("docker-compose", "compose");
  /** A short-syntax port mapping: {@code - 6379:3000}, {@code - "127.0.0.1:5432:5432"}, {@code - 8080:80/tcp}. */
  private static final Pattern SHORT_PORT =
      Pattern.compile("^\\s*-\\s*[\"']?(?:[\\d.]+:)?(\\d{2,5}):\\d{1,5}(?:/\\w+)?[\"']?\\s*$", Pattern.MULTILINE);
  /** The long syntax: {@code published: 5432} or {@code published: "5432"}. */
  private static final Pattern PUBLISHED = Pattern.compile("^\\s*published:\\s*[\"']?(\\d{2,5})[\"']?\\s*$", Pattern.MULTILINE);
  private static final int CONNECT_TIMEOUT_MS = 300;

  private TestServices() {}

  /** Why the tests cannot run: their Compose file's services are all down; empty when none is declared or one is up. */
  public static Optional<CannotRun.Why> down(Path packageDir, Path root) {
    for (Path dir : packageDir.equals(root) ? List.of(packageDir) : List.of(packageDir, root)) {
      for (Path compose : composeFiles(dir)) {
        Set<Integer> ports = ports(compose);
        if (!ports.isEmpty() && ports.stream().noneMatch(TestServices::listening)) {
          String rel = dir.relativize(compose).toString();
          return Optional.of(new CannotRun.Why("the tests' services in " + rel + " are not running (nothing listens on localhost:"
              + String.join(", ", ports.stream().map(String::valueOf).toList()) + ")",
              "start them (docker compose -f " + rel + " up -d --wait), then run again; or name a test command that needs none"));
        }
      }
    }
    return Optional.empty();
  }

  /** Compose files kept for the tests in {@code dir}: in its test folders, or named for tests at its top. */
  static List<Path> composeFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    for (String folder : FOLDERS) {
      for (String name : NAMES) {
        for (String suffix : folder.isEmpty() ? List.of(".test.yml", ".test.yaml", ".ci.yml", ".ci.yaml") : List.of(".yml", ".yaml")) {
          Path f = dir.resolve(folder).resolve(name + suffix);
          if (Files.isRegularFile(f)) {
            out.add(f);
          }
        }
      }
    }
    return out;
  }

  /** The host ports a Compose file publishes. */
  static Set<Integer> ports(Path compose) {
    String text;
    try {
      text = Files.readString(compose);
    } catch (IOException | UncheckedIOException e) {
      return Set.of();
    }
    Set<Integer> ports = new LinkedHashSet<>();
    for (Pattern p : List.of(SHORT_PORT, PUBLISHED)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int port = Integer.parseInt(m.group(1));
        if (port > 0 && port < 65536) {
          ports.add(port);
        }
      }
    }
    return ports;
  }

  /** Whether something accepts connections on the loopback address at {@code port}. */
  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
