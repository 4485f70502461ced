package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives {@code jreleaser assemble} made in the package phase, used the way a user would:
 * unpacked into a temporary folder, their {@code bin/acr} run with a clean environment (no
 * ACR_JAR, so the launcher must find its own {@code lib/acr.jar}).
 */
class DistributionIT {

  @TempDir Path tmp;

  private final String version = System.getProperty("acr.version");
  private final Path assembled = Path.of(System.getProperty("acr.assembled"));
  private Path home;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(Files.createDirectories(repo.resolve("src")).resolve("parser.py"), "def parse(s):\n    return s\n");
    Files.writeString(Files.createDirectories(repo.resolve("tests")).resolve("test_parser.py"), "def test_parse():\n    assert False\n");
    run(repo, env(System.getenv("PATH")), "git", "init", "-q");
    run(repo, env(System.getenv("PATH")), "git", "add", "-A");
    run(repo, env(System.getenv("PATH")), "git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "init");
  }

  @Test
  void tarGzHoldsLauncherJarReadmeAndLicenseAndRunsFromTheUnpackedFolder() throws Exception {
    Path archive = assembled.resolve("acr/java-archive/acr-" + version + ".tar.gz");
    assertThat(archive).exists();
    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    run(unpacked, env(System.getenv("PATH")), "tar", "xzf", archive.toString());
    Path dist = unpacked.resolve("acr-" + version);
    assertThat(dist.resolve("bin/acr")).isExecutable();
    assertThat(dist.resolve("lib/acr.jar")).isRegularFile();
    assertThat(dist.resolve("README.md")).isRegularFile();
    assertThat(Files.readString(dist.resolve("LICENSE"))).contains("Apache License", "Version 2.0");

    Run v = run(repo, env(System.getenv("PATH")), dist.resolve("bin/acr").toString(), "--version");
    assertThat(v.exit()).as(v.toString()).isZero();
    assertThat(v.out().strip()).isEqualTo("acr " + version);

    Run d = run(repo, env(System.getenv("PATH")), dist.resolve("bin/acr").toString(), "--dry-run", "fix failing parser test");
    assertThat(d.exit()).as(d.toString()).isZero();
    assertThat(d.out())
        .contains("dimension  bug_fixing")
        .contains("repo       " + repo.toRealPath())
        .contains("language python")
        .contains("dry run: nothing was executed or written");
    assertThat(d.err()).doesNotContain("Exception");
  }

  @Test
  void classDataSharingArchiveIsMadeOnceAndRemadeWhenStaleMissingOrDamaged() throws Exception {
    Path dist = unpackTarGz();
    Path acr = dist.resolve("bin/acr");
    Path jsa = dist.resolve("lib/.acr-cache/acr.jsa");
    Map<String, String> env = env(System.getenv("PATH"));

    assertThat(run(repo, env, acr.toString(), "--version").exit()).isZero();
    assertThat(jsa).isRegularFile();
    FileTime made = Files.getLastModifiedTime(jsa);
    assertThat(run(repo, env, acr.toString(), "--version").exit()).isZero();
    assertThat(Files.getLastModifiedTime(jsa)).as("reused, not remade").isEqualTo(made);

    // Damaged (a truncated archive would crash the JVM): noticed and made again.
    jsa.toFile().setWritable(true);
    Files.write(jsa, new byte[4096]);
    assertVersionRuns(acr, env);
    assertThat(Files.size(jsa)).isGreaterThan(4096);

    // Missing: made again.
    Files.delete(jsa);
    assertVersionRuns(acr, env);
    assertThat(jsa).isRegularFile();

    // Stale: the jar changed (a new build), so the archive is made for the new jar.
    String before = Files.readString(dist.resolve("lib/.acr-cache/acr.jsa.key"));
    Path jar = dist.resolve("lib/acr.jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    assertVersionRuns(acr, env);
    assertThat(Files.readString(dist.resolve("lib/.acr-cache/acr.jsa.key"))).isNotEqualTo(before);

    // A long command has its own archive, trained on a tiny replay; the short one stays as it is.
    FileTime shortMade = Files.getLastModifiedTime(jsa);
    Path memory = Files.writeString(tmp.resolve("empty-memory.jsonl"), "");
    Run stats = run(repo, env, acr.toString(), "stats", "--memory", memory.toString());
    assertThat(stats.exit()).as(stats.toString()).isZero();
    assertThat(dist.resolve("lib/.acr-cache/acr-long.jsa")).isRegularFile();
    assertThat(Files.readString(dist.resolve("lib/.acr-cache/acr-long.jsa.key"))).doesNotContain("none");
    assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(shortMade);

    // Switched off: runs without it.
    Map<String, String> off = new HashMap<>(env);
    off.put("ACR_CDS", "off");
    assertVersionRuns(acr, off);
  }

  @Test
  void zipHoldsTheSameFilesAsTheTarGz() throws Exception {
    Path zip = assembled.resolve("acr/java-archive/acr-" + version + ".zip");
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      z.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(names::add);
    }
    Path dist = unpackTarGz();
    List<String> tarNames = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dist)) {
      files.filter(Files::isRegularFile).forEach(f -> tarNames.add("acr-" + version + "/" + dist.relativize(f)));
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(tarNames);
    String prefix = "acr-" + version + "/";
    assertThat(names).contains(prefix + "bin/acr", prefix + "lib/acr.jar", prefix + "README.md", prefix + "LICENSE",
        prefix + "tools.example.json", prefix + "docs/config.md", prefix + "examples/stand-in-agents/tools.json",
        prefix + "problems/README.md");
  }

  /** Links into the sources or the build only make sense in a clone; the archive has no sources. */
  private static final Pattern CLONE_ONLY = Pattern.compile("^(\\.\\./)*(src/|pom\\.xml|jreleaser\\.yml|\\.ci/|bin/acr$)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

  @Test
  void theArchiveShipsWhatItsDocsLinkToAndTheLiveProblems() throws Exception {
    Path dist = unpackTarGz();
    List<Path> pages = new ArrayList<>(List.of(dist.resolve("README.md")));
    try (Stream<Path> docs = Files.list(dist.resolve("docs"))) {
      docs.filter(d -> d.toString().endsWith(".md")).forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String target = m.group(1);
        if (target.contains("://") || target.startsWith("mailto:") || CLONE_ONLY.matcher(target).find()) {
          continue;
        }
        if (!Files.exists(page.getParent().resolve(target))) {
          broken.add(dist.relativize(page) + " -> " + target);
        }
      }
    }
    assertThat(broken).as("links to files the archive lacks").isEmpty();

    Path problems = Path.of(System.getProperty("acr.root"), "problems");
    try (Stream<Path> files = Files.walk(problems)) {
      List<String> leftovers = List.of("__pycache__", ".pytest_cache", "target", "node_modules");
      files.filter(Files::isRegularFile)
          .filter(f -> leftovers.stream().noneMatch(l -> problems.relativize(f).toString().contains(l)))
          .forEach(f -> assertThat(dist.resolve("problems").resolve(problems.relativize(f))).as("shipped").isRegularFile());
    }
    // `acr bench live` with no folder finds the problems next to the unpacked acr: it reads them,
    // then stops at the route that does not exist.
    Run live = run(repo, env(System.getenv("PATH")), dist.resolve("bin/acr").toString(), "bench", "live", "--routes", "no-such-route");
    assertThat(live.exit()).as(live.toString()).isEqualTo(2);
    assertThat(live.err()).contains("no-such-route").doesNotContain("cannot read the problems");
  }

  @Test
  void jlinkImageRunsWithoutASystemJava() throws Exception {
    Path archive = assembled.resolve("acr-runtime/jlink/acr-runtime-" + version + "-linux-x86_64.tar.gz");
    if (!Files.exists(archive)) {
      System.err.println("acr-test: skipped: the jlink image test needs mvn -Dacr.jlink (the image is not built by default)");
    }
    assumeThat(archive).as("jlink image (built with -Dacr.jlink)").exists();
    Path unpacked = Files.createDirectories(tmp.resolve("image"));
    run(unpacked, env(System.getenv("PATH")), "tar", "xzf", archive.toString());
    Path image = unpacked.resolve("acr-runtime-" + version + "-linux-x86_64");
    assertThat(image.resolve("bin/java")).isExecutable();
    // A build without -Dacr.jlink leaves an earlier image in place: only this build's counts.
    assumeThat(Files.mismatch(image.resolve("jars/acr.jar"), Path.of(System.getProperty("acr.jar"))))
        .as("image holds this build's jar").isEqualTo(-1L);

    // A PATH with the shell tools the launcher uses, and no java.
    Path bin = Files.createDirectories(tmp.resolve("nojava-bin"));
    for (String tool : List.of("bash", "env", "stat", "mkdir", "mktemp", "mv", "rm", "readlink", "git")) {
      Path real = Path.of("/usr/bin", tool);
      if (Files.exists(real)) {
        Files.createSymbolicLink(bin.resolve(tool), real);
      }
    }
    Map<String, String> env = env(bin.toString());
    Run noJava = run(repo, env, "bash", "-c", "command -v java || echo none");
    assertThat(noJava.out().strip()).isEqualTo("none");

    Run v = run(repo, env, image.resolve("bin/acr").toString(), "--version");
    assertThat(v.exit()).as(v.toString()).isZero();
    assertThat(v.out().strip()).isEqualTo("acr " + version);
  }

  private Path unpackTarGz() throws IOException, InterruptedException {
    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    run(unpacked, env(System.getenv("PATH")), "tar", "xzf", assembled.resolve("acr/java-archive/acr-" + version + ".tar.gz").toString());
    return unpacked.resolve("acr-" + version);
  }

  private void assertVersionRuns(Path acr, Map<String, String> env) throws IOException, InterruptedException {
    Run r = run(repo, env, acr.toString(), "--version");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().strip()).isEqualTo("acr " + version);
  }

  /** A user's environment: this PATH, a private home, no acr or Java variables from the build. */
  private Map<String, String> env(String path) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", path);
    env.put("HOME", home.toString());
    env.put("ACR_HOME", home.resolve(".acr").toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("NO_COLOR", "1");
    env.put("LANG", "C.UTF-8");
    return env;
  }

  record Run(int exit, String out, String err) {}

  private Run run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(cmd)).isTrue();
    Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    if (cmd[0].equals("git") || cmd[0].equals("tar")) {
      assertThat(r.exit()).as("%s: %s", List.of(cmd), r.err()).isZero();
    }
    return r;
  }
}
