#!/usr/bin/env python3
"""Rebuilds the terse-prompt probe (a second, independent probe beside bench/real-prompts): commit
subjects and pull-request titles of other public repositories, normalised into the imperative by the
same rules as bench/real-prompts/collect.py. Pull-request titles come from the body of a
"Merge pull request" commit; they are phrased as requests more often than commit subjects.

The texts stay outside the repository (they are other projects' words); sources.tsv and labels.tsv
(id, dimension) rebuild them.

usage: collect.py MIRRORS_DIR OUT.jsonl   (MIRRORS_DIR/<owner>+<name>/repo is a clone of each source)
"""
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "real-prompts"))
from collect import KEYWORD, normalise  # noqa: E402  one normalisation for both probes

PER_REPO_KEYWORD = 6  # extra subjects that mention unfinished code (completion is rare in history)
# A second draw of extras for the other dimensions history rarely shows (ports and bindings, data work,
# more unfinished code), so that all nine are present. It is chosen by words, so these rows test
# phrasing around the words, not whether the words are known; labels still come from the whole text.
PER_REPO_RARE = 5
RARE = re.compile(
    r"\b(port(ed|ing)?|translat\w*|bindings? (for|to)|wrapper for|ffi|from (python|c|c\+\+|js|javascript|java|go|"
    r"rust|ruby) to|to (typescript|rust|kotlin|swift|python|go)|implement(ed)? (the )?(missing|remaining|rest)|"
    r"unimplemented|not ?implemented|todo|stubs?|fill in|finish\w*|complete the|plot\w*|data ?frames?|"
    r"data ?sets?|notebooks?|regression|classifier|train\w*|histograms?|correlat\w*|cluster\w*)\b", re.IGNORECASE)


def candidates(git, commit):
    """(sha, subject) of every commit: the subject, or a merged pull request's title."""
    log = subprocess.run(["git", "-C", str(git), "log", "--format=%H%x1f%s%x1f%b%x1e", "-n", "4000", commit],
                         capture_output=True, text=True, check=True).stdout
    for entry in log.split("\x1e"):
        parts = entry.strip("\n").split("\x1f")
        if len(parts) < 3:
            continue
        sha, subject, body = parts
        if subject.startswith("Merge pull request"):
            title = next((l for l in body.splitlines() if l.strip()), "")
            if title:
                yield sha, title
        elif not subject.startswith("Merge "):
            yield sha, subject


def collect(sources, salt, mirrors, out):
    """Draws every repository of SOURCES (repository, commit, half, drawn, domain) by a hash of SALT and
    the commit id; another probe passes its own sources and salt, so its draw is independent of this one."""
    def rank(sha):
        return hashlib.sha1((salt + sha).encode()).hexdigest()

    rows = []
    for line in Path(sources).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        repo, commit, half, drawn, _ = line.split("\t")
        git = Path(mirrors) / repo.replace("/", "+") / "repo"
        seen, picked = set(), []
        for sha, subject in candidates(git, commit):
            text = normalise(subject)
            if text and text.lower() not in seen:
                seen.add(text.lower())
                picked.append((rank(sha), sha, text, subject))
        picked.sort()
        chosen = picked[:int(drawn)]
        chosen += [p for p in picked[int(drawn):] if KEYWORD.search(p[2])][:PER_REPO_KEYWORD]
        chosen += [p for p in picked[int(drawn):] if p not in chosen and RARE.search(p[2])][:PER_REPO_RARE]
        for _, sha, text, subject in chosen:
            rows.append({"id": repo + "@" + sha[:10], "half": half, "prompt": text, "subject": subject})
    with open(out, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    print(f"{len(rows)} prompts -> {out}", file=sys.stderr)


if __name__ == "__main__":
    collect(Path(__file__).with_name("sources.tsv"), "acr-terse-probe:", sys.argv[1], sys.argv[2])
