package dev.acr.exec;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything needed to run one child process.
 *
 * <ul>
 *   <li>{@code argv} is executed directly, never through a shell, so prompts can be passed as
 *       arguments verbatim. A bare argv[0] is looked up on the PATH of {@code environment} (not
 *       acr's own PATH), because that is the environment the child will actually live in.
 *   <li>{@code environment} is the child's complete environment: nothing is inherited from acr.
 *   <li>{@code stdin}, when non-null, is written as UTF-8 and then closed; when null the child's
 *       stdin is closed immediately, so an agent that waits for input sees EOF instead of hanging.
 *   <li>{@code timeout} is wall-clock; {@code grace} is how long the tree gets between SIGTERM and
 *       SIGKILL when we have to stop it.
 *   <li>{@code stdoutFile}/{@code stderrFile} receive the raw bytes (null: bytes are discarded but
 *       still counted). {@code stdoutStream}, instead of a file, receives stdout's raw bytes in
 *       memory: for short answers that are data (git's), where a temporary file would only be a
 *       detour; it is written on a pumping thread and complete when run() returns.
 *       {@code stdoutLines}/{@code stderrLines} get decoded lines live, on the pumping threads,
 *       with over-long lines cut; null means no callback.
 *   <li>{@code redactSecrets}: files and lines get the environment's secret-looking values
 *       replaced ({@link Redactor}); off only where output is data that must stay exact (git).
 * </ul>
 */
public record ProcessSpec(
    List<String> argv,
    Path workdir,
    Map<String, String> environment,
    String stdin,
    Duration timeout,
    Duration grace,
    Path stdoutFile,
    OutputStream stdoutStream,
    Path stderrFile,
    Consumer<String> stdoutLines,
    Consumer<String> stderrLines,
    boolean redactSecrets) {

  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

  public ProcessSpec {
    argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
    if (argv.isEmpty() || argv.get(0).isEmpty()) {
      throw new IllegalArgumentException("argv needs a program");
    }
    for (String arg : argv) {
      // the OS cannot carry NUL inside an argument; failing here beats a confusing start error
      requireNoNul(arg, "argv element");
    }
    Objects.requireNonNull(workdir, "workdir");
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    for (Map.Entry<String, String> e : environment.entrySet()) {
      String key = e.getKey();
      if (key.isEmpty() || key.indexOf('=') >= 0) {
        throw new IllegalArgumentException("bad environment variable name: '" + key + "'");
      }
      requireNoNul(key, "environment name");
      requireNoNul(e.getValue(), "environment value");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    grace = grace == null ? DEFAULT_GRACE : grace;
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative: " + grace);
    }
    if (stdoutFile != null && stdoutFile.equals(stderrFile)) {
      // two truncating writers on one file would overwrite each other's bytes
      throw new IllegalArgumentException("stdout and stderr need different files: " + stdoutFile);
    }
    if (stdoutFile != null && stdoutStream != null) {
      throw new IllegalArgumentException("stdout goes to a file or a stream, not both");
    }
    stdoutLines = stdoutLines == null ? IGNORE_LINES : stdoutLines;
    stderrLines = stderrLines == null ? IGNORE_LINES : stderrLines;
  }

  /**
   * No callback. A class rather than a lambda, like the loops here: every git call builds a spec,
   * three at once at start-up, and on JDK 17 linking a lambda costs more than this whole check.
   */
  private static final Consumer<String> IGNORE_LINES = new Consumer<>() {
    @Override
    public void accept(String line) {
      // nobody asked for the lines
    }
  };

  /** Starts a builder; {@link Builder#timeout(Duration)} must be set before {@code build()}. */
  public static Builder builder(List<String> argv, Path workdir) {
    return new Builder(argv, workdir);
  }

  private static void requireNoNul(String s, String what) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " contains a NUL character");
    }
  }

  /** Named setters for the twelve components; the environment defaults to empty, grace to 2s. */
  public static final class Builder {
    private final List<String> argv;
    private final Path workdir;
    private Map<String, String> environment = Map.of();
    private String stdin;
    private Duration timeout;
    private Duration grace = DEFAULT_GRACE;
    private Path stdoutFile;
    private OutputStream stdoutStream;
    private Path stderrFile;
    private Consumer<String> stdoutLines;
    private Consumer<String> stderrLines;
    private boolean redactSecrets = true;

    private Builder(List<String> argv, Path workdir) {
      this.argv = argv;
      this.workdir = workdir;
    }

    public Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    public Builder stdin(String stdin) {
      this.stdin = stdin;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder grace(Duration grace) {
      this.grace = grace;
      return this;
    }

    public Builder stdoutFile(Path stdoutFile) {
      this.stdoutFile = stdoutFile;
      return this;
    }

    public Builder stdoutStream(OutputStream stdoutStream) {
      this.stdoutStream = stdoutStream;
      return this;
    }

    public Builder stderrFile(Path stderrFile) {
      this.stderrFile = stderrFile;
      return this;
    }

    public Builder stdoutLines(Consumer<String> stdoutLines) {
      this.stdoutLines = stdoutLines;
      return this;
    }

    public Builder stderrLines(Consumer<String> stderrLines) {
      this.stderrLines = stderrLines;
      return this;
    }

    /** Output is data (a diff, a tree id) that must come back byte for byte. */
    public Builder exactOutput() {
      this.redactSecrets = false;
      return this;
    }

    public ProcessSpec build() {
      return new ProcessSpec(
          argv,
          workdir,
          environment,
          stdin,
          timeout,
          grace,
          stdoutFile,
          stdoutStream,
          stderrFile,
          stdoutLines,
          stderrLines,
          redactSecrets);
    }
  }
}
