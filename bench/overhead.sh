#!/usr/bin/env bash
# acr's own time per attempt (worktree, capture, apply, clean-up), not the agent's, not the tests'.
#
#   bench/overhead.sh [LAUNCHER]      (default: bin/acr)
#
# Generates a scratch git repository of FILES (default 10000) committed files in 100 folders,
# one uncommitted edit, and a node_modules of NODE_FILES (default 21000) files that .gitignore
# does not mention (the case that used to be copied into every worktree). The agents are shell
# scripts that return at once; the test command is `true` or `false`, which returns at once.
# Three kinds of run, RUNS (default 5) of each, interleaved, timed with date +%s%N:
#   one   --chain a1 --verify false               one failing attempt
#   three --chain a1,a2,a3 --verify false         three failing attempts
#   apply --chain fix --verify true --no-recheck  one verified attempt, applied
# acr's own time is read from the run folders' timestamps, which acr writes as it goes, so the
# agent's and the tests' time is left out however loaded the machine is:
#   per attempt = (argv.json of attempt k - verify.log of attempt k-1)   record, reset, start
#               + (changes.patch - stdout.log of attempt k)               capture (and agent start)
#   averaged over attempts 2 and 3 of the three-attempt runs, plus the run's closing clean-up
#   (outcome.json - last verify.log) shared over its three attempts; apply = outcome.json - verify.log
#   of the applied run minus the same gap of the failing one-attempt runs (the worktree's removal).
#   A run checks one worktree out, for the baseline, and removes it at its end; every attempt
#   reuses it, reset (git/WorktreePool). The checkout is part of the per-run start, not measured
#   here; the removal is printed apart.
# Prints the wall-clock medians too, for reference; they include start-up, the snapshot and the
# baseline. Prints "per attempt: N ms" (median over the runs); exits 1 above LIMIT_MS (default 1000).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
launcher="${1:-$root/bin/acr}"
files="${FILES:-10000}"
node_files="${NODE_FILES:-21000}"
runs="${RUNS:-5}"
limit="${LIMIT_MS:-1000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

repo="$tmp/repo"
mkdir -p "$repo" "$tmp/home" "$tmp/config" "$tmp/agents"
cd "$repo"
git init -q
per_dir=$(( (files + 99) / 100 ))
for d in $(seq 0 99); do
  mkdir -p "src/d$d"
  for f in $(seq 0 $(( per_dir - 1 ))); do
    [ $(( d * per_dir + f )) -lt "$files" ] && echo "content $d $f" >"src/d$d/f$f.txt"
  done
done
printf 'build/\n' >.gitignore
git add -A
git -c user.name=bench -c user.email=bench@acr.invalid commit -qm init
echo "my uncommitted edit" >>src/d0/f0.txt
for p in $(seq 0 $(( node_files / 10 - 1 ))); do
  mkdir -p "node_modules/pkg$p"
  for f in $(seq 0 9); do echo "module.exports = $f;" >"node_modules/pkg$p/f$f.js"; done
done

agent() { printf '#!/bin/sh\n%s\n' "$2" >"$tmp/agents/$1"; chmod +x "$tmp/agents/$1"; }
agent a1 'echo a1 >> src/d1/f1.txt'
agent a2 'echo a2 >> src/d2/f1.txt'
agent a3 'echo a3 >> src/d3/f1.txt'
agent fix 'echo fixed >> src/d4/f1.txt'
{
  echo '{"tools": ['
  for t in a1 a2 a3; do
    echo "{\"name\": \"$t\", \"enabled\": true, \"command\": [\"$tmp/agents/$t\"], \"prompt_mode\": \"append_arg\"},"
  done
  echo "{\"name\": \"fix\", \"enabled\": true, \"command\": [\"$tmp/agents/fix\"], \"prompt_mode\": \"append_arg\"}"
  echo ']}'
} >"$tmp/tools.json"

unset ACR_CONFIG ACR_JAVA_OPTS
export ACR_HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" NO_COLOR=1

# Milliseconds of one acr run; acr's exit code 1 (not verified) is expected for the failing runs.
time_ms() {
  local s e
  s=$(date +%s%N)
  "$launcher" --config "$tmp/tools.json" -q "$@" "overhead" >/dev/null 2>"$tmp/err" || [ $? -eq 1 ] \
    || { echo "overhead.sh: acr failed:" >&2; cat "$tmp/err" >&2; exit 2; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
one=(--chain a1 --max-attempts 1 --verify false)
three=(--chain a1,a2,a3 --max-attempts 3 --verify false)
apply=(--chain fix --max-attempts 1 --verify true --no-recheck)

time_ms "${one[@]}" >/dev/null # warm-up: builds the jar and the CDS archive when needed
: >"$tmp/one"; : >"$tmp/three"; : >"$tmp/apply"
for _ in $(seq "$runs"); do
  time_ms "${one[@]}" >>"$tmp/one"
  time_ms "${three[@]}" >>"$tmp/three"
  time_ms "${apply[@]}" >>"$tmp/apply"
  git checkout -q -- src/d4/f1.txt # undo the applied change for the next round
done
[ "$(git status --porcelain | grep -c '^ M')" -eq 1 ] || { echo "overhead.sh: the tree was left changed" >&2; exit 2; }

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ts() { stat -c '%.3Y' "$1"; }
: >"$tmp/per"
for run in "$ACR_HOME"/runs/*; do
  [ -f "$run/outcome.json" ] || continue
  if [ -d "$run/attempt-3" ]; then
    gaps=0
    for k in 2 3; do
      gaps=$(echo "$gaps + $(ts "$run/attempt-$k/argv.json") - $(ts "$run/attempt-$((k - 1))/verify.log") \
        + $(ts "$run/attempt-$k/changes.patch") - $(ts "$run/attempt-$k/stdout.log")" | bc)
    done
    close=$(echo "$(ts "$run/outcome.json") - $(ts "$run/attempt-3/verify.log")" | bc)
    echo "$gaps $close" | awk '{ printf "%d\n", ($1 / 2 + $2 / 3) * 1000 }' >>"$tmp/per"
    echo "$(ts "$run/attempt-1/argv.json") - $(ts "$run/baseline/verify.log")" | bc | awk '{ printf "%d\n", $1 * 1000 }' >>"$tmp/first"
  elif grep -q '"applied" : true' "$run/outcome.json"; then
    echo "$(ts "$run/outcome.json") - $(ts "$run/attempt-1/verify.log")" | bc | awk '{ printf "%d\n", $1 * 1000 }' >>"$tmp/apply_gap"
  else
    echo "$(ts "$run/outcome.json") - $(ts "$run/attempt-1/verify.log")" | bc | awk '{ printf "%d\n", $1 * 1000 }' >>"$tmp/close"
  fi
done
one_ms=$(median "$tmp/one"); three_ms=$(median "$tmp/three"); apply_ms=$(median "$tmp/apply")
attempt_ms=$(median "$tmp/per")
close_ms=$(median "$tmp/close")
apply_gap=$(( $(median "$tmp/apply_gap") - close_ms ))
apply_gap=$(( apply_gap > 0 ? apply_gap : 0 ))
total=$(( attempt_ms + apply_gap ))
echo "repository: $files committed files, node_modules of $node_files files not ignored; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wall-clock medians of $runs runs: one attempt ${one_ms} ms, three attempts ${three_ms} ms, one applied ${apply_ms} ms"
echo "first attempt of a run: $(median "$tmp/first") ms from the baseline's end to the agent's start (the baseline's worktree, reset)"
echo "end of a run: ${close_ms} ms to remove its worktree (once per run)"
echo "per attempt: ${total} ms (worktree reset + capture + record ${attempt_ms} ms, apply ${apply_gap} ms; medians)"
[ "$total" -le "$limit" ] || { echo "overhead.sh: above ${limit} ms" >&2; exit 1; }
