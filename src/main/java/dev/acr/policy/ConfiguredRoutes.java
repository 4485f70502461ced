package dev.acr.policy;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy's configured routes and their names, found by identity. Plans and attempts hand back
 * the configured route objects, and planning asks for a route's index or name several times per
 * decision (hundreds of thousands of decisions a replay), so an identity scan of an array finds
 * them without hashing a route or comparing names; a route that is not one of these instances is
 * still found by value.
 */
final class ConfiguredRoutes {
  private final List<Route> routes;
  private final Route[] array;
  /**
   * Each route's name, made once ({@link Route#name()} builds a new string per call), as memory's
   * instance of it ({@link MemoryStats#name}).
   */
  private final List<String> names;
  /** Per route, the first route of the same name: where its skill is drawn, and what a try of it marks. */
  private final int[] firstOfName;
  private final int[] indices;

  ConfiguredRoutes(List<Route> routes, MemoryStats stats) {
    this.routes = List.copyOf(routes);
    this.array = this.routes.toArray(new Route[0]);
    List<String> named = new ArrayList<>();
    for (String n : SkillModel.names(this.routes)) {
      named.add(stats.name(n));
    }
    this.names = List.copyOf(named);
    this.indices = new int[array.length];
    for (int i = 0; i < array.length; i++) {
      indices[i] = i;
    }
    this.firstOfName = new int[array.length];
    for (int i = 0; i < array.length; i++) {
      firstOfName[i] = names.indexOf(names.get(i));
    }
  }

  List<Route> list() {
    return routes;
  }

  int size() {
    return array.length;
  }

  Route get(int i) {
    return array[i];
  }

  /** Every route's index, in order (never mutate): a plan over all routes names its candidates so. */
  int[] indices() {
    return indices;
  }

  /** The configured names, in route order (one list instance, which the skill model checks once per fit). */
  List<String> names() {
    return names;
  }

  /** The first configured route with route {@code i}'s name. */
  int firstOfName(int i) {
    return firstOfName[i];
  }

  /** The index of a configured route, or -1. */
  int indexOf(Route r) {
    int i = identityIndex(r);
    return i >= 0 ? i : routes.indexOf(r);
  }

  /** The route's name: memory's instance for a configured route (equal routes share a name). */
  String nameOf(Route r) {
    int i = indexOf(r);
    return i >= 0 ? names.get(i) : r.name();
  }

  /**
   * The first configured index of the route's name ({@link #firstOfName}), or -1 when no
   * configured route has that name: which routes an attempt of {@code r} counts as tried.
   */
  int nameIndex(Route r) {
    int i = identityIndex(r);
    return i >= 0 ? firstOfName[i] : names.indexOf(nameOf(r));
  }

  /** The index of this very route object among the configured ones, or -1. */
  private int identityIndex(Route r) {
    for (int i = 0; i < array.length; i++) {
      if (array[i] == r) {
        return i;
      }
    }
    return -1;
  }
}
