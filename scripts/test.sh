#!/usr/bin/env bash
# Runs every test: starts the test PostgreSQL, then `mvn verify` inside a virtual X display with a
# window manager (GUI tests need both; see docs in README "How to develop").
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash scripts/test-postgres.sh)"

# GUI tests fail, never skip, when they cannot open a display.
set -- -Dshebao.requireGui=true "$@"
if [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run >/dev/null; then
  exec mvn -B verify "$@"
fi
# A bare Xvfb loses about 7% of robot clicks; openbox inside the display makes them reliable.
exec xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  if command -v openbox >/dev/null; then openbox & wm=$!; sleep 0.5; fi
  mvn -B verify "$@"; rc=$?
  [ -n "${wm:-}" ] && kill "$wm" 2>/dev/null
  exit $rc' bash "$@"
