#!/usr/bin/env python3
"""Scores `acr classify --file` on labelled JSONL files ({"prompt", "dimension"} or, for the probe,
the prompts from collect.py joined with labels.tsv).

usage: score.py ACR FILE.jsonl [HALF] [-v] [--labels LABELS.tsv]
  HALF: tune or held, for a probe; -v prints the misses; --labels: another probe's labels
  (bench/terse-probe), by default this folder's labels.tsv
"""
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def rows_of(path, half, labels_file):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    if "dimension" not in rows[0]:
        labels = {}
        for line in Path(labels_file).read_text().splitlines():
            if not line.startswith("#"):
                rid, label = line.split("\t")
                labels[rid] = label
        rows = [dict(r, dimension=labels[r["id"]]) for r in rows if labels[r["id"]] not in ("ambiguous", "not-a-task")]
        rows = [r for r in rows if half is None or r["half"] == half]
    return rows


def main():
    acr, path = sys.argv[1], sys.argv[2]
    half = next((a for a in sys.argv[3:] if a in ("tune", "held")), None)
    args = sys.argv[3:]
    labels_file = args[args.index("--labels") + 1] if "--labels" in args else Path(__file__).with_name("labels.tsv")
    rows = rows_of(path, half, labels_file)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": i, "prompt": r["prompt"]}) + "\n")
    out = subprocess.run([acr, "classify", "--file", f.name], capture_output=True, text=True, check=True).stdout
    got = [json.loads(l) for l in out.splitlines()]
    ok = 0
    per = collections.Counter()
    per_ok = collections.Counter()
    for r, g in zip(rows, got):
        per[r["dimension"]] += 1
        if g["dimension"] == r["dimension"]:
            ok += 1
            per_ok[r["dimension"]] += 1
        elif "-v" in sys.argv:
            print(f"  {r['dimension']:>18} <- {g['dimension']:<18} {r['prompt'][:110]!r}")
    dims = " ".join(f"{d[:8]} {per_ok[d]}/{per[d]}" for d in sorted(per))
    print(f"{path.split('/')[-1]}{' ' + half if half else ''}: {ok}/{len(rows)} = {100 * ok / len(rows):.1f}%  [{dims}]")


if __name__ == "__main__":
    main()
