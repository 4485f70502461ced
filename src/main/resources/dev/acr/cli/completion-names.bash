
# acr: routes for --chain (a comma-separated list) and tools for --tool, from the config in effect
# where TAB is pressed: asks `acr completion --names`, passing on the line's --config and --workdir.
# Everything else goes to picocli's _complete_acr above.
function _acr_complete_names() {
  local line=${COMP_LINE:0:COMP_POINT}
  local cur=${line##*[[:space:]]}
  local before=${line%"$cur"}
  before=${before%"${before##*[![:space:]]}"}
  local kind
  case "${before##*[[:space:]]}" in
    --chain) kind=routes ;;
    --tool) kind=tools ;;
    *) _complete_acr; return $? ;;
  esac
  local -a where=()
  local i
  for ((i = 1; i + 1 < ${#COMP_WORDS[@]}; i++)); do
    case "${COMP_WORDS[i]}" in
      --config|--workdir) where+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
    esac
  done
  local head=""
  if [[ $kind == routes && $cur == *,* ]]; then head=${cur%,*},; fi
  local names
  names=$("${COMP_WORDS[0]}" completion --names "$kind" "${where[@]}" 2>/dev/null) || return 0
  local IFS=$'\n'
  COMPREPLY=( $(compgen -P "$head" -W "$names" -- "${cur#"$head"}") )
  # bash splits words at ':' (COMP_WORDBREAKS), so it replaces only what follows the last ':'.
  if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
    local colon=${cur%:*}:
    for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#"$colon"}; done
  fi
  return 0
}
complete -F _acr_complete_names -o default acr acr.sh acr.bash
