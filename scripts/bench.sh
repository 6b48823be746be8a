#!/usr/bin/env bash
# Runs every benchmark in the project and prints their tables (each figure beside the baseline it is
# compared with, measured in the same run). Copy the tables into docs/benchmarks.md with date and machine.
#   scripts/bench.sh                       full size (100,000 persons: about 20-25 minutes on 2 cores)
#   scripts/bench.sh -Dbench.persons=5000  a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -Pbench verify "$@"
echo
echo "== Benchmark tables =="
cat */target/bench-*.md
