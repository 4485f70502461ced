#!/usr/bin/env python3
"""Rebuilds the real-phrasing probe set: commit subjects of public repositories, lightly normalised
into the imperative a developer would type ("Fixed X (#12)" -> "fix X").

The texts stay outside the repository (they are other projects' words); this script, sources.tsv
(repository, pinned commit, half) and labels.tsv (id, dimension) are enough to rebuild them.

usage: collect.py MIRRORS_DIR OUT.jsonl   (MIRRORS_DIR/<owner>+<name>/repo is a clone of each source)
"""
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

PER_REPO = 30      # subjects drawn per repository, by a hash of the commit id (stable, unbiased)
PER_REPO_KEYWORD = 6  # extra subjects that mention unfinished code (completion is rare in history)

NOISE = re.compile(
    r"^(merge|bump|release|revert|v?\d+\.\d|prepare|initial commit|first commit|wip\b)"
    r"|changelog|typo|lockfile|lock file|pre-commit|\bci\b|workflow|dependabot|version|readme|license"
    r"|copyright|\bformat(ting)?\b|\blint\b|\bclippy\b|badge|gitignore|\bbinder\b|\bdocker",
    re.IGNORECASE)
NOISE_TYPES = {"build", "ci", "chore", "style", "release", "deps", "revert"}
KEYWORD = re.compile(
    r"\b(todo|unimplemented|stub|placeholder|not ?implemented|unfinished|incomplete|finish|"
    r"implement (the )?(missing|remaining|rest))\b", re.IGNORECASE)
CONVENTIONAL = re.compile(r"^(\w+)(\(([^)]*)\))?!?:\s*(.+)$")
TRAILERS = re.compile(
    r"\s*(\((fix(es)?|close[sd]?|see)?\s*#\d+\)|\[ci skip\]|\[skip ci\]|,?\s*(fix(es)?|close[sd]?)\s+#\d+)\s*$",
    re.IGNORECASE)
IMPERATIVE = {
    "added": "add", "adds": "add", "adding": "add", "fixed": "fix", "fixes": "fix", "fixing": "fix",
    "implemented": "implement", "implements": "implement", "implementing": "implement",
    "updated": "update", "updates": "update", "removed": "remove", "removes": "remove",
    "created": "create", "creates": "create", "changed": "change", "changes": "change",
    "improved": "improve", "improves": "improve", "refactored": "refactor", "moved": "move",
    "renamed": "rename", "modified": "modify", "made": "make", "makes": "make", "edited": "edit",
    "replaced": "replace", "converted": "convert", "ported": "port", "rewrote": "rewrite",
    "wrote": "write", "documented": "document", "corrected": "correct", "allowed": "allow",
    "allows": "allow", "optimized": "optimize", "simplified": "simplify", "cleaned": "clean",
    "deleted": "delete", "extracted": "extract", "used": "use", "uses": "use", "handled": "handle",
    "handles": "handle", "supported": "support", "supports": "support", "translated": "translate",
    "uncommented": "uncomment", "adjusted": "adjust", "completed": "complete", "finished": "finish",
    "avoided": "avoid", "avoids": "avoid", "ensured": "ensure", "ensures": "ensure",
}


def normalise(subject):
    """The subject as a request, or None when it is release/merge/housekeeping noise."""
    s = subject.strip()
    while True:
        t = TRAILERS.sub("", s)
        if t == s:
            break
        s = t
    s = re.sub(r"^\[[^\]]*\]\s*", "", s)
    s = re.sub(r"^[^\w\s`(\[<'\"-]+\s*", "", s)  # a leading gitmoji ("🐛 Fix …"): nobody types it
    m = CONVENTIONAL.match(s)
    if m:
        kind, scope, rest = m.group(1).lower(), m.group(3), m.group(4)
        if kind in NOISE_TYPES:
            return None
        s = (scope + ": " + rest) if scope and kind in {"feat", "fix", "perf", "refactor", "test", "docs"} \
            else rest
    s = s.rstrip(". ").strip()
    words = s.split(" ", 1)
    first = words[0].lower()
    if first in IMPERATIVE:
        s = IMPERATIVE[first] + ("" if len(words) == 1 else " " + words[1])
    if len(s) > 1 and not s[1].isupper():
        s = s[0].lower() + s[1:]
    if len(s) < 12 or len(s.split()) < 3 or NOISE.search(s) or NOISE.search(subject):
        return None
    return s


def rank(sha):
    return hashlib.sha1(("acr-real-prompts:" + sha).encode()).hexdigest()


def main(mirrors, out):
    rows = []
    for line in Path(__file__).with_name("sources.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        repo, commit, half, _ = line.split("\t")
        git = Path(mirrors) / repo.replace("/", "+") / "repo"
        log = subprocess.run(["git", "-C", str(git), "log", "--no-merges", "--format=%H%x09%s", "-n", "3000",
                              commit], capture_output=True, text=True, check=True).stdout
        seen, picked = set(), []
        for entry in log.splitlines():
            sha, subject = entry.split("\t", 1)
            text = normalise(subject)
            if text and text.lower() not in seen:
                seen.add(text.lower())
                picked.append((rank(sha), sha, text, subject))
        picked.sort()
        chosen = picked[:PER_REPO]
        chosen += [p for p in picked[PER_REPO:] if KEYWORD.search(p[2])][:PER_REPO_KEYWORD]
        for _, sha, text, subject in chosen:
            rows.append({"id": repo + "@" + sha[:10], "half": half, "prompt": text, "subject": subject})
    with open(out, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    print(f"{len(rows)} prompts -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
