package dev.acr.cli;

import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.context.Classifier;
import dev.acr.context.InspectionPrefetch;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Start-up: a prompt run spends its first ~100 ms of CPU on the main thread building picocli's
 * model. Meanwhile a second thread reads the annotations picocli is about to ask for, inspects the
 * start directory's repository ({@link InspectionPrefetch}) and initialises what the planner and
 * report need next (the classifier's rule tables, the bundled config's parser, SHA-256, their
 * classes), so a second core overlaps that work instead of the main thread doing it all in turn.
 *
 * <p>Apart from the prefetched inspection, which the planner takes only for the same question,
 * results are thrown away: only caches the JVM keeps per class (annotations, initialised classes;
 * the main thread waits for a class the warm-up is still initialising) and JIT warmth carry over.
 * Failures here are ignored; the main thread does the real work and reports real errors.
 */
final class Warmup implements Runnable {

  /** Classes whose static initialisation a dry run always pays for; initialising them only reads. */
  private static final String[] CLASSES = {
    "dev.acr.verify.VerifyDetector", "dev.acr.context.Languages", "dev.acr.policy.AcrPolicy",
    "dev.acr.policy.SkillModel", "dev.acr.memory.MemoryStore", "dev.acr.live.Planner",
    "dev.acr.cli.Report",
  };

  private Warmup() {}

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts the warm-up when {@code args} are a prompt run and the machine has a second core.
   * Returns the inspection prefetch of {@code cwd} it started, or null (none, e.g. with --workdir).
   */
  static InspectionPrefetch start(Path cwd, String... args) {
    if (!promptRun(args) || Runtime.getRuntime().availableProcessors() < 2) {
      return null;
    }
    boolean otherDir = false;
    for (String a : args) {
      otherDir |= a.equals("--workdir") || a.startsWith("--workdir=");
    }
    InspectionPrefetch prefetch = otherDir ? null : new InspectionPrefetch(cwd);
    if (prefetch != null) {
      // On a thread of its own: it mostly waits for git, while the warm-up keeps a core busy.
      daemon(prefetch, "acr-prefetch");
    }
    daemon(new Warmup(), "acr-warmup");
    return prefetch;
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

  @Override
  public void run() {
    try {
      // First what the main thread needs first: picocli reads these through reflection, and the
      // JVM caches annotations and declared members per class, whichever thread asks.
      for (Class<?> c : new Class<?>[] {AcrCommand.class, WhereOptions.Repo.class, WhereOptions.Memory.class}) {
        c.getAnnotations();
        for (Method m : c.getDeclaredMethods()) {
          m.getAnnotations();
        }
        for (Field f : c.getDeclaredFields()) {
          f.getAnnotations();
        }
      }
      new Classifier().classify("fix the failing parser test");
      ConfigLoader.bundled();
      MessageDigest.getInstance("SHA-256");
      ClassLoader loader = Warmup.class.getClassLoader();
      for (String name : CLASSES) {
        Class.forName(name, true, loader);
      }
    } catch (ConfigException | NoSuchAlgorithmException | ClassNotFoundException | RuntimeException | LinkageError e) {
      // only a head start: the main thread does the same work and reports what goes wrong
    }
  }
}
