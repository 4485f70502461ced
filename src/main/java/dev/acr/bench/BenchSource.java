package dev.acr.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Where the benchmark files are read from: a folder (the upstream layout, e.g. a download of the
 * Hugging Face dataset, or the same files gzipped) or the copy bundled in acr's jar, gzipped under
 * {@value #BUNDLED} with the upstream's MIT notice, so a replay needs no download.
 */
public final class BenchSource {
  /** Resource folder of the bundled CodeRouterBench subset (see its NOTICE). */
  public static final String BUNDLED = "/dev/acr/bench/data/";

  private final Path dir;

  private BenchSource(Path dir) {
    this.dir = dir;
  }

  /** The files shipped in acr's jar. */
  public static BenchSource bundled() {
    return new BenchSource(null);
  }

  /** A folder in the upstream layout; each file may also be gzipped ({@code NAME.gz}). */
  public static BenchSource directory(Path dir) {
    return new BenchSource(dir);
  }

  /** Whether this is the bundled copy. */
  public boolean isBundled() {
    return dir == null;
  }

  /** Whether the file (relative name, '/'-separated) exists, plain or gzipped. */
  public boolean exists(String name) {
    if (dir == null) {
      return BenchSource.class.getResource(BUNDLED + name + ".gz") != null;
    }
    return Files.isRegularFile(dir.resolve(name)) || Files.isRegularFile(dir.resolve(name + ".gz"));
  }

  /** How error messages name the file. */
  public String describe(String name) {
    return dir == null ? "bundled " + name : dir.resolve(name).toString();
  }

  /** The whole file as UTF-8 text. */
  public String read(String name) throws IOException, BenchDataException {
    if (dir == null) {
      try (InputStream in = BenchSource.class.getResourceAsStream(BUNDLED + name + ".gz")) {
        if (in == null) {
          throw BenchDataException.of(describe(name), 0, "not in this build of acr (pass --data DIR)");
        }
        return gunzip(in);
      }
    }
    Path plain = dir.resolve(name);
    try {
      return Files.readString(plain);
    } catch (NoSuchFileException e) {
      Path gz = dir.resolve(name + ".gz");
      if (!Files.isRegularFile(gz)) {
        throw BenchDataException.of(plain.toString(), 0, "no such file");
      }
      try (InputStream in = Files.newInputStream(gz)) {
        return gunzip(in);
      }
    }
  }

  private static String gunzip(InputStream in) throws IOException {
    try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
      return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
