package dev.acr.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C and SIGTERM into an interrupt of the main thread, so the running attempt's process
 * tree is killed, its worktree removed and the attempt recorded before acr exits with 130. A
 * second signal while that cleanup runs exits at once.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(Thread main) {
    // A class, not a lambda: installed on the main thread at start-up, where linking the first
    // lambda would set up the method-handle machinery (~8 ms on JDK 17).
    SignalHandler onSignal = new SignalHandler() {
      private volatile boolean seen;

      @Override
      public void handle(Signal signal) {
        if (seen) {
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        seen = true;
        main.interrupt();
      }
    };
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), onSignal);
      } catch (IllegalArgumentException e) {
        // Signal not available on this platform: the JVM default applies.
      }
    }
  }
}
