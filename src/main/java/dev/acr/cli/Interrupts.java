package dev.acr.cli;

import sun.misc.Signal;

/**
 * Turns Ctrl-C and SIGTERM into an interrupt of the main thread, so the running attempt's process
 * tree is killed, its worktree removed and the attempt recorded before acr exits with 130. A
 * second signal while that cleanup runs exits at once.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(Thread main) {
    Runnable onSignal = new Runnable() {
      private volatile boolean seen;

      @Override
      public void run() {
        if (seen) {
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        seen = true;
        main.interrupt();
      }
    };
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> onSignal.run());
      } catch (IllegalArgumentException e) {
        // Signal not available on this platform: the JVM default applies.
      }
    }
  }
}
