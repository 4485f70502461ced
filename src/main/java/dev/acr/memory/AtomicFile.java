package dev.acr.memory;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file replaced all at once: written as a user-only temporary file in the target's directory,
 * forced to disk, then renamed over the target atomically, so a reader sees the old file or the
 * new one, never half of one, and a crash or failure before {@link #commit} leaves the target as
 * it was ({@link #close} removes the temporary file).
 */
public final class AtomicFile implements AutoCloseable {
  /** Temporary files are {@code .<target name>.<random>.tmp}. */
  static final String TEMP_SUFFIX = ".tmp";

  private final Path target;
  private final Path temp;
  private final FileOutputStream stream;
  private final Writer writer;
  private boolean committed;
  private boolean closed;

  private AtomicFile(Path target) throws IOException {
    this.target = target;
    this.temp = Files.createTempFile(target.toAbsolutePath().getParent(), tempPrefix(target), TEMP_SUFFIX,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      stream = new FileOutputStream(temp.toFile());
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
  }

  /** Starts replacing {@code target} (which need not exist; its directory must). */
  public static AtomicFile create(Path target) throws IOException {
    return new AtomicFile(target);
  }

  static String tempPrefix(Path target) {
    return "." + target.getFileName() + ".";
  }

  /** Where to write the new content (UTF-8, buffered). */
  public Writer writer() {
    return writer;
  }

  /** The temporary file, for tests that fail between writing and renaming. */
  Path temp() {
    return temp;
  }

  /** Forces the content to disk, gives it {@code permissions}, and renames it over the target. */
  public void commit(Set<PosixFilePermission> permissions) throws IOException {
    written();
    Files.setPosixFilePermissions(temp, permissions);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    committed = true;
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Ends writing: the content is in the temporary file and on disk, not yet in place. */
  void written() throws IOException {
    if (!closed) {
      writer.flush();
      stream.getFD().sync();
      closed = true;
      writer.close();
    }
  }

  /** Without a commit: throws the new content away; the target is untouched. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      if (!closed) {
        closed = true;
        writer.close();
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename itself durable; not every file system can sync a directory, and then it is skipped. */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // The rename has happened; only its durability across a power cut is not guaranteed here.
    }
  }
}
