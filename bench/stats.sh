#!/usr/bin/env bash
# `acr stats` over a large memory: generates N synthetic records (default 1,000,000) into a
# temporary file with awk, then times one whole `acr stats --memory FILE` process.
#
#   bench/stats.sh [N]
#
# Set ACR_JAR to time a jar built elsewhere (e.g. with -Dacr.buildDir); bin/acr honours it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000000}"
tmp="$(mktemp -d)"
trap "rm -rf \"$tmp\"" EXIT
mem="$tmp/memory.jsonl"

awk -v n="$n" 'BEGIN {
  srand(1);
  split("bugfix feature refactor test docs perf", dims, " ");
  split("claude-sonnet claude-opus codex-mini codex gemini-pro aider-gpt", routes, " ");
  for (i = 0; i < n; i++) {
    d = dims[int(rand() * 6) + 1]; r = routes[int(rand() * 6) + 1];
    ok = rand() < 0.6 ? "true" : "false";
    cost = rand() < 0.8 ? sprintf("%.4f", rand() * 0.5) : "null";
    day = int(rand() * 28) + 1; h = int(rand() * 24); m = int(rand() * 60); s = int(rand() * 60);
    printf "{\"ts\":\"2026-10-%02dT%02d:%02d:%02dZ\",\"run_id\":\"run-%d\",\"attempt\":1,\"task\":\"%064d\",\"prompt\":null,\"dimension\":\"%s\",\"tool\":\"%s\",\"model\":\"m\",\"route\":\"%s\",\"resolved\":%s,\"apply_ok\":%s,\"status\":\"%s\",\"exit_code\":0,\"duration_ms\":%d,\"cost_usd\":%s,\"input_tokens\":1200,\"output_tokens\":800,\"source\":\"live\",\"score\":null,\"bench\":null,\"language\":\"java\"}\n",
      day, h, m, s, i, i, d, r, r, ok, ok, (ok == "true" ? "verified" : "failed"), int(rand() * 600000), cost;
  }
}' > "$mem"
echo "generated $n records ($(du -h "$mem" | cut -f1)) in $mem" >&2

# Build first (when needed) so the timed run is stats alone.
"$root/bin/acr" --version >/dev/null
# CPU time (user + sys, all threads) as well as wall time: on a machine shared with other work the
# wall time says as much about the others as about acr.
TIMEFORMAT='%R %U %S'
times="$( { time COLUMNS="${COLUMNS:-100}" "$root/bin/acr" stats --memory "$mem" >"$tmp/out.txt" 2>"$tmp/err.txt"; } 2>&1)"
cat "$tmp/out.txt"
cat "$tmp/err.txt" >&2
read -r wall user sys <<<"$times"
awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" \
  'BEGIN { printf "acr stats over %d records: %.2f s wall, %.2f s CPU (user + sys)\n", n, w, u + s }'
