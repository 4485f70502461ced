#!/usr/bin/env bash
# The full CodeRouterBench replay: every router, both datasets, attempt limits 1, 3 and 8, the
# canonical order with 20 seeds per randomised router plus 20 shuffled orders, files into
# OUT_DIR; prints the tables, then the whole-process wall and CPU time and the load average.
#
#   bench/replay.sh [OUT_DIR] [more `acr bench replay` options]
#
# Data: the CodeRouterBench copy bundled in acr; $ACR_BENCH_DATA (a folder) when set.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/bench/out}"
[[ $# -gt 0 ]] && shift
data=()
[[ -n "${ACR_BENCH_DATA:-}" ]] && data=(--data "$ACR_BENCH_DATA")

if [[ -x "$root/bin/acr" ]]; then
  # The launcher builds when needed; do that now so the timed run is the replay alone.
  "$root/bin/acr" bench --help >/dev/null
  cmd=("$root/bin/acr" bench replay)
else
  # Before bin/acr exists: the shaded jar, built when missing or older than the sources.
  jar="$root/target/acr.jar"
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "acr: building $jar" >&2
    (cd "$root" && mvn -q -B -o -DskipTests -Djreleaser.assemble.skip=true package)
  fi
  cmd=(java -cp "$jar" dev.acr.cli.BenchCommand replay)
fi

read -r load1 _ < /proc/loadavg
TIMEFORMAT="acr: whole-process wall time %R s (CPU: user %U s, sys %S s; load average before: $load1; $(nproc) cores)"
time "${cmd[@]}" "${data[@]}" --dataset all --max-attempts 1,3,8 --seeds 20 --orders 20 --seed 1 --out "$out" "$@"
