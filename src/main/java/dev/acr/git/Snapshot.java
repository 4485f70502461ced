package dev.acr.git;

/**
 * The user's working state frozen as a git commit that no branch points to: {@code commit} is
 * HEAD plus their staged, unstaged and untracked-not-ignored files; {@code tree} is its tree
 * (what attempts are diffed against); {@code head} is the HEAD it sits on, null in a repository
 * without commits.
 */
public record Snapshot(String commit, String head, String tree) {}
