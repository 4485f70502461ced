package dev.acr.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's branches, tags, stash list and config as they were before any acr run's agents ran, shared by the runs
 * whose attempts run at the same time in one repository ({@link RepoRefs}). Each run used to read them as its attempts
 * began and put them back as read when they ended. A run that began while another run's agent had made a branch and set
 * {@code user.email} read both as the user's, and put them back after the other run had taken them back: two runs in one
 * repository left that agent's branch and e-mail address in the user's repository, and the second run said its own agent
 * had changed them.
 *
 * <p>Now the first run to begin reads them into {@code <git dir>/acr/baseline.json}; a run that begins while a run named
 * there lives takes the file's instead, and the file goes with the last of them. A run is named by its pid and start time
 * (as its worktrees' locks are, {@link StaleWorktrees}), so one that died is no longer counted; its file is read afresh.
 * Reads and put-backs hold {@code baseline.lock} (and, within one process, {@link #IN_PROCESS}), so they never interleave.
 */
final class SharedBaseline {

  /** A run taking part: who ({@code acr pid 12 started 2026-…} and a number of its own) and its snapshot commit. */
  record Holder(String who, String snapshot) {}

  /** The runs taking part and what they found before their agents ran. {@code config} is null when there was none. */
  record State(List<Holder> holders, Map<String, String> refs, List<RepoRefs.StashEntry> stash, byte[] config) {}

  /** What a put-back does with the runs still taking part, under the lock. */
  interface PutBack<T> {
    T run(List<Holder> others) throws GitException;
  }

  /** Git work done under the lock: the repository read afresh, a put-back. */
  interface Locked<T> {
    T run() throws GitException;
  }

  /** Read and written as a tree: binding the records costs ~50 ms of reflection at a run's first use. */
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WHO = Pattern.compile("^acr pid (\\d+)(?: started (\\S+))? #");
  /**
   * The OS lock is the process's: a second channel on the file within one process would throw, not wait. Static as the
   * lock it guards is process-wide (the shell's runs or a race's batches in one JVM).
   */
  private static final Object IN_PROCESS = new Object();

  private SharedBaseline() {}

  /** The state {@code self} is to put back: the live runs' file's, else {@code fresh}'s, written for the runs to come. */
  static State join(Path gitDir, Holder self, Locked<State> fresh) throws GitException {
    return locked(gitDir, () -> {
      State now = live(gitDir);
      State joined = now == null ? fresh.run() : now;
      List<Holder> holders = new ArrayList<>(joined.holders());
      holders.add(self);
      write(gitDir, new State(holders, joined.refs(), joined.stash(), joined.config()));
      return joined;
    });
  }

  /** Runs {@code putBack} with the other runs still taking part, then takes {@code self} off the file (gone with the last). */
  static <T> T leave(Path gitDir, Holder self, PutBack<T> putBack) throws GitException {
    return locked(gitDir, () -> {
      State now = live(gitDir);
      List<Holder> others = new ArrayList<>(now == null ? List.of() : now.holders());
      others.remove(self);
      T done = putBack.run(List.copyOf(others));
      if (others.isEmpty()) {
        deleteQuietly(file(gitDir));
      } else {
        write(gitDir, new State(others, now.refs(), now.stash(), now.config()));
      }
      return done;
    });
  }

  /** The file's state with its live runs only; null when there is no file, no live run in it, or it cannot be read. */
  private static State live(Path gitDir) {
    Path file = file(gitDir);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode json = JSON.readTree(file.toFile());
      List<Holder> alive = new ArrayList<>();
      json.path("holders").forEach(h -> alive.add(new Holder(h.path("who").asText(), h.path("snapshot").asText())));
      alive.removeIf(h -> !alive(h));
      if (alive.isEmpty() || !json.path("refs").isObject()) {
        return null;
      }
      Map<String, String> refs = new LinkedHashMap<>();
      json.path("refs").fields().forEachRemaining(e -> refs.put(e.getKey(), e.getValue().asText()));
      List<RepoRefs.StashEntry> stash = new ArrayList<>();
      json.path("stash").forEach(e -> stash.add(new RepoRefs.StashEntry(e.path("commit").asText(), e.path("message").asText())));
      byte[] config = json.path("config").isTextual() ? Base64.getDecoder().decode(json.path("config").asText()) : null;
      return new State(alive, refs, stash, config);
    } catch (IOException | IllegalArgumentException e) {
      return null; // a damaged file: the repository is read afresh, as before there was one
    }
  }

  private static boolean alive(Holder h) {
    Matcher m = h.who() == null ? null : WHO.matcher(h.who());
    return m != null && m.find() && StaleWorktrees.alive(Long.parseLong(m.group(1)), m.group(2));
  }

  private static void write(Path gitDir, State s) throws GitException {
    Path file = file(gitDir);
    Path tmp = file.resolveSibling("baseline.json.tmp");
    ObjectNode json = JSON.createObjectNode();
    ArrayNode holders = json.putArray("holders");
    s.holders().forEach(h -> holders.addObject().put("who", h.who()).put("snapshot", h.snapshot()));
    ObjectNode refs = json.putObject("refs");
    s.refs().forEach(refs::put);
    ArrayNode stash = json.putArray("stash");
    s.stash().forEach(e -> stash.addObject().put("commit", e.commit()).put("message", e.message()));
    json.put("config", s.config() == null ? null : Base64.getEncoder().encodeToString(s.config()));
    try {
      JSON.writeValue(tmp.toFile(), json);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new GitException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static <T> T locked(Path gitDir, Locked<T> action) throws GitException {
    Path lockFile = gitDir.resolve("acr").resolve("baseline.lock");
    synchronized (IN_PROCESS) {
      try {
        Files.createDirectories(lockFile.getParent());
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = ch.lock()) {
          return action.run();
        }
      } catch (IOException e) {
        throw new GitException("cannot lock " + lockFile + ": " + e.getMessage(), e);
      }
    }
  }

  private static Path file(Path gitDir) {
    return gitDir.resolve("acr").resolve("baseline.json");
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // The next run finds no live run in it and reads the repository afresh.
    }
  }
}
