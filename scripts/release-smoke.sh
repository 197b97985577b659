#!/usr/bin/env bash
# The release build as a user runs it: copied out of the checkout into a folder of its own, with a
# fresh home, one job on the built-in sandbox, then History and show reading it back. The tests run
# the debug build; this catches what only the optimizer breaks (Swift 6.3.1's release build once
# crashed at every job while every test passed).
set -euo pipefail
binary=${1:-.build/release/darkroom}
[ -x "$binary" ] || { echo "release-smoke: $binary is missing (make release builds it)" >&2; exit 1; }
place=$(mktemp -d)
trap 'rm -rf "$place"' EXIT
mkdir -p "$place/bin" "$place/home" "$place/out"
cp "$binary" "$place/bin/darkroom"
cd "$place/home"
run() {
  env -i PATH="$place/bin:/usr/bin:/bin" HOME="$place/home" LANG=C.UTF-8 \
    XDG_CONFIG_HOME="$place/home/config" XDG_DATA_HOME="$place/home/data" XDG_CACHE_HOME="$place/home/cache" \
    XDG_STATE_HOME="$place/home/state" darkroom "$@"
}
fail() { echo "release-smoke: $*" >&2; exit 1; }
saved=$(run generate "a lighthouse at dusk, film photo" --sandbox --seed 42 --out "$place/out" 2>"$place/generate.err") \
  || { cat "$place/generate.err" >&2; fail "darkroom generate failed"; }
[ -s "$saved" ] || fail "darkroom generate printed \"$saved\", which is not a saved image"
run history list 2>&1 | grep -q "lighthouse at dusk" || fail "history list does not show the job"
run show --format symbols --colors 256 --width 60 "$saved" >"$place/show.out" 2>&1 || fail "darkroom show failed: $(cat "$place/show.out")"
grep -q "$(basename "$saved")" "$place/show.out" || fail "darkroom show did not caption the picture"
echo "release-smoke: the release darkroom, run from $place/bin, generated, listed and showed $(basename "$saved")"
