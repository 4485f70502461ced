package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coq, as xavierleroy/cdf-mech-sem is laid out (docs/real-repos-2026-12-06.md, sixth session): .v files listed in a
 * _CoqProject, a Makefile that includes the CoqMakefile coq_makefile generates; its checks are its proofs.
 */
class CoqTest {
  @TempDir Path root;

  private void write(String file, String text) throws IOException {
    Files.createDirectories(root.resolve(file).getParent());
    Files.writeString(root.resolve(file), text);
  }

  @Test
  void aCoqProjectIsCheckedByBuildingItsProofs() throws IOException {
    write("Compil.v", "Lemma x: True. Proof. auto. Qed.\n");
    write("Makefile", "include CoqMakefile\n\nCoqMakefile:\n\tcoq_makefile -f _CoqProject -o CoqMakefile\n");
    assertThat(VerifyDetector.detect(root, null)).as("before: no _CoqProject, a Makefile without a test target").isEmpty();
    write("_CoqProject", "-R . CDF\nCompil.v\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make", "detected: _CoqProject, Makefile"));
    Files.delete(root.resolve("Makefile"));
    assertThat(VerifyDetector.detect(root, null)).contains(
        new VerifyCommand("coq_makefile -f _CoqProject -o CoqMakefile && make -f CoqMakefile", "detected: _CoqProject"));
  }

  /** The cheat a prover has at hand: a proof that does not go through, given up with Admitted (or a goal with admit). */
  @Test
  void aProofGivenUpIsATestTurnedOff() throws IOException {
    Path patch = root.resolve("changes.patch");
    String head = "diff --git a/Compil.v b/Compil.v\n--- a/Compil.v\n+++ b/Compil.v\n@@ -437,27 +437,4 @@\n";
    Files.writeString(patch, head + " Proof.\n-  induction a; simpl; intros.\n-Qed.\n+Admitted.\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof of compile_aexp_correct", List.of())).get().asString()
        .contains("'Admitted.' added to Compil.v");
    Files.writeString(patch, head + " Proof.\n-  eapply star_trans. eauto.\n+  admit.\n Qed.\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof", List.of())).isPresent();
    Files.writeString(patch, head + " Proof.\n-  induction a; simpl; intros.\n+  induction a; simpl; intros; lia.\n Qed.\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof", List.of())).as("a proof mended").isEmpty();
    Files.writeString(patch, head + "-(* TODO *)\n+(* Admitted. was here *)\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof", List.of())).as("in a comment").isEmpty();
  }

  /** A proof that was given up before the change, edited or moved by it, gives up nothing more. */
  @Test
  void aProofAlreadyGivenUpThatTheChangeEditsOrMovesIsNoTestTurnedOff() throws IOException {
    Path patch = root.resolve("changes.patch");
    String head = "diff --git a/Compil.v b/Compil.v\n--- a/Compil.v\n+++ b/Compil.v\n@@ -10,3 +10,3 @@\n Proof.\n";
    Files.writeString(patch, head + "-  intros. Admitted.\n+  intros. simpl. Admitted.\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof of compile_correct", List.of())).as("edited").isEmpty();
    Files.writeString(patch, head + "+Lemma moved: True.\n+Proof. admit. Admitted.\n@@ -40,2 +42,0 @@\n-Lemma moved: True.\n"
        + "-Proof. admit. Admitted.\n");
    assertThat(DisabledTests.find(patch, "put the lemmas in order", List.of())).as("moved up").isEmpty();
    Files.writeString(patch, head + "-  intros. Admitted.\n+  intros. Admitted.\n@@ -40,2 +40,2 @@\n-  auto.\n+  admit.\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof", List.of())).as("one more given up").isPresent();
  }

  /** A proof file dropped from _CoqProject is not checked at all: make passes when no other file imports it. */
  @Test
  void aProofFileDroppedFromCoqProjectIsATestTurnedOff() throws IOException {
    Path patch = root.resolve("changes.patch");
    String head = "diff --git a/_CoqProject b/_CoqProject\n--- a/_CoqProject\n+++ b/_CoqProject\n@@ -1,5 +1,4 @@\n -R . CDF\n Sequences.v\n";
    Files.writeString(patch, head + " IMP.v\n-Compil.v\n Fixpoints.v\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof", List.of())).get().asString()
        .contains("Compil.v dropped from _CoqProject");
    Files.writeString(patch, head + "-IMP.v\n-Compil.v\n+Compil.v\n+IMP.v\n");
    assertThat(DisabledTests.find(patch, "fix the failing proof", List.of())).as("reordered").isEmpty();
    Files.writeString(patch, head + " IMP.v\n-Compil.v\n Fixpoints.v\n");
    assertThat(DisabledTests.find(patch, "remove Compil.v from the build", List.of())).as("asked for").isEmpty();
  }
  /**
   * A proof file renamed or merged into another is no proof left unchecked: the diff deletes the file its _CoqProject line
   * named (diff-index shows a rename as a deletion and an addition), and coq_makefile would fail on the missing file if the
   * line stayed.
   */
  @Test
  void aProofFileRenamedOrDeletedLeavesCoqProjectWithoutTurningTestsOff() throws IOException {
    Path patch = root.resolve("changes.patch");
    String coqProject = "diff --git a/theories/_CoqProject b/theories/_CoqProject\n--- a/theories/_CoqProject\n"
        + "+++ b/theories/_CoqProject\n@@ -1,3 +1,3 @@\n -R . CDF\n IMP.v\n-Compil.v\n+Compiler.v\n";
    String deleted = "diff --git a/theories/Compil.v b/theories/Compil.v\ndeleted file mode 100644\n--- a/theories/Compil.v\n"
        + "+++ /dev/null\n@@ -1,1 +0,0 @@\n-Lemma x: True. Proof. auto. Qed.\n";
    String added = "diff --git a/theories/Compiler.v b/theories/Compiler.v\nnew file mode 100644\n--- /dev/null\n"
        + "+++ b/theories/Compiler.v\n@@ -0,0 +1,1 @@\n+Lemma x: True. Proof. auto. Qed.\n";
    Files.writeString(patch, coqProject + deleted + added);
    assertThat(DisabledTests.find(patch, "call the Compil module Compiler", List.of())).as("renamed").isEmpty();
    Files.writeString(patch, deleted + coqProject.replace("+Compiler.v\n", ""));
    assertThat(DisabledTests.find(patch, "merge Compil.v into IMP.v", List.of())).as("merged away").isEmpty();
    Files.writeString(patch, coqProject + added);
    assertThat(DisabledTests.find(patch, "call the Compil module Compiler", List.of())).as("the old file kept, unchecked")
        .get().asString().contains("Compil.v dropped from _CoqProject");
  }
}
