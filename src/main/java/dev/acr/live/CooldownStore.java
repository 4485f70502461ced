package dev.acr.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.Task;
import dev.acr.memory.AtomicFile;
import dev.acr.memory.MemoryLock;
import dev.acr.policy.Fallback;
import dev.acr.policy.Cooldown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The providers acr leaves alone after a quota or rate limit, remembered across runs in {@code
 * $ACR_HOME/cooldowns.json}: {@code {"cooldowns": [{"provider", "until", "reason"}]}}. Deleting the
 * file (or an entry) makes acr try the provider again at once. Expired entries are dropped on the
 * next write.
 */
public final class CooldownStore {
  /**
   * Built on first use: a cold ObjectMapper costs ~60 ms of CPU, and a dry run without a
   * cool-down file (the usual case) reads nothing.
   */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private final Path file;

  public CooldownStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * The cool-downs in force at {@code now}. An unreadable file reads as none (acr then tries the
   * providers, which is what it did before there was a file) and says why in {@code problems}.
   */
  public List<Cooldown> active(Instant now, List<String> problems) {
    List<Cooldown> out = new ArrayList<>();
    for (Cooldown c : read(problems)) {
      if (c.activeAt(now)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Adds (or extends) a provider's cool-down, dropping expired ones; one provider, one entry. The
   * read and the write happen under the file's lock, so two runs hitting limits at the same time
   * (an acr per terminal, or a race) keep both entries instead of the last writer's alone.
   */
  public void add(Cooldown c, Instant now) throws IOException {
    MemoryLock.hold(file, () -> {
      write(c, now);
      return null;
    });
  }

  private void write(Cooldown c, Instant now) throws IOException {
    Map<String, Cooldown> byProvider = new LinkedHashMap<>();
    for (Cooldown old : read(new ArrayList<>())) {
      if (old.activeAt(now)) {
        byProvider.put(old.provider(), old);
      }
    }
    Cooldown old = byProvider.get(c.provider());
    if (old == null || old.until().isBefore(c.until())) {
      byProvider.put(c.provider(), c);
    }
    ObjectNode root = Lazy.JSON.createObjectNode();
    ArrayNode list = root.putArray("cooldowns");
    for (Cooldown k : byProvider.values()) {
      list.addObject().put("provider", k.provider()).put("until", k.until().toString()).put("reason", k.reason());
    }
    Files.createDirectories(file.toAbsolutePath().getParent(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try (AtomicFile out = AtomicFile.create(file)) {
      out.writer().write(root.toPrettyString());
      out.writer().write("\n");
      out.commit(PosixFilePermissions.fromString("rw-------"));
    }
  }

  /**
   * {@code inner}, and before it: the cool-down each attempt's quota or rate limit calls for
   * ({@link Fallback#cooldownAfter}) written here, and said on {@code note}.
   */
  public RunLoop.Listener remembering(RunLoop.Listener inner, Fallback fallback, Clock clock, Consumer<String> note) {
    return new RunLoop.Listener() {
      @Override
      public void beforeAttempt(Task task, Route route, int attemptNumber, List<Route> plan) {
        inner.beforeAttempt(task, route, attemptNumber, plan);
      }

      @Override
      public void afterAttempt(Task task, AttemptResult result, int attemptNumber) {
        Instant now = clock.instant();
        Optional<Cooldown> c = fallback.cooldownAfter(result, now);
        if (c.isPresent()) {
          try {
            add(c.get(), now);
            note.accept(c.get().provider() + ": " + c.get().reason() + "; acr skips its routes until " + c.get().until()
                + " (" + file + ")");
          } catch (IOException e) {
            note.accept("could not remember " + c.get().provider() + "'s " + c.get().reason() + " in " + file + ": "
                + e.getMessage() + "; later runs will try it again");
          }
        }
        inner.afterAttempt(task, result, attemptNumber);
      }

      @Override
      public void memoryFailed(IOException error) {
        inner.memoryFailed(error);
      }
    };
  }

  private List<Cooldown> read(List<String> problems) {
    List<Cooldown> out = new ArrayList<>();
    JsonNode root;
    try {
      String text = Files.readString(file);
      root = Lazy.JSON.readTree(text);
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      problems.add("cannot read " + file + " (" + e.getMessage() + "); no provider is cooling down. Delete the file to silence this");
      return out;
    }
    JsonNode list = root == null ? null : root.get("cooldowns");
    if (list == null || !list.isArray()) {
      problems.add(file + " has no \"cooldowns\" list; no provider is cooling down. Delete the file to silence this");
      return out;
    }
    for (JsonNode n : list) {
      try {
        out.add(new Cooldown(n.path("provider").asText(), Instant.parse(n.path("until").asText()),
            n.path("reason").asText("quota")));
      } catch (DateTimeParseException e) {
        problems.add(file + ": skipped an entry without a valid \"until\": " + n);
      }
    }
    return out;
  }
}
