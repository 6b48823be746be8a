#!/usr/bin/env bash
# Prints the cold-start times a clerk feels, from the real jar under Xvfb, in demo mode:
#   process start -> login window visible, and login submitted -> main window visible.
# The first start (which generates the demo data) is not measured. Usage: scripts/measure-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=workstation/target/shebao-counter.jar
[ -f "$jar" ] || mvn -B -q install -DskipTests
export SHEBAO_DATA_DIR="$PWD/target/startup-probe/data"
mkdir -p "$(dirname "$SHEBAO_DATA_DIR")"
probe() {
  xvfb-run -a -s "-screen 0 1600x1000x24" java -Dshebao.startupProbe=main -jar "$jar" --demo --demo-persons 500 2>/dev/null | grep '^STARTUP'
}
probe >/dev/null # first start: creates and fills the demo replica
for i in $(seq 1 "$runs"); do probe; done | sort -t= -k1,1 -k2,2n | awk -F'[ =]' '
  { n[$2]++; v[$2, n[$2]] = $3; all[$2] = all[$2] " " $3 }
  END { for (k in n) printf "%s: median %d ms over %d runs (all:%s)\n", k, v[k, int((n[k] + 1) / 2)], n[k], all[k] }'
echo "machine: $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
