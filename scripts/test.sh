#!/usr/bin/env bash
# Runs every test: starts the test PostgreSQL, then `mvn verify` inside a virtual X display with a
# window manager (GUI tests need both; see CONTRIBUTING.md), then the package test
# (installer/package-test.sh: builds the .deb, installs it, upgrades it over an older data directory).
# Extra arguments go to Maven and skip the package test (for a quicker partial run).
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash scripts/test-postgres.sh)"

PARTIAL=$#
# GUI tests fail, never skip, when they cannot open a display.
set -- -Dshebao.requireGui=true "$@"
if [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run >/dev/null; then
  mvn -B verify "$@"
else
  # A bare Xvfb loses about 7% of robot clicks; openbox inside the display makes them reliable.
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    if command -v openbox >/dev/null; then openbox & wm=$!; sleep 0.5; fi
    mvn -B verify "$@"; rc=$?
    [ -n "${wm:-}" ] && kill "$wm" 2>/dev/null
    exit $rc' bash "$@"
fi

[ "$PARTIAL" = 0 ] || exit 0
if [ "${SHEBAO_SKIP_PACKAGE_TEST:-}" = 1 ]; then
  echo "The package test was skipped because SHEBAO_SKIP_PACKAGE_TEST=1."
  exit 0
fi
if [ "$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then
  echo "The package test installs the .deb with dpkg and needs root or password-less sudo." >&2
  echo "Run it as root, or set SHEBAO_SKIP_PACKAGE_TEST=1 to leave it out of this run." >&2
  exit 1
fi
bash installer/package-test.sh
