#!/usr/bin/env bash
# False alarms of acr's "turned tests off" check on real history: the last N (default 150) non-merge commits
# touching tests or test-runner configuration of each repository, each passed through DisabledTests.find with its
# commit subject as the prompt (a maintainer's commit is rarely a cheat, so what is flagged is worth reading).
#
#   bench/turned-off/history.sh [N] GIT_DIR...     e.g. GIT_DIR=/work/.mirror/encode+httpx/repo (bare is fine)
#
# BASELINE_FAILED=1 judges each commit as if the tests had failed before it, naming no failing test (History.java).
# Needs acr's jar (target/acr.jar; bin/acr builds it). Prints each flagged commit and "C commits, F flagged".
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
n=150
[[ "${1:-}" =~ ^[0-9]+$ ]] && { n="$1"; shift; }
[[ $# -gt 0 ]] || { echo "usage: $0 [N] GIT_DIR..." >&2; exit 2; }
[[ -f "$root/target/acr.jar" ]] || "$root/bin/acr" --version >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

dirs=()
for g in "$@"; do
  out="$tmp/$(basename "$(dirname "$g")")-$(basename "$g")"
  mkdir -p "$out"
  git --git-dir="$g" log --no-merges --format=%H -n "$n" -- 'pytest.ini' 'tox.ini' 'setup.cfg' 'pyproject.toml' \
      '*conftest.py' 'package.json' '*jest.config*' '*vitest.config*' 'pom.xml' '*build.gradle*' 'Makefile' \
      'Cargo.toml' '*test*' '*spec*' |
    while read -r c; do
      git --git-dir="$g" log -1 --format=%s "$c" > "$out/$c.subject"
      git --git-dir="$g" show --format= --no-color -M "$c" > "$out/$c.patch"
    done
  dirs+=("$out")
done
java -cp "$root/target/acr.jar" "$root/bench/turned-off/History.java" "${dirs[@]}"
