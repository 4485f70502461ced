#!/usr/bin/env bash
# Start-up cost of `acr --dry-run` against a bare `java -version` started the same way.
#
#   bench/startup.sh [LAUNCHER]     (default: bin/acr; or an unpacked distribution's bin/acr)
#
# Both go through the same launcher, with the same java, JVM flags and class-data sharing
# archive: the baseline is the launcher with ACR_JAVA_VERSION_ONLY=1, which runs
# `java <same flags> -cp acr.jar -version` instead of acr. A plain `java -version` (the JVM's
# defaults, no launcher) is printed too, for reference. Runs in a scratch git repository with a
# small Python project, an empty memory and the bundled config; warm (the first, untimed runs
# build the jar and the CDS archive). Median of RUNS (default 15) runs each; hyperfine when it
# is installed (apt-get install hyperfine), else an interleaved loop timed with date +%s%N.
# Prints both medians and their ratio; exits 1 when the ratio is above LIMIT (default 2.5).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
launcher="$(cd "$(dirname "${1:-$root/bin/acr}")" && pwd)/$(basename "${1:-$root/bin/acr}")"
runs="${RUNS:-15}"
limit="${LIMIT:-2.5}"
prompt="fix failing parser test"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/home" "$tmp/config"
. "$root/bench/scratch-repo.sh"
scratch_repo "$tmp/repo"
export ACR_HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"

# Warm-up: builds the jar (bin/acr) and the CDS archive when needed; fails loudly if acr does.
"$launcher" --dry-run "$prompt" >/dev/null
ACR_JAVA_VERSION_ONLY=1 "$launcher" >/dev/null 2>&1

acr_cmd=("$launcher" --dry-run "$prompt")
base_cmd=(env ACR_JAVA_VERSION_ONLY=1 "$launcher")
bare_cmd=(java -version)

median_ms() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'; }

if command -v hyperfine >/dev/null 2>&1; then
  method="hyperfine $(hyperfine --version | awk '{print $2}'), --warmup 3, --runs $runs, no shell"
  hyperfine -N --warmup 3 --runs "$runs" --style none --export-json "$tmp/h.json" \
    "${acr_cmd[*]@Q}" "${base_cmd[*]@Q}" "${bare_cmd[*]}" >/dev/null 2>&1 \
    || { echo "startup.sh: hyperfine failed" >&2; exit 2; }
  # One "median" (seconds) per command, in the order given.
  mapfile -t med < <(grep -o '"median": *[0-9.e+-]*' "$tmp/h.json" | awk -F: '{ printf "%.1f\n", $2 * 1000 }')
  acr_ms="${med[0]}" base_ms="${med[1]}" bare_ms="${med[2]}"
else
  method="loop of $runs interleaved runs timed with date +%s%N, after 3 warm-up rounds"
  time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }'; }
  for _ in 1 2 3; do time_ms "${acr_cmd[@]}" >/dev/null; time_ms "${base_cmd[@]}" >/dev/null; done
  : >"$tmp/acr" ; : >"$tmp/base"; : >"$tmp/bare"
  for _ in $(seq "$runs"); do
    time_ms "${acr_cmd[@]}" >>"$tmp/acr"
    time_ms "${base_cmd[@]}" >>"$tmp/base"
    time_ms "${bare_cmd[@]}" >>"$tmp/bare"
  done
  acr_ms="$(median_ms <"$tmp/acr")" base_ms="$(median_ms <"$tmp/base")" bare_ms="$(median_ms <"$tmp/bare")"
fi

ratio="$(awk -v a="$acr_ms" -v b="$base_ms" 'BEGIN { printf "%.2f", a / b }')"
echo "machine:  $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:     $(java -version 2>&1 | head -1)"
echo "date:     $(date -u +%Y-%m-%dT%H:%MZ)"
echo "method:   $method"
echo "launcher: $launcher"
printf 'acr --dry-run "%s"     median %7.1f ms\n' "$prompt" "$acr_ms"
printf 'java <same flags> -version (same launcher)  median %7.1f ms\n' "$base_ms"
printf 'java -version (plain, no launcher)          median %7.1f ms\n' "$bare_ms"
printf 'ratio acr / java -version: %s (limit %s)\n' "$ratio" "$limit"
awk -v r="$ratio" -v l="$limit" 'BEGIN { exit !(r <= l) }'
