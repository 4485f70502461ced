package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.status;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submodule in an attempt's worktree holds what the user's does, uncommitted edits included,
 * as the top level does; a change inside one is kept as its own patch and never applied to the
 * user's submodule.
 */
class GitSubmodulesTest {
  @TempDir Path tmp;
  Path repo;
  Path sub;
  Isolation iso;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    Path lib = GitFixture.withCommit(tmp.resolve("libsrc"), Map.of("lib.h", "#define V 1\n", "old.c", "old\n",
        ".gitignore", "*.o\n"));
    repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("main.c", "int main(void) { return 0; }\n"));
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "deps/lib");
    git(repo, "commit", "-qm", "add lib");
    sub = repo.resolve("deps/lib");
    iso = Isolation.forRepo(repo);
  }

  @Test
  void theUsersUncommittedEditsInASubmoduleAreInTheAttemptsWorktree() throws Exception {
    write(sub, "lib.h", "#define V 2\n"); // unstaged
    write(sub, "new.h", "new\n");
    git(sub, "add", "new.h"); // staged
    Files.delete(sub.resolve("old.c")); // deleted
    write(sub, "notes.txt", "mine\n"); // untracked
    write(sub, "build.o", "ignored\n"); // ignored: left out, as at the top level
    String before = status(sub);
    byte[] index = Files.readAllBytes(Path.of(git(sub, "rev-parse", "--git-path", "index").strip()));

    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, tmp.resolve("wt"));

    Path inWt = wt.resolve("deps/lib");
    assertThat(read(inWt, "lib.h")).isEqualTo("#define V 2\n");
    assertThat(read(inWt, "new.h")).isEqualTo("new\n");
    assertThat(read(inWt, "notes.txt")).isEqualTo("mine\n");
    assertThat(inWt.resolve("old.c")).doesNotExist();
    assertThat(inWt.resolve("build.o")).doesNotExist();
    // Its HEAD is the commit the superproject records, so the top level sees no new commit there.
    assertThat(git(inWt, "rev-parse", "HEAD")).isEqualTo(git(sub, "rev-parse", "HEAD"));
    // The user's submodule is as it was: files, index.
    assertThat(status(sub)).isEqualTo(before);
    assertThat(Files.readAllBytes(Path.of(git(sub, "rev-parse", "--git-path", "index").strip()))).isEqualTo(index);

    // Nothing changed by the attempt: nothing captured, though the user's edits are there.
    Diff none = iso.capture(wt, s, tmp.resolve("run/attempt-1/changes.patch"));
    assertThat(none.empty()).isTrue();
    iso.removeWorktree(wt);
  }

  @Test
  void aChangeInsideASubmoduleIsKeptAsItsOwnPatchAndRefusedClearly() throws Exception {
    write(sub, "lib.h", "#define V 2\n"); // the user's uncommitted edit, which the patch builds on
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, tmp.resolve("wt"));
    write(wt, "main.c", "int main(void) { return 1; }\n");
    write(wt, "deps/lib/lib.h", "#define V 3\n");

    Path patch = tmp.resolve("run/attempt-1/changes.patch");
    Diff d = iso.capture(wt, s, patch);
    iso.removeWorktree(wt);

    assertThat(d.changedFiles()).containsExactly("main.c", "deps/lib/lib.h");
    Path subPatch = Submodules.patchOf(patch, "deps/lib");
    assertThat(Files.readString(subPatch)).contains("-#define V 2").contains("+#define V 3");
    assertThat(Files.readString(patch)).doesNotContain("lib.h");

    Map<String, String> userFiles = GitFixture.files(repo);
    ApplyResult r = iso.applyToUser(d);
    assertThat(r.applied()).isFalse();
    assertThat(r.message()).contains("inside submodule(s) deps/lib").contains("nothing was modified")
        .contains("cd " + sub + " && git apply " + subPatch);
    assertThat(GitFixture.files(repo)).isEqualTo(userFiles);

    // The kept patch applies by hand, as the message says, onto the user's uncommitted edit.
    git(sub, "apply", subPatch.toString());
    assertThat(read(sub, "lib.h")).isEqualTo("#define V 3\n");
  }
}
