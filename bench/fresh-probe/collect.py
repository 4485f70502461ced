#!/usr/bin/env python3
"""Rebuilds the fresh probe (a third probe beside bench/real-prompts and bench/terse-probe): commit
subjects and pull-request titles of 16 other public repositories, drawn and normalised exactly as
bench/terse-probe draws its own, with this folder's sources.tsv and its own hash salt, so the draw
shares nothing with the other two probes.

The texts stay outside the repository (they are other projects' words); sources.tsv and labels.tsv
(id, dimension) rebuild them.

usage: collect.py MIRRORS_DIR OUT.jsonl   (MIRRORS_DIR/<owner>+<name>/repo is a clone of each source)
"""
import importlib.util
import sys
from pathlib import Path

# One draw and one normalisation for the probes: terse-probe's collect.py, loaded by path (it is a module
# named "collect" too, and imports real-prompts' by that name).
_spec = importlib.util.spec_from_file_location(
    "terse_collect", Path(__file__).resolve().parent.parent / "terse-probe" / "collect.py")
terse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(terse)

if __name__ == "__main__":
    terse.collect(Path(__file__).with_name("sources.tsv"), "acr-fresh-probe:", sys.argv[1], sys.argv[2])
