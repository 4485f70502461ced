package dev.acr.cli;

import dev.acr.config.BundledConfig;
import dev.acr.context.Classifier;
import dev.acr.context.InspectionPrefetch;
import dev.acr.live.HeadStart;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Start-up: a prompt run's main thread first builds picocli's model and parses the command line.
 * Meanwhile two daemon threads prepare what comes next, so a second core overlaps that work
 * instead of the main thread doing it all in turn: acr-warmup parses the bundled config, warms the
 * classifier and initialises the policy's classes; acr-prefetch inspects the start directory's
 * repository ({@link InspectionPrefetch}), then warms number formatting.
 *
 * <p>The planner takes the inspection only for the same question, and the bundled config ({@link
 * HeadStart}); the rest is thrown away: only what the JVM keeps per class (initialised classes;
 * the main thread waits for a class a warm-up is still initialising) and JIT warmth carry over.
 * Failures here are ignored; the main thread does the real work and reports real errors.
 */
final class Warmup {

  /** Classes whose static initialisation (tables, patterns) a dry run pays for; it only reads. */
  private static final String[] POLICY_CLASSES = {
    "dev.acr.policy.Sigmoid", "dev.acr.policy.SkillModel", "dev.acr.policy.AcrPolicy",
    "dev.acr.memory.MemoryStore", "dev.acr.live.Planner", "dev.acr.cli.Report",
  };

  private static final String[] CONTEXT_CLASSES = {
    "dev.acr.verify.VerifyDetector", "dev.acr.context.Languages", "dev.acr.live.Binaries",
  };

  private Warmup() {}

  /**
   * Starts the warm-up when {@code args} are a prompt run and the machine has a second core.
   * Returns what it began preparing: the inspection of {@code cwd} (none with --workdir) and the
   * bundled config.
   */
  static HeadStart start(Path cwd, String... args) {
    if (!promptRun(args) || Runtime.getRuntime().availableProcessors() < 2) {
      return HeadStart.NONE;
    }
    boolean otherDir = false;
    for (String a : args) {
      otherDir |= a.equals("--workdir") || a.startsWith("--workdir=");
    }
    HeadStart headStart = new HeadStart(otherDir ? null : new InspectionPrefetch(cwd), new BundledConfig());
    daemon(new WarmPlanner(headStart.bundledConfig()));
    daemon(new Prefetch(headStart.inspection()));
    return headStart;
  }

  // The two threads are classes, with no lambdas in them: the first lambda a JVM links sets up
  // the whole method-handle machinery (~8 ms on JDK 17, even with the classes from CDS), which
  // linking it here, on the main thread before picocli, used to cost the main thread.

  /**
   * acr-warmup: in the order the planner needs them, the config, the classifier and the policy.
   * The prompt classified is a typical one; the real one reuses the compiled rules it touched.
   */
  private static final class WarmPlanner extends Thread {
    private final BundledConfig config;

    WarmPlanner(BundledConfig config) {
      super("acr-warmup");
      this.config = config;
    }

    @Override
    public void run() {
      config.run(); // kept for the planner, whose get() then rethrows any failure
      try {
        new Classifier().classify("fix the failing parser test");
      } catch (RuntimeException | LinkageError e) {
        // ignored
      }
      initialise(POLICY_CLASSES);
    }
  }

  /**
   * acr-prefetch: the start directory's repository, which mostly waits for git; then the report's
   * number formatting.
   */
  private static final class Prefetch extends Thread {
    private final InspectionPrefetch inspection;

    Prefetch(InspectionPrefetch inspection) {
      super("acr-prefetch");
      this.inspection = inspection;
    }

    @Override
    public void run() {
      if (inspection != null) {
        inspection.run();
      }
      try {
        String.format(Locale.US, "%d. %-34s ~%2.0f%% $%.3f", 1, "r", 50.0, 0.5);
      } catch (RuntimeException e) {
        // ignored
      }
      initialise(CONTEXT_CLASSES);
    }
  }

  /** Not a subcommand, help or version: what the warm-up prepares would be used. */
  private static boolean promptRun(String... args) {
    if (AcrCommand.mayNeedSubcommands(args)) {
      return false;
    }
    for (String a : args) {
      if (a.equals("--version") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('V') > 0)) {
        return false;
      }
    }
    return true;
  }

  private static void initialise(String... classes) {
    ClassLoader loader = Warmup.class.getClassLoader();
    for (String name : classes) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // ignored: the main thread meets any such error itself
      }
    }
  }

  private static void daemon(Thread t) {
    t.setDaemon(true);
    t.start();
  }
}
