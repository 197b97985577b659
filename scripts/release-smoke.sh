#!/usr/bin/env bash
# The release build as a user runs it: copied out of the checkout into a folder of its own, with a
# fresh home, one job on the built-in sandbox, then History and show reading it back, and its studio
# in tmux. make test runs it on the release build the tests ran (Swift 6.3.1's optimizer once
# crashed at every job while every debug test passed); here it runs installed. Every run has the Swift toolchain's library folder
# out of reach (a tmpfs over it in a mount namespace of its own), as on a machine without Swift:
# the release binary carries the Swift runtime and Foundation inside it.
set -euo pipefail
binary=${1:-.build/release/darkroom}
[ -x "$binary" ] || { echo "release-smoke: $binary is missing (make release builds it)" >&2; exit 1; }
place=$(mktemp -d)
socket="darkroom-smoke-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$place"' EXIT
mkdir -p "$place/home" "$place/out"
# Installed as `make install PREFIX=...` does it, then used from a folder of its own.
"$(dirname "$0")/install.sh" "$place" "$binary" >/dev/null 2>&1 || { echo "release-smoke: install.sh failed" >&2; exit 1; }
cd "$place/home"
fail() { echo "release-smoke: $*" >&2; exit 1; }

# The toolchain's runtime libraries (libswiftCore, Foundation, ...): the binary must not need them.
toolchain_lib=""
if swift_bin=$(command -v swift 2>/dev/null); then toolchain_lib=$(readlink -f "$(dirname "$(readlink -f "$swift_bin")")/../lib/swift"); fi
ldd "$place/bin/darkroom" > "$place/ldd.txt" 2>&1 || true
if [ -n "$toolchain_lib" ] && grep -q "$toolchain_lib" "$place/ldd.txt"; then
  fail "the installed darkroom loads libraries from the toolchain ($toolchain_lib): $(grep "$toolchain_lib" "$place/ldd.txt" | head -3 | tr '\n' ' ')"
fi
# `launch` runs a command with that folder hidden, where a mount namespace can be made (root).
hidden="no"
if [ -n "$toolchain_lib" ] && unshare --mount sh -c 'mount -t tmpfs none "$0"' "$toolchain_lib" 2>/dev/null; then
  printf '#!/bin/sh\nexec unshare --mount sh -c %s %s "$@"\n' "'mount -t tmpfs none \"\$0\" && exec \"\$@\"'" "'$toolchain_lib'" > "$place/launch"
  hidden="yes"
else
  printf '#!/bin/sh\nexec "$@"\n' > "$place/launch"
fi
chmod +x "$place/launch"
run() {
  "$place/launch" env -i PATH="$place/bin:/usr/bin:/bin" HOME="$place/home" LANG=C.UTF-8 \
    XDG_CONFIG_HOME="$place/home/config" XDG_DATA_HOME="$place/home/data" XDG_CACHE_HOME="$place/home/cache" \
    XDG_STATE_HOME="$place/home/state" darkroom "$@"
}
saved=$(run generate "a lighthouse at dusk, film photo" --sandbox --seed 42 --out "$place/out" 2>"$place/generate.err") \
  || { cat "$place/generate.err" >&2; fail "darkroom generate failed"; }
[ -s "$saved" ] || fail "darkroom generate printed \"$saved\", which is not a saved image"
run history list 2>&1 | grep -q "lighthouse at dusk" || fail "history list does not show the job"
run show --format symbols --colors 256 --width 60 "$saved" >"$place/show.out" 2>&1 || fail "darkroom show failed: $(cat "$place/show.out")"
grep -q "$(basename "$saved")" "$place/show.out" || fail "darkroom show did not caption the picture"
for f in share/bash-completion/completions/darkroom share/zsh/site-functions/_darkroom share/fish/vendor_completions.d/darkroom.fish; do
  [ -s "$place/$f" ] || fail "make install left no $f"
done
run --version | grep -q "^darkroom " || fail "darkroom --version says nothing"
# The man page covers every subcommand and its options, not only the top-level help.
if command -v help2man >/dev/null 2>&1; then
  for text in '.SS "darkroom history rm"' '.SS "darkroom history collect"' 'with-own-files' '.SS "darkroom generate"'; do
    grep -qF -- "$text" "$place/share/man/man1/darkroom.1" || fail "the man page lacks $text"
  done
fi

# The studio, installed, started from another folder in tmux: it draws, generates, quits.
screen() { tmux -L "$socket" capture-pane -p -t smoke 2>/dev/null || true; }
wait_for() {
  for _ in $(seq 1 300); do screen | grep -q -- "$1" && return 0; sleep 0.1; done
  echo "release-smoke: the studio never showed \"$1\"; the screen:" >&2; screen >&2; exit 1
}
tmux -L "$socket" -f /dev/null new-session -d -s smoke -x 120 -y 40 \
  "cd '$place/home' && '$place/launch' env -i PATH='$place/bin:/usr/bin:/bin' HOME='$place/home' LANG=C.UTF-8 TERM=tmux-256color \
   XDG_CONFIG_HOME='$place/home/config' XDG_DATA_HOME='$place/home/data' XDG_CACHE_HOME='$place/home/cache' \
   XDG_STATE_HOME='$place/home/state' darkroom --sandbox --out '$place/out'; echo EXIT=\$?; sleep 30"
wait_for "ctrl-g generate"
tmux -L "$socket" send-keys -t smoke -l "a quiet harbour at dawn"
tmux -L "$socket" send-keys -t smoke C-g
wait_for "done 1/1"
tmux -L "$socket" send-keys -t smoke C-q
wait_for "EXIT=0"
if [ "$hidden" = yes ]; then
  where="with $toolchain_lib out of reach"
else
  where="(no mount namespace here to hide ${toolchain_lib:-the toolchain}; ldd shows none of its libraries)"
fi
echo "release-smoke: the release darkroom, installed into $place $where, generated, listed and showed $(basename "$saved"), and its studio generated and quit in tmux"
