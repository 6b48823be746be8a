#!/usr/bin/env bash
# The fault soak (not part of CI; ShortSoakTest runs a short version of it there):
#   scripts/soak.sh [SEED [MINUTES [FAULTS]]]      default: a random seed, 30 minutes, 220 faults
# Builds the project, starts PostgreSQL (scripts/test-postgres.sh), then sets up a hall with the product's own
# commands (central seed, init-pki, two `central serve` instances behind a balancing proxy, a proxy in front of
# PostgreSQL, three enrolled workstations as child JVMs), drives it with clerks' and supervisors' work while the
# seeded fault schedule kills, freezes, cuts, blackholes, delays, restarts and jumps clocks, then drains, closes the
# workstations and checks everything stored. The report (markdown and PNG) goes to docs/soak/; exit 1 on any anomaly.
# Replay a run by its seed: the schedule and the workload follow from it.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-$((RANDOM * 32768 + RANDOM))}
minutes=${2:-30}
faults=${3:-220}
mvn -B -q install -DskipTests
mvn -B -q -pl workstation test-compile
eval "$(bash scripts/test-postgres.sh)"
cd workstation
# Into a file, not through stdout: Maven's console may wrap stdout in colour codes, and a classpath starting with
# an escape sequence silently loses its first jar (the device module, so the seed step died without its reader).
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/soak-classpath.txt -Dmdep.includeScope=test
cp=target/test-classes:target/classes:$(cat target/soak-classpath.txt)
java -Xmx1g -cp "$cp" cn.shebao.counter.workstation.soak.SoakRun "$seed" "$minutes" "$faults" "$PWD/target/soak" "$PWD/../docs/soak"
