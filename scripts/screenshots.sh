#!/usr/bin/env bash
# Regenerates the README screenshots from the real application under Xvfb (Chinese UI, demo data).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
out="$PWD/docs/screenshots"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  openbox >/dev/null 2>&1 & sleep 0.5
  mvn -B -q test -pl workstation -Dtest=ShellGuiTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dshebao.requireGui=true -Dshebao.screenshots.dir="$1"' bash "$out"
ls -l "$out"
