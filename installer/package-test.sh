#!/usr/bin/env bash
# The package test (run by scripts/test.sh after the Maven tests; needs root or password-less sudo, because it
# installs the package into /opt with dpkg):
#   1. builds the .deb twice, as version A and as a higher version B (build time and sizes printed);
#   2. installs A with dpkg, checks the installed size budget and the desktop entry, runs the installed
#      --self-test under Xvfb with an empty data directory, starts the installed launcher there and sees the
#      first-run (enrolment) window;
#   3. makes an older release's data directory with a test fixture (replica at an older schema, 200 persons),
#      runs the self-test again (it must see the pending upgrade and change nothing);
#   4. installs B over A, checks the data directory is untouched, starts the installed launcher (the GUI) once
#      under Xvfb: the replica must be backed up and migrated, and the login window shown; then stops it with
#      SIGTERM, runs the self-test, and has the fixture verify every person survived;
#   5. removes the package: the program goes, the data directory stays.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo -n"
WORK=installer/target/package-test
rm -rf "$WORK" && mkdir -p "$WORK"
DATA="$PWD/$WORK/data"
export SHEBAO_DATA_DIR="$DATA"
LAUNCHER=/opt/shebao-counter/bin/shebao-counter
CP="workstation/target/test-classes:workstation/target/classes:workstation/target/lib/*"
# 135 since issue 15: the package also carries the central service (Jetty 12, 2.6 MB) and the centre's CA and
# certificate requests (BouncyCastle, 9 MB), so one install serves the counter, the demo and the service host.
BUDGET_MB=135

step() { printf '\n== %s\n' "$*"; }
fail() { echo "PACKAGE TEST FAILED: $*" >&2; exit 1; }

BASE=$(unzip -p workstation/target/shebao-counter.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
BASE=${BASE%-SNAPSHOT}
A="$BASE"
B="${BASE%.*}.$(( ${BASE##*.} + 1 ))"

step "build $A and $B"
bash installer/build.sh --version "$A" --dest "$WORK/dist" | tee "$WORK/build-a.txt"
bash installer/build.sh --version "$B" --dest "$WORK/dist" --reuse-runtime | tee "$WORK/build-b.txt"
DEB_A=$(ls "$WORK"/dist/shebao-counter_"$A"-*.deb)
DEB_B=$(ls "$WORK"/dist/shebao-counter_"$B"-*.deb)
# The messages checked below are the Chinese ones, whatever locale this machine has (Java reads these at start).
export JAVA_TOOL_OPTIONS="-Duser.language=zh -Duser.country=CN"

install_deb() {
  # Depends lists system libraries (X11, ALSA, fonts...): a fresh machine may lack them. dpkg installs the package.
  local deps
  deps=$(dpkg-deb -f "$1" Depends | sed 's/([^)]*)//g; s/,/ /g')
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $deps >/dev/null
  $SUDO dpkg -i "$1"
}

self_test() {
  local out="$WORK/self-test-$1.txt"
  if ! xvfb-run -a "$LAUNCHER" --self-test >"$out" 2>"$WORK/self-test-$1.err"; then
    cat "$out" "$WORK/self-test-$1.err"
    fail "the installed --self-test ($1) did not pass"
  fi
  cat "$out"
}

LOG="$DATA/logs/shebao-counter.log"
# Swing names every window's WM_CLASS after the main class: ASCII, whatever language the title is in.
WM_CLASS=cn-shebao-counter-workstation-launcher-ShebaoCounter

# Starts the installed launcher (the GUI) under Xvfb, waits up to 3 minutes for a window of ours titled $2 and (unless
# $1 is empty) for a line in its log, writes every window line of ours from the X tree to $3, the launcher's own
# output to $3.out, then stops it with SIGTERM (a clean shutdown). Waiting on the title, not only on our WM_CLASS, is
# why: the X tree can list a window before its title is set, and the first line of ours need not be the one we want.
start_gui() {
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" >"$3.out" 2>&1 & app=$!
    for _ in $(seq 1 180); do
      if { [ -z "$2" ] || grep -q "$2" "$1" 2>/dev/null; } && xwininfo -root -tree | grep "$4" | grep -q "$5"; then
        break
      fi
      kill -0 $app 2>/dev/null || { echo "the launcher ended by itself" >>"$3.out"; break; }
      sleep 1
    done
    xwininfo -root -tree | grep "$4" >"$3" || true
    kill -TERM $app 2>/dev/null
    wait $app' "$LAUNCHER" "$LOG" "$1" "$3" "$WM_CLASS" "$2" || true
}

# What a failed GUI step needs to be diagnosed on a machine nobody can log into: our windows, the launcher's output
# and the end of its log (the log holds no personal data; this is an empty or fixture data directory).
gui_fail() {
  echo "windows of ours in the X tree:"; cat "$2" 2>/dev/null || true
  echo "launcher output:"; tail -n 40 "$2.out" 2>/dev/null || true
  echo "end of $LOG:"; tail -n 40 "$LOG" 2>/dev/null || true
  fail "$1"
}

step "install $A with dpkg"
$SUDO dpkg -r shebao-counter >/dev/null 2>&1 || true
install_deb "$DEB_A"
[ "$(dpkg-query -W -f '${Version}' shebao-counter)" = "$A-1" ] || fail "version $A not installed"
INSTALLED_MB=$(du -sm /opt/shebao-counter | cut -f1)
echo "installed size: $INSTALLED_MB MB (budget $BUDGET_MB MB)"
[ "$INSTALLED_MB" -lt "$BUDGET_MB" ] || fail "installed size $INSTALLED_MB MB is over the budget of $BUDGET_MB MB"
DESKTOP=/usr/share/applications/shebao-counter.desktop
[ -f "$DESKTOP" ] || fail "no desktop entry $DESKTOP"
grep -q "^Exec=$LAUNCHER$" "$DESKTOP" || fail "desktop entry $DESKTOP does not start $LAUNCHER"
grep -q '^Name\[zh_CN\]=社保柜台工作站$' "$DESKTOP" || fail "desktop entry has no Chinese name"
ICON=$(sed -n 's/^Icon=//p' "$DESKTOP"); [ -f "$ICON" ] || fail "desktop icon $ICON missing"

step "self-test of $A on a machine without a replica"
self_test a-empty
grep -q '\[通过\] 本地数据库：尚无本地数据库' "$WORK/self-test-a-empty.txt" || fail "self-test did not report the missing replica"
ls "$DATA"/native/*/Linux/x86_64/libjSerialComm.so >/dev/null || fail "serial library not unpacked into $DATA/native"
[ ! -e "$DATA/replica" ] || fail "the self-test created a replica"

step "first start of $A on a machine without a replica: the enrolment screen"
start_gui "" '"社保柜台工作站"' "$WORK/window-first-run.txt"
grep -q '"社保柜台工作站"' "$WORK/window-first-run.txt" \
  || gui_fail "the installed launcher showed no enrolment window at the first start" "$WORK/window-first-run.txt"
echo "window: $(grep '"社保柜台工作站"' "$WORK/window-first-run.txt")"

step "an older release's data directory (test fixture)"
rm -rf "$DATA"
FINGERPRINT=$(java -cp "$CP" cn.shebao.counter.workstation.app.UpgradeFixture make "$DATA" 2>"$WORK/fixture.err" | tail -1)
echo "$FINGERPRINT"
self_test a-older
grep -qE '有 [1-9][0-9]* 项升级待执行' "$WORK/self-test-a-older.txt" || fail "self-test did not see the pending upgrade"
(cd "$DATA" && find replica keys workstation.properties -type f -exec sha256sum {} + | sort -k2) >"$WORK/data-before.sha"

step "install $B over $A"
install_deb "$DEB_B"
[ "$(dpkg-query -W -f '${Version}' shebao-counter)" = "$B-1" ] || fail "version $B not installed"
(cd "$DATA" && find replica keys workstation.properties -type f -exec sha256sum {} + | sort -k2) >"$WORK/data-after-install.sha"
diff -q "$WORK/data-before.sha" "$WORK/data-after-install.sha" >/dev/null || fail "installing $B changed the data directory"

step "first start of $B: backup, migration, login window"
start_gui "Replica migrated from schema" '"工作人员登录 - 社保柜台工作站"' "$WORK/window-upgraded.txt"
grep "ReplicaUpgrade" "$LOG" || true
grep -q "Replica backed up to .*backups/replica-before-" "$LOG" || fail "no backup before the migration (see $LOG)"
grep -q "Replica migrated from schema" "$LOG" || fail "the replica was not migrated at the first start (see $LOG)"
grep -q '"工作人员登录 - 社保柜台工作站"' "$WORK/window-upgraded.txt" \
  || gui_fail "the installed launcher showed no login window after the upgrade" "$WORK/window-upgraded.txt"
echo "window: $(grep '"工作人员登录 - 社保柜台工作站"' "$WORK/window-upgraded.txt")"

step "self-test of $B and the data after the upgrade"
self_test b-upgraded
grep -q '\[通过\] 本地数据库：可以用本机密钥打开' "$WORK/self-test-b-upgraded.txt" || fail "self-test after upgrade"
! grep -q '升级待执行' "$WORK/self-test-b-upgraded.txt" || fail "upgrade still pending after the first start"
java -cp "$CP" cn.shebao.counter.workstation.app.UpgradeFixture verify "$DATA" "$FINGERPRINT" 2>"$WORK/verify.err" \
  || fail "the data did not survive the upgrade"

step "uninstall keeps the data"
$SUDO dpkg -r shebao-counter
[ ! -e /opt/shebao-counter ] || fail "/opt/shebao-counter is still there after dpkg -r"
[ -f "$DATA/replica/service.properties" ] || fail "dpkg -r removed the data directory"
echo "program removed, data directory kept: $DATA"

step "summary"
grep -h "^built\|^package size" "$WORK"/build-*.txt
echo "installed size: $INSTALLED_MB MB (budget $BUDGET_MB MB)"
echo "PACKAGE TEST PASSED"
