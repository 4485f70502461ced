package dev.acr.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Coq (Rocq): a project's checks are its proofs, which compiling the {@code .v} files its {@code _CoqProject} lists checks.
 * {@code make} when a Makefile is there (most wrap coq_makefile: xavierleroy/cdf-mech-sem's includes the CoqMakefile it
 * generates), else coq_makefile's own: generated, then run. A failing proof is coqc's {@code Error:} and a nonzero exit.
 * docs/real-repos-2026-12-06.md, sixth session.
 */
final class CoqProject {

  static final String FILE = "_CoqProject";

  private CoqProject() {}

  static Optional<VerifyCommand> detect(Path root) {
    if (!Files.isRegularFile(root.resolve(FILE))) {
      return Optional.empty();
    }
    String makefile = VerifyDetector.firstFile(root, "GNUmakefile", "makefile", "Makefile");
    return Optional.of(makefile != null
        ? new VerifyCommand("make", "detected: " + FILE + ", " + makefile)
        : new VerifyCommand("coq_makefile -f " + FILE + " -o CoqMakefile && make -f CoqMakefile", "detected: " + FILE));
  }
}
