#!/usr/bin/env bash
# run-tests.sh [swift test options...]: the test phase of `make test`. Runs the built tests, keeps
# their output in .build/test-output.log, and ends with the slowest tests (Swift Testing's own
# "passed after N seconds" per test, slowest first) and the phase's wall time, so a slow test is
# seen where it is added. Exits with the tests' status.
set -uo pipefail
log=.build/test-output.log
mkdir -p .build
start=$(date +%s)
"${SWIFT:-swift}" test --skip-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
took=$(( $(date +%s) - start ))
echo
echo "The slowest tests (seconds; a parameterised test counts all its cases):"
grep -E "^[^ ]+ Test .* (passed|failed) after [0-9.]+ seconds" "$log" | grep -v " Test run with " \
  | sed -E 's/^[^ ]+ Test (.*) (passed|failed) after ([0-9.]+) seconds.*/\3 \1/' \
  | sort -rn | head -15 | awk '{ printf "  %7.2f  ", $1; $1 = ""; print substr($0, 2) }'
echo "test phase: ${took} s (status ${status})"
exit "$status"
