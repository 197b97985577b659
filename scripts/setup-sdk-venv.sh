#!/usr/bin/env bash
# Creates .venv with the official Runware Python SDK (pinned), used by the SDK tests and benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
req=Tests/SDK/requirements.txt
stamp=.venv/.installed
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && cmp -s "$req" "$stamp"; then exit 0; fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
cp "$req" "$stamp"
