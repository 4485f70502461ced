package dev.acr.live;

import dev.acr.config.BundledConfig;
import dev.acr.context.InspectionPrefetch;

/**
 * What start-up threads prepare for the {@link Planner} while the command line is parsed: the
 * start directory's repository inspection, taken only for the same question, and the bundled
 * config. Either may be null; the planner then does the work itself.
 */
public record HeadStart(InspectionPrefetch inspection, BundledConfig bundledConfig) {

  /** Nothing prepared. */
  public static final HeadStart NONE = new HeadStart(null, null);
}
