#!/usr/bin/env bash
# The rules' scores on each probe's tune half as they were before that probe was first read:
# the classifier at 35320b0 (bench/real-prompts), a9adce9 (bench/terse-probe), 704dfaf
# (bench/fresh-probe). Those rules had not been fit to the probe, so a blend weight chosen on
# them is not biased toward the rules the way one chosen on today's rules would be.
#
#   bench/classifier-model/first-sight.sh PROBES OUT_DIR
#
# PROBES holds each probe's collect.py output (real-prompts.jsonl, terse-probe.jsonl,
# fresh-probe.jsonl); writes OUT_DIR/first-<probe>.jsonl ({"id", "pred", "rules"}, tune half only)
# and prints each old classifier's accuracy on the tune half (64.9%, 66.9%, 67.8%, as the probes'
# READMEs report at first sight). Needs the built jar (for jackson) and python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
probes="$1"; out="$2"; mkdir -p "$out"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
jar="$root/target/acr.jar"
[ -f "$jar" ] || { echo "acr: $jar not found: build it first (mvn -q -B -o -DskipTests package)" >&2; exit 2; }
for pc in real-prompts:35320b0 terse-probe:a9adce9 fresh-probe:704dfaf; do
  probe="${pc%%:*}"; commit="${pc##*:}"; old="$work/$commit"
  mkdir -p "$old/classes" "$work/dump"
  git -C "$root" archive "$commit" src/main | tar -x -C "$old"
  # Expose the scores the old classify computed, just before its verdict.
  python3 - "$old/src/main/java/dev/acr/context/Classifier.java" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
assert s.count("    return verdict(scores, hits, text);") == 1
s = s.replace("    return verdict(scores, hits, text);", "    LAST.set(scores.clone());\n    return verdict(scores, hits, text);")
s = s.replace("public final class Classifier {", "public final class Classifier {\n  public static final ThreadLocal<double[]> LAST = new ThreadLocal<>();", 1)
open(p, "w").write(s)
PY
  (cd "$old" && javac -nowarn -d classes -cp "$jar" $(find src/main/java -name '*.java') 2>/dev/null)
  python3 - "$probes/$probe.jsonl" "$root/bench/$probe/labels.tsv" "$work/tune-$probe.jsonl" <<'PY'
import json, sys
labels = dict(l.split("\t") for l in open(sys.argv[2]).read().splitlines() if not l.startswith("#"))
with open(sys.argv[3], "w") as out:
    for line in open(sys.argv[1]):
        r = json.loads(line)
        if r["half"] == "tune" and labels[r["id"]] not in ("ambiguous", "not-a-task"):
            out.write(json.dumps({"id": r["id"], "prompt": r["prompt"], "dimension": labels[r["id"]]}) + "\n")
PY
  javac -nowarn -d "$work/dump" -cp "$old/classes:$jar" "$root/bench/classifier-model/OldDump.java"
  java -cp "$work/dump:$old/classes:$old/src/main/resources:$jar" dev.acr.context.OldDump \
    "$out/first-$probe.jsonl" "$work/tune-$probe.jsonl"
done
