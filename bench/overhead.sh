#!/usr/bin/env bash
# acr's own time per attempt (worktree, capture, apply, clean-up), not the agent's, not the tests'.
#
#   bench/overhead.sh [LAUNCHER]      (default: bin/acr)
#
# Generates a scratch git repository of FILES (default 10000) committed files in 100 folders,
# one uncommitted edit, and a node_modules of NODE_FILES (default 21000) files that .gitignore
# does not mention (the case that used to be copied into every worktree). The agents are shell
# scripts that return at once; the test command is `true` or `false`, which returns at once.
# Four kinds of run, RUNS (default 5) of each, interleaved, timed with date +%s%N:
#   first  --chain a1 --verify false              one failing attempt, after `acr doctor --fix` removed
#                                                 the kept worktree: the run checks one out (a repository's
#                                                 first run, or the first after a clean-up)
#   one    --chain a1 --verify false              one failing attempt, the kept worktree reset
#   three  --chain a1,a2,a3 --verify false        three failing attempts, the kept worktree reset
#   apply  --chain fix --verify true --no-recheck one verified attempt, applied
# acr's own time is read from timestamps, so the agent's and the tests' time is left out however
# loaded the machine is: the files acr writes in each run folder as it goes, and the start of the
# run's first git command after start-up (git's own trace, GIT_TRACE2_EVENT: the check for
# worktrees of killed runs, right before the snapshot):
#   setup       = baseline/verify.log - that git command's start     snapshot, worktree (checked out,
#                                                                     or the kept one reset), run folder
#   attempt k   = (argv.json of k - verify.log of k-1)               record, hand back, reset, start
#               + (changes.patch - stdout.log of k)                   capture (and agent start)
#   end         = outcome.json - verify.log of the last attempt      apply when verified, record, keep
# A run's acr time is setup + its attempts + end; per attempt, that divided by its attempts. The
# figures are medians over the runs. Exits 1 when a later run's figure per attempt (one, three or
# apply) is above LIMIT_MS (default 1000); the first run's is printed beside it, not held to it: it
# is paid once per repository (and after acr doctor --fix), not per run.
# Prints the wall-clock medians too, for reference; they include start-up and the baseline.
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

# One acr run, timed; its run folder and git's trace of it are noted in $tmp/runs as "ID KIND
# TRACE MS". acr's exit code 1 (not verified) is expected for the failing runs.
run() {
  local kind="$1" s e before id trace
  shift
  trace="$tmp/trace/$kind-$(date +%s%N).json"
  before="$(ls "$ACR_HOME/runs" 2>/dev/null || true)"
  s=$(date +%s%N)
  GIT_TRACE2_EVENT="$trace" "$launcher" --config "$tmp/tools.json" -q "$@" "overhead" >/dev/null 2>"$tmp/err" \
    || [ $? -eq 1 ] || { echo "overhead.sh: acr failed:" >&2; cat "$tmp/err" >&2; exit 2; }
  e=$(date +%s%N)
  id="$(comm -13 <(echo "$before") <(ls "$ACR_HOME/runs"))"
  echo "$id $kind $trace $(( (e - s) / 1000000 ))" >>"$tmp/runs"
}
one=(--chain a1 --max-attempts 1 --verify false)
three=(--chain a1,a2,a3 --max-attempts 3 --verify false)
apply=(--chain fix --max-attempts 1 --verify true --no-recheck)
forget() { "$launcher" --config "$tmp/tools.json" doctor --fix >/dev/null 2>&1 || true; } # removes the kept worktree

mkdir -p "$tmp/trace"
run warmup "${one[@]}" # builds the jar and the CDS archive when needed
: >"$tmp/runs"
for _ in $(seq "$runs"); do
  forget
  run first "${one[@]}"
  run one "${one[@]}"
  run three "${three[@]}"
  run apply "${apply[@]}"
  git checkout -q -- src/d4/f1.txt # undo the applied change for the next round
done
[ "$(git status --porcelain | grep -c '^ M')" -eq 1 ] || { echo "overhead.sh: the tree was left changed" >&2; exit 2; }
[ "$(git worktree list | wc -l)" -eq 2 ] || { echo "overhead.sh: expected one kept worktree:" >&2; git worktree list >&2; exit 2; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ts() { stat -c '%.3Y' "$1"; }
# The start of the first `git worktree list` in a trace, in seconds since the epoch.
git_start() {
  local t
  t="$(grep -m1 '"event":"start".*"argv":\["[^"]*git","worktree","list"' "$1" | sed 's/.*"time":"\([^"]*\)".*/\1/')"
  [ -n "$t" ] || { echo "overhead.sh: no git worktree list in $1" >&2; exit 2; }
  date -d "$t" +%s.%N
}
ms() { echo "$1" | bc | awk '{ printf "%d\n", $1 * 1000 }'; }
: >"$tmp/figures"
while read -r id kind trace wall; do
  dir="$ACR_HOME/runs/$id"
  n=$(ls -d "$dir"/attempt-* | wc -l)
  setup=$(ms "$(ts "$dir/baseline/verify.log") - $(git_start "$trace")")
  prev="$dir/baseline/verify.log"
  attempts=0
  for k in $(seq "$n"); do
    a="$dir/attempt-$k"
    attempts=$(( attempts + $(ms "$(ts "$a/argv.json") - $(ts "$prev") + $(ts "$a/changes.patch") - $(ts "$a/stdout.log")") ))
    prev="$a/verify.log"
  done
  end=$(ms "$(ts "$dir/outcome.json") - $(ts "$prev")")
  echo "$kind $wall $setup $(( attempts / n )) $end $(( (setup + attempts + end) / n ))" >>"$tmp/figures"
done <"$tmp/runs"
# figure KIND COLUMN: the median of a column (2 wall, 3 setup, 4 attempt, 5 end, 6 per attempt) over KIND's runs
figure() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$tmp/figures" | median; }

echo "repository: $files committed files, node_modules of $node_files files not ignored; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wall-clock medians of $runs runs: first run $(figure first 2) ms, one attempt $(figure one 2) ms, three attempts $(figure three 2) ms, one applied $(figure apply 2) ms"
echo "run setup (snapshot + worktree): first run $(figure first 3) ms (checks the worktree out), later runs $(figure one 3) ms (reset the kept one)"
echo "each attempt, setup aside: $(figure three 4) ms (three-attempt runs); end of a run: $(figure one 5) ms, $(figure apply 5) ms when it applies"
echo "per attempt, the run's setup and end shared over its attempts:"
echo "  first run, one attempt:   $(figure first 6) ms (once per repository, and after acr doctor --fix)"
echo "  later run, one attempt:   $(figure one 6) ms"
echo "  later run, three attempts: $(figure three 6) ms"
echo "  later run, one applied:   $(figure apply 6) ms"
worst=$(printf '%s\n' "$(figure one 6)" "$(figure three 6)" "$(figure apply 6)" | sort -n | tail -1)
echo "per attempt: ${worst} ms (the worst of the later runs; medians)"
[ "$worst" -le "$limit" ] || { echo "overhead.sh: above ${limit} ms" >&2; exit 1; }
