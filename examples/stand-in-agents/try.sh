#!/bin/sh
# Runs acr with the stand-in agents on a throw-away git repository whose test fails until
# value.txt says "fixed": a first escalation (breaker fails, fixer verifies) with no account.
#   examples/stand-in-agents/try.sh            (acr on PATH, or bin/acr of a clone)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
acr="${ACR:-$(command -v acr || echo "$here/../../bin/acr")}"
repo="$(mktemp -d)"
cd "$repo"
git init -q
echo broken > value.txt
printf '#!/bin/sh\ngrep -qx fixed value.txt\n' > check.sh
git add -A
git -c user.name=acr-example -c user.email=example@acr.invalid commit -qm "a failing check"
echo "acr: trying the stand-in agents in $repo" >&2
PATH="$here/bin:$PATH" "$acr" --config "$here/tools.json" --chain breaker,fixer --verify "sh check.sh" "fix value.txt"
