#!/usr/bin/env bash
# Runs the GUI test suite RUNS times (default 3) while stress-ng keeps every core busy, to prove the GUI tests wait on
# state and not on time (issue 17). Needs what scripts/test.sh needs, plus stress-ng (apt-get install stress-ng).
# Prints one line per run and exits non-zero if any run failed; the Maven output of each run goes to
# workstation/target/gui-under-load-N.log.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
if ! command -v stress-ng >/dev/null; then
  echo "stress-ng is not installed: apt-get install stress-ng" >&2
  exit 2
fi
mvn -B -q install -DskipTests
mkdir -p workstation/target
CPUS=$(nproc)
stress-ng --cpu "$CPUS" --timeout 0 --quiet &
stress=$!
trap 'kill "$stress" 2>/dev/null || true' EXIT
failed=0
for run in $(seq 1 "$RUNS"); do
  log=workstation/target/gui-under-load-$run.log
  start=$(date +%s)
  if bash scripts/test.sh -pl workstation -Dsurefire.groups=gui -Djacoco.skip=true > "$log" 2>&1; then
    result=passed
  else
    result=FAILED
    failed=1
  fi
  tests=$(grep -h "Tests run:" workstation/target/surefire-reports/*.txt 2>/dev/null \
    | awk -F'[ ,]+' '{t+=$3; f+=$5; e+=$7} END {print t " tests, " f " failures, " e " errors"}')
  echo "run $run of $RUNS with stress-ng --cpu $CPUS: $result ($tests) in $(( $(date +%s) - start )) s"
done
exit $failed
