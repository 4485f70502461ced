package dev.acr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.git.ApplyResult;
import dev.acr.git.Diff;
import dev.acr.git.GitException;
import dev.acr.git.Isolation;
import dev.acr.git.PatchState;
import dev.acr.live.AcrPaths;
import dev.acr.live.Delivery;
import dev.acr.live.RunFiles;
import dev.acr.memory.MemoryRecord;
import dev.acr.memory.RunHistory;
import dev.acr.verify.VerifyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code acr apply RUN [ATTEMPT]}: applies a patch a run kept (a verified change your tree did not
 * take then, or any attempt's change) to the working tree, later, with the checks of a verified
 * apply: all or nothing, only to the repository the run was made in, never over uncommitted
 * work it would conflict with.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Apply a patch a past run kept to your working tree: the verified attempt's by default, or"
        + " attempt N's. Checked first: it applies whole or not at all, and never over uncommitted work it"
        + " conflicts with. Nothing is staged or committed.",
    footer = "%nExit codes:%n  0    applied (or already in your working tree)%n"
        + "  1    does not apply to your working tree as it is now; nothing was modified%n"
        + "  2    no such run, attempt or patch, or not the repository the run was made in%n")
final class ApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--no-recheck",
      description = "Do not rerun the run's test command in your tree after applying a verified attempt.")
  boolean noRecheck;

  private static final java.time.Duration RECHECK_TIMEOUT = java.time.Duration.ofMinutes(30);

  @Option(names = WhereOptions.WORKDIR, paramLabel = "DIR", description = "Repository to apply to (default: current directory).")
  Path workdir;

  @Parameters(index = "0", paramLabel = "RUN-ID|last", description = "A run id, a unique prefix of one, or 'last'.")
  String run;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ATTEMPT",
      description = "The attempt whose patch to apply (default: the verified one; else the only one that changed files).")
  Integer attempt;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Env env = parent.env();
    AcrPaths paths = AcrPaths.from(env.vars(), memoryOption.memoryFile(env));
    RunHistory history = new RunHistory(paths.memory(), p -> {});
    String runId;
    List<MemoryRecord> records;
    try {
      runId = ExplainCommand.resolve(history, run, paths.memory(), err);
      if (runId == null) {
        return ExitCodes.USAGE;
      }
      records = history.records(runId);
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("acr: cannot read memory " + paths.memory() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Optional<Path> runDir = RunFiles.runDir(paths.runs(), runId).filter(Files::isDirectory);
    if (runDir.isEmpty()) {
      err.println("acr: the files of run " + runId + " are gone from " + paths.runs() + "; there is no patch to apply");
      return ExitCodes.USAGE;
    }
    Integer n = attempt != null ? attempt : defaultAttempt(records, runDir.get(), runId, err);
    if (n == null) {
      return ExitCodes.USAGE;
    }
    Path patch = RunFiles.attemptDir(runDir.get(), n).resolve(RunFiles.PATCH);
    List<String> files = ExplainCommand.changedFiles(RunFiles.readJson(runDir.get().resolve(RunFiles.OUTCOME)), n, patch);
    if (!Files.isRegularFile(patch)) {
      err.println("acr: run " + runId + " has no patch for attempt " + n + " (" + patch + " is missing); acr explain "
          + runId + " shows its attempts");
      return ExitCodes.USAGE;
    }
    if (files.isEmpty()) {
      err.println("acr: attempt " + n + " of run " + runId + " changed nothing; there is nothing to apply");
      return ExitCodes.USAGE;
    }
    Path dir = workdir == null ? env.cwd() : WhereOptions.resolve(env, workdir);
    String madeIn = madeIn(runDir.get());
    Isolation repo;
    try {
      repo = Isolation.forRepo(dir);
    } catch (GitException e) {
      err.println("acr: " + e.getMessage() + "; run acr apply in the run's repository"
          + (madeIn == null ? "" : " (cd " + madeIn + ")"));
      return ExitCodes.USAGE;
    }
    if (madeIn != null && !samePlace(Path.of(madeIn), repo.root())) {
      err.println("acr: run " + runId + " was made in " + madeIn + ", not in " + repo.root() + "; run acr apply there"
          + " (cd " + madeIn + "), or apply the patch by hand: git apply " + patch);
      return ExitCodes.USAGE;
    }
    status(records, n).filter(s -> !s.equals("verified")).ifPresent(s ->
        err.println("acr: note: attempt " + n + " was not verified (" + s + "); " + (attempt != null
            ? "applying its patch as you asked" : "it is the only attempt of the run that changed files, so its patch is applied")));
    if (alreadyApplied(repo.root(), patch)) {
      out.println("attempt " + n + " of run " + runId + " is already in your working tree (" + String.join(", ", files)
          + "); nothing to do");
      return ExitCodes.OK;
    }
    // A verified attempt gets the run's own checks: applied all or nothing, then (unless
    // --no-recheck) the run's test command in this tree, rolled back exactly when it fails here.
    // A patch the user picks that never verified is applied as asked, without a recheck.
    boolean verified = status(records, n).filter(s -> s.equals("verified")).isPresent();
    JsonNode decision = RunFiles.readJson(runDir.get().resolve(RunFiles.DECISION));
    String command = decision == null ? null : decision.path("verify").asText(null);
    VerifyCommand verify = command == null || !verified ? null : new VerifyCommand(command, "the run's test command");
    Path testDir = repo.root().resolve(decision == null ? "." : decision.path("package_dir").asText(".")).normalize();
    Delivery delivery = new Delivery(repo, verify, testDir, env.vars(), RECHECK_TIMEOUT, !noRecheck,
        line -> err.println("acr: " + line));
    ApplyResult result;
    try {
      // Its own folder for the saved files and the recheck's log: the run's apply may have left one.
      Path work = Files.createDirectories(RunFiles.attemptDir(runDir.get(), n).resolve("apply-" + System.currentTimeMillis()));
      result = delivery.deliver(new Diff(patch, files, false), work).applied();
    } catch (IOException e) {
      err.println("acr: could not prepare the apply in " + runDir.get() + ": " + e.getMessage() + "; nothing was modified");
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("acr: interrupted during the recheck; your working tree was put back as it was");
      return ExitCodes.INTERRUPTED;
    }
    if (!result.applied()) {
      err.println("acr: attempt " + n + " of run " + runId + " was not applied: " + result.message().replace("\n", "\n  "));
      return ExitCodes.NOT_VERIFIED;
    }
    try {
      RunFiles.recordAppliedLater(runDir.get(), n, Instant.now().toString());
    } catch (IOException e) {
      err.println("acr: applied, but could not note it in " + runDir.get().resolve(RunFiles.OUTCOME) + ": " + e.getMessage());
    }
    out.println("applied attempt " + n + " of run " + runId + " to your working tree (" + String.join(", ", files)
        + "); " + Report.review(patch));
    return ExitCodes.OK;
  }

  /** The verified attempt, else the only one that changed files; null after saying why there is none. */
  private static Integer defaultAttempt(List<MemoryRecord> records, Path runDir, String runId, PrintWriter err) {
    for (MemoryRecord r : records) {
      if ("verified".equals(r.status())) {
        return r.attempt();
      }
    }
    List<Integer> withChanges = new ArrayList<>();
    JsonNode outcome = RunFiles.readJson(runDir.resolve(RunFiles.OUTCOME));
    for (MemoryRecord r : records) {
      Path patch = RunFiles.attemptDir(runDir, r.attempt()).resolve(RunFiles.PATCH);
      if (Files.isRegularFile(patch) && !ExplainCommand.changedFiles(outcome, r.attempt(), patch).isEmpty()) {
        withChanges.add(r.attempt());
      }
    }
    if (withChanges.size() == 1) {
      return withChanges.get(0);
    }
    err.println(withChanges.isEmpty()
        ? "acr: no attempt of run " + runId + " changed anything; there is nothing to apply"
        : "acr: run " + runId + " has no verified attempt and " + withChanges.size() + " attempts with changes ("
            + withChanges.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
            + "); say which: acr apply " + runId + " N (acr explain " + runId + " shows them)");
    return null;
  }

  private static Optional<String> status(List<MemoryRecord> records, int n) {
    return records.stream().filter(r -> r.attempt() == n).map(MemoryRecord::status).findFirst();
  }

  /** The repository the run was made in, from its decision; null when not recorded. */
  private static String madeIn(Path runDir) {
    JsonNode d = RunFiles.readJson(runDir.resolve(RunFiles.DECISION));
    if (d == null) {
      return null;
    }
    return d.hasNonNull("repo_root") ? d.path("repo_root").asText() : null;
  }

  private static boolean samePlace(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static boolean alreadyApplied(Path root, Path patch) {
    try {
      return PatchState.alreadyApplied(root, patch);
    } catch (GitException e) {
      return false; // then the apply itself checks and says what went wrong
    }
  }
}
