#!/usr/bin/env bash
# install.sh PREFIX BINARY: darkroom into PREFIX/bin, its completions for bash, zsh and fish, and
# its man page. install.sh --uninstall PREFIX takes them away again.
set -euo pipefail
files=(bin/darkroom share/bash-completion/completions/darkroom share/zsh/site-functions/_darkroom
       share/fish/vendor_completions.d/darkroom.fish share/man/man1/darkroom.1)
if [ "${1:-}" = "--uninstall" ]; then
  prefix=${2:?usage: install.sh --uninstall PREFIX}
  for f in "${files[@]}"; do rm -f "$prefix/$f"; done
  echo "darkroom: removed from $prefix"
  exit 0
fi
prefix=${1:?usage: install.sh PREFIX BINARY}
binary=${2:?usage: install.sh PREFIX BINARY}
for d in bin share/bash-completion/completions share/zsh/site-functions share/fish/vendor_completions.d share/man/man1; do
  mkdir -p "$prefix/$d"
done
# Stripped: the debug information is most of the file (88 MB to 22 MB when the runtime was shared).
install -s -m 755 "$binary" "$prefix/bin/darkroom"
"$prefix/bin/darkroom" --generate-completion-script bash > "$prefix/share/bash-completion/completions/darkroom"
"$prefix/bin/darkroom" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_darkroom"
"$prefix/bin/darkroom" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/darkroom.fish"
if command -v help2man >/dev/null 2>&1; then
  # The top-level help, then every subcommand's own (man-sections.sh).
  # The version alone for the footer: the whole --version line (with its parentheses) garbled it.
  version=$("$prefix/bin/darkroom" --version | awk '{ print $2; exit }')
  help2man --no-info --name "a terminal studio for Runware image generation" --version-string "$version" \
    --include <("$(dirname "$0")/man-sections.sh" "$prefix/bin/darkroom") "$prefix/bin/darkroom" > "$prefix/share/man/man1/darkroom.1"
else
  echo "darkroom: help2man is missing (scripts/install-deps.sh installs it), so no man page was made" >&2
fi
echo "darkroom: installed into $prefix ($prefix/bin/darkroom; completions for bash, zsh and fish; man darkroom)"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "darkroom: $prefix/bin is not on your PATH" >&2 ;; esac
