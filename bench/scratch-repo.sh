# Sourced by the bench scripts: a scratch git repository holding a small Python project (a parser
# and its test) at "$1", committed, made the current directory, with acr's environment cleared
# of the user's config, JVM options and CDS choice.
scratch_repo() {
  local repo="$1"
  mkdir -p "$repo/src" "$repo/tests"
  printf 'def parse(s):\n    return s.split(",")\n' >"$repo/src/parser.py"
  printf 'from src.parser import parse\n\ndef test_parse():\n    assert parse("a,b") == ["a", "b"]\n' >"$repo/tests/test_parser.py"
  git -C "$repo" init -q
  git -C "$repo" add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@acr.invalid commit -qm init
  cd "$repo"
  unset ACR_CONFIG ACR_JAVA_OPTS ACR_CDS
}
