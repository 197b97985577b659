#!/usr/bin/env bash
# man-sections.sh BINARY: a help2man include file with every subcommand's own --help (found by
# walking each command's SUBCOMMANDS list), so `man darkroom` covers every subcommand and option,
# not only the top-level help.
set -euo pipefail
binary=${1:?usage: man-sections.sh BINARY}

# The subcommand names a --help text lists under SUBCOMMANDS: ("  name  abstract", "  name (default)").
subcommands() {
  awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }'
}

# Roff for a preformatted block: backslashes doubled as \e, a leading dot or quote escaped.
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }

section() {
  local path=("$@")
  local help
  help=$(COLUMNS=80 "$binary" "${path[@]}" --help 2>/dev/null) || return 0
  if [ ${#path[@]} -gt 0 ]; then
    printf '.SS "darkroom %s"\n.nf\n' "${path[*]}"
    printf '%s\n' "$help" | roff
    printf '.fi\n'
  fi
  local sub
  for sub in $(printf '%s\n' "$help" | subcommands); do
    [ "$sub" = help ] && continue
    section "${path[@]}" "$sub"
  done
}

echo "[SUBCOMMANDS IN DETAIL]"
echo "Every subcommand's own help, as \`darkroom SUBCOMMAND --help\` prints it."
section
