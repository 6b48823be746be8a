#!/usr/bin/env bash
# Runs every benchmark in the project and prints their tables (each figure beside the baseline it is
# compared with, measured in the same run). Copy the tables into docs/benchmarks.md with date and machine.
#   scripts/bench.sh                       full size (100,000 persons for the load, 1,000,000 for records:
#                                          about 45 minutes on 2 cores the first time, the large replica is kept)
#   scripts/bench.sh -Dbench.persons=5000 -Dbench.lookupPersons=20000 -Dbench.longHistories=20   a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -Pbench verify "$@"
echo
echo "== Benchmark tables =="
cat */target/bench-*.md
