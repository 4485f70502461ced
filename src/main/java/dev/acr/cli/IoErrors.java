package dev.acr.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** I/O failures in words for the user. */
final class IoErrors {
  private IoErrors() {}

  /**
   * Why {@code e} happened: NIO's exceptions carry only the path as their message
   * ({@code NoSuchFileException: /x}, {@code AccessDeniedException: /x.lock}); the reason is their class.
   */
  static String reason(Exception e) {
    Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (t instanceof FileSystemException f) {
      String why = f.getReason() != null ? f.getReason()
          : f instanceof NoSuchFileException ? "no such file or directory"
          : f instanceof AccessDeniedException ? "permission denied"
          : f instanceof FileAlreadyExistsException ? "a file is in the way"
          : f instanceof NotDirectoryException ? "not a directory"
          : "cannot be written";
      return f.getFile() == null ? why : why + " (" + f.getFile() + ")";
    }
    return t instanceof IOException && t.getMessage() == null ? t.getClass().getSimpleName() : String.valueOf(t.getMessage());
  }
}
