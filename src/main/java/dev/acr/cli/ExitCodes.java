package dev.acr.cli;

/** The exit codes acr documents in its help. */
final class ExitCodes {
  static final int OK = 0;
  static final int NOT_VERIFIED = 1;
  static final int USAGE = 2;
  static final int NO_AGENT = 3;
  static final int INTERRUPTED = 130;

  static final String HELP =
      "%nExamples:%n"
          + "  acr --dry-run \"fix the failing parser test\"  what it would run; runs nothing%n"
          + "  acr \"fix the failing parser test\"            attempt, test, escalate, apply%n"
          + "  acr -q --chain codex,claude-code \"...\"       in this order, output logged%n"
          + "  acr runs; acr explain last                   what happened%n"
          + "  acr doctor                                   which CLIs can run, what to fix%n"
          + "%nExit codes:%n"
          + "  0    verified (or a question answered, dry-run, command ok)%n"
          + "  1    not verified; or verified but not applied (your tree changed since the%n"
          + "       snapshot, or the tests failed there): the patch is kept, acr says how%n"
          + "       to apply it later%n"
          + "  2    usage, config or input error; or a test command that cannot run at%n"
          + "       all (then no agent runs)%n"
          + "  3    no agent could run (not installed, not signed in, offline, quota or rate%n"
          + "       limit): acr prints one line per tool saying what to fix%n"
          + "  130  interrupted (Ctrl-C or SIGTERM)%n";

  private ExitCodes() {}
}
