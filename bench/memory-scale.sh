#!/usr/bin/env bash
# A dry run over a large memory against one over an empty memory, whole process, same machine,
# same minutes.
#
#   bench/memory-scale.sh [N]      (default N = 1,000,000 records)
#
# Generates N synthetic live-run records with awk (runs of 1-3 attempts over the bundled routes,
# nine dimensions, six languages, the usual statuses and costs) into a scratch ACR home, in a
# scratch git repository with a small Python project and the bundled config. The first dry run
# over the big memory reads all of it and writes the statistics snapshot beside it
# (memory.jsonl.stats, see policy/StatsCache); its time is printed on its own. Then RUNS
# (default 9) interleaved dry runs each over the empty and the big memory, timed with
# date +%s%N; prints both medians and their ratio, and exits 1 when the ratio is above LIMIT
# (default 1.5). The machine is shared: `load` is printed, rerun when it is high.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000000}"
runs="${RUNS:-9}"
limit="${LIMIT:-1.5}"
prompt="fix failing parser test"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/empty" "$tmp/big" "$tmp/config"
. "$root/bench/scratch-repo.sh"
scratch_repo "$tmp/repo"
export XDG_CONFIG_HOME="$tmp/config"

awk -v n="$n" 'BEGIN {
  srand(1);
  nd = split("bug_fixing code_generation code_completion code_refactoring code_understanding test_generation algorithm data_science multi_language", dims, " ");
  nl = split("python java go rust typescript javascript", langs, " ");
  nr = split("opencode:qwen3.5-plus opencode:MiniMax-M2.7 opencode:kimi-k2.5 opencode:glm-5 opencode:Qwen3-Max codex:gpt-5.4 claude-code:claude-sonnet-4-6 claude-code:claude-opus-4-6", routes, " ");
  split("0.01 0.08 0.12 0.2 0.15 0.3 0.6 1.5", price, " ");
  i = 0; run = 0;
  while (i < n) {
    run++; d = dims[int(rand() * nd) + 1]; l = langs[int(rand() * nl) + 1];
    start = int(rand() * 3); attempts = int(rand() * 3) + 1;
    for (a = 1; a <= attempts && i < n; a++) {
      k = ((start + a * 2) % nr) + 1; split(routes[k], parts, ":");
      u = rand();
      st = u < 0.45 ? "verified" : u < 0.8 ? "failed" : u < 0.88 ? "agent_error" : u < 0.93 ? "timeout" : u < 0.97 ? "infra_error" : "no_change";
      ok = st == "verified" ? "true" : "false";
      cost = st == "infra_error" ? "null" : sprintf("%.6f", price[k] * (0.3 + rand() * 2));
      printf "{\"ts\":\"2026-10-%02dT%02d:%02d:%02dZ\",\"run_id\":\"run-%d\",\"attempt\":%d,\"task\":\"%064d\",\"prompt\":null,\"dimension\":\"%s\",\"tool\":\"%s\",\"model\":\"%s\",\"route\":\"%s\",\"resolved\":%s,\"apply_ok\":%s,\"status\":\"%s\",\"exit_code\":0,\"duration_ms\":%d,\"cost_usd\":%s,\"input_tokens\":1200,\"output_tokens\":800,\"source\":\"live\",\"score\":null,\"bench\":null,\"language\":\"%s\"}\n",
        int(rand() * 28) + 1, int(rand() * 24), int(rand() * 60), int(rand() * 60), run, a, run, d, parts[1], parts[2], routes[k], ok, ok, st, int(rand() * 600000), cost, l;
      i++;
      if (ok == "true") break;
    }
  }
}' >"$tmp/big/memory.jsonl"
echo "generated $n records ($(du -h "$tmp/big/memory.jsonl" | cut -f1))" >&2

time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); awk -v d=$(( (e - s) / 1000 )) 'BEGIN { printf "%.1f\n", d / 1000 }'; }
median_ms() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'; }
empty_cmd=(env ACR_HOME="$tmp/empty" "$root/bin/acr" --dry-run "$prompt")
big_cmd=(env ACR_HOME="$tmp/big" "$root/bin/acr" --dry-run "$prompt")

# Builds the jar and the CDS archive when needed, then the big memory's snapshot (timed alone).
"${empty_cmd[@]}" >/dev/null
first_ms="$(time_ms "${big_cmd[@]}")"
"${big_cmd[@]}" | grep -q "memory: $n records" || { echo "memory-scale.sh: the dry run did not see $n records" >&2; exit 2; }
for _ in 1 2; do time_ms "${empty_cmd[@]}" >/dev/null; time_ms "${big_cmd[@]}" >/dev/null; done
: >"$tmp/t-empty"
: >"$tmp/t-big"
for _ in $(seq "$runs"); do
  time_ms "${empty_cmd[@]}" >>"$tmp/t-empty"
  time_ms "${big_cmd[@]}" >>"$tmp/t-big"
done
empty_ms="$(median_ms <"$tmp/t-empty")"
big_ms="$(median_ms <"$tmp/t-big")"
ratio="$(awk -v a="$big_ms" -v b="$empty_ms" 'BEGIN { printf "%.2f", a / b }')"

echo "machine:  $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date:     $(date -u +%Y-%m-%dT%H:%MZ)"
echo "method:   $runs interleaved runs each, medians, date +%s%N, after 2 warm-up rounds"
printf 'first dry run over %d records (reads all, writes the snapshot)  %8.1f ms\n' "$n" "$first_ms"
printf 'acr --dry-run, empty memory        median %8.1f ms\n' "$empty_ms"
printf 'acr --dry-run, %7d records     median %8.1f ms\n' "$n" "$big_ms"
printf 'ratio big / empty: %s (limit %s)\n' "$ratio" "$limit"
awk -v r="$ratio" -v l="$limit" 'BEGIN { exit !(r <= l) }'
