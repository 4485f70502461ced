package dev.acr.cli;

/** The exit codes acr documents in its help. */
final class ExitCodes {
  static final int OK = 0;
  static final int NOT_VERIFIED = 1;
  static final int USAGE = 2;
  static final int INTERRUPTED = 130;

  static final String HELP =
      "%nExit codes:%n"
          + "  0    verified (or dry-run / command ok)%n"
          + "  1    not verified; or verified but not applied (your tree changed since the%n"
          + "       snapshot; the patch is kept and its path printed)%n"
          + "  2    usage, config or input error%n"
          + "  130  interrupted (Ctrl-C or SIGTERM)%n";

  private ExitCodes() {}
}
