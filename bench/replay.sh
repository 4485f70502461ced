#!/usr/bin/env bash
# The full CodeRouterBench replay: every router, both datasets, the canonical order plus 20
# shuffled orders, files into OUT_DIR; prints the table and the whole-process wall time.
#
#   bench/replay.sh [OUT_DIR] [more `acr bench replay` options]
#
# Data: $ACR_BENCH_DATA, else ../shared/coderouterbench next to the project.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${ACR_BENCH_DATA:-$root/../shared/coderouterbench}"
out="${1:-$root/bench/out}"
[[ $# -gt 0 ]] && shift

if [[ -x "$root/bin/acr" ]]; then
  # The launcher builds when needed; do that now so the timed run is the replay alone.
  "$root/bin/acr" bench --help >/dev/null
  cmd=("$root/bin/acr" bench replay)
else
  # Before bin/acr exists: the shaded jar, built when missing or older than the sources.
  jar="$root/target/acr.jar"
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "acr: building $jar" >&2
    (cd "$root" && mvn -q -B -o -DskipTests package)
  fi
  cmd=(java -cp "$jar" dev.acr.cli.BenchCommand replay)
fi

start=$(date +%s%N)
"${cmd[@]}" --data "$data" --dataset all --orders 20 --seed 1 --out "$out" "$@"
end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN { printf "acr: whole-process wall time %.2f s\n", ns / 1e9 }' >&2
