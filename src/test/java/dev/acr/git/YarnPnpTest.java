package dev.acr.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A Yarn PnP package map copied into a worktree keeps its workspaces and leads back to the user's installed packages. */
class YarnPnpTest {
  static final Path USER = Path.of("/r/u/proj");
  static final Path COPY = Path.of("/w/a/b/c");

  private static String loc(String location) {
    return "\"packageLocation\": \"" + location + "\",\\\n";
  }

  private static String relocated(String location) {
    return YarnPnp.relocate(loc(location), USER, COPY);
  }

  @Test
  void theProjectsOwnWorkspacesStayWhereTheWorktreeHasThem() {
    assertThat(relocated("./")).isEqualTo(loc("./"));
    assertThat(relocated("./packages/a/")).isEqualTo(loc("./packages/a/"));
    assertThat(relocated("./.yarn/__virtual__/a-virtual-0123abcd/1/packages/a/"))
        .isEqualTo(loc("./.yarn/__virtual__/a-virtual-0123abcd/1/packages/a/"));
  }

  @Test
  void installedPackagesLeadBackToTheUsersTree() {
    // The project's cache and unplugged folder, and Yarn's global cache beside the project.
    assertThat(relocated("./.yarn/cache/x-npm-1.0.0-ab.zip/node_modules/x/"))
        .isEqualTo(loc("../../../../r/u/proj/.yarn/cache/x-npm-1.0.0-ab.zip/node_modules/x/"));
    assertThat(relocated("./.yarn/unplugged/y-npm-1.0.0-ab/node_modules/y/"))
        .isEqualTo(loc("../../../../r/u/proj/.yarn/unplugged/y-npm-1.0.0-ab/node_modules/y/"));
    assertThat(relocated("../../g/.yarn/berry/cache/z-npm-1.0.0-ab.zip/node_modules/z/"))
        .isEqualTo(loc("../../../../r/g/.yarn/berry/cache/z-npm-1.0.0-ab.zip/node_modules/z/"));
  }

  @Test
  void aVirtualPackageKeepsItsNameAndClimbsFromTheWorktreesYarnFolder() {
    // Yarn reads <ups>/<path> from the folder holding __virtual__ (.yarn): 0 ups into the cache
    // becomes 5 ups from /w/a/b/c/.yarn to the filesystem root, then the user's cache.
    assertThat(relocated("./.yarn/__virtual__/r-virtual-0a8f2cc69a/0/cache/r-npm-18.2.0-dd.zip/node_modules/r/"))
        .isEqualTo(loc("./.yarn/__virtual__/r-virtual-0a8f2cc69a/5/r/u/proj/.yarn/cache/r-npm-18.2.0-dd.zip/node_modules/r/"));
  }

  @Test
  void onlyLocationsChange() {
    String map = "const RAW_RUNTIME_STATE =\n'{\\\n  \"__info\": [\"./.yarn/cache/not-a-location\"],\\\n  "
        + loc("./.yarn/cache/x.zip/node_modules/x/") + "  \"linkType\": \"HARD\"}';\n";
    assertThat(YarnPnp.relocate(map, USER, COPY)).isEqualTo(map.replace("\"packageLocation\": \"./.yarn/cache/x.zip",
        "\"packageLocation\": \"../../../../r/u/proj/.yarn/cache/x.zip"));
  }
}
