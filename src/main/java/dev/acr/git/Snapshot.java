package dev.acr.git;

import java.util.List;

/**
 * The user's working state frozen as a git commit that no branch points to: {@code commit} is
 * HEAD plus their staged, unstaged and untracked-not-ignored files (dependency folders left out);
 * {@code tree} is its tree (what attempts are diffed against); {@code head} is the HEAD it sits
 * on, null in a repository without commits. {@code dependencies} are the user's dependency
 * folders (root-relative) that each worktree links, {@code redirects} what points a worktree back
 * at the user's tree and how it is turned around; both found once, when the snapshot is taken.
 * {@code linked} are those of the dependencies the project's {@code .acr/config.json} names
 * ({@link ConfiguredLinks}): each is linked as it is, whatever it holds.
 */
public record Snapshot(
    String commit, String head, String tree, List<String> dependencies, List<String> linked, Redirects redirects) {
  public Snapshot {
    dependencies = List.copyOf(dependencies);
    linked = List.copyOf(linked);
  }
}
