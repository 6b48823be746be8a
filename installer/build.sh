#!/usr/bin/env bash
# Builds the installable workstation with jpackage: a jlink-trimmed Java runtime, then a Debian package
# (default) or an application image. Run after `mvn -B -q install -DskipTests`; the installer module's
# `-Ppackage` profile runs it from Maven. Prints the build time and the sizes.
#
#   bash installer/build.sh [--type deb|app-image] [--version 1.2.3] [--dest DIR] [--reuse-runtime]
#
# --reuse-runtime keeps the runtime an earlier run made from the same jars (the package test builds twice).
#
# Windows (.msi) and the options that differ there: see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TYPE=deb
VERSION=""
DEST=installer/target/dist
REUSE_RUNTIME=0
while [ $# -gt 0 ]; do
  case "$1" in
    --type) TYPE="$2"; shift 2 ;;
    --version) VERSION="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --reuse-runtime) REUSE_RUNTIME=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

WORK=installer/target
APP=workstation/target
[ -f "$APP/shebao-counter.jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
if [ -z "$VERSION" ]; then
  VERSION=$(unzip -p "$APP/shebao-counter.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
fi
VERSION=${VERSION%-SNAPSHOT}  # jpackage and dpkg want a plain numeric version
start=$(date +%s.%N)

# 1. The application: the main jar and its lib/ folder (the manifest's Class-Path points there).
rm -rf "$WORK/input" && mkdir -p "$WORK/input/lib"
cp "$APP/shebao-counter.jar" "$WORK/input/"
cp "$APP"/lib/*.jar "$WORK/input/lib/"

# 2. The modules: runtime-modules.txt is the one list (the self-test checks the same file). jdeps must not find a
#    module outside it. Modular jars are analysed without their module-info: several require modules that are
#    optional at run time (jakarta.transaction requires CDI), which jdeps cannot resolve and need not.
MODULES_FILE=workstation/src/main/resources/cn/shebao/counter/workstation/selftest/runtime-modules.txt
MODULES=$(sed 's/#.*//' "$MODULES_FILE" | tr -s ' \t' '\n' | sed '/^$/d' | sort -u)
if [ "$REUSE_RUNTIME" = 1 ] && [ -x "$WORK/runtime/bin/java" ]; then
  echo "reusing the runtime in $WORK/runtime"
else
  rm -rf "$WORK/jdeps" && mkdir -p "$WORK/jdeps"
  for jar in "$WORK/input/shebao-counter.jar" "$WORK"/input/lib/*.jar; do
    copy="$WORK/jdeps/$(basename "$jar")"
    cp "$jar" "$copy"
    zip -q -d "$copy" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
  done
  FOUND=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
    --class-path "$WORK/jdeps/*" "$WORK"/jdeps/*.jar | tr ',' '\n' | sort -u)
  MISSING=$(comm -23 <(echo "$FOUND") <(echo "$MODULES"))
  if [ -n "$MISSING" ]; then
    echo "jdeps finds modules that $MODULES_FILE lacks: $(echo $MISSING)" >&2
    exit 1
  fi

  # 3. The runtime. Native commands stay: demo mode starts its demo central service with bin/java.
  #    Only Chinese and English locale data: jdk.localedata is 30 MB with every locale.
  rm -rf "$WORK/runtime"
  jlink --add-modules "$(echo $MODULES | tr ' ' ',')" --output "$WORK/runtime" \
    --strip-debug --no-man-pages --no-header-files --include-locales=en,zh --compress=2
  # The JDK's shared libraries keep their symbol tables (libjvm alone 4 MB of 24): nothing at a counter reads them,
  # and the installed size has a budget (135 MB). jlink's --strip-native-debug-symbols finds no debug sections here.
  if command -v strip >/dev/null; then
    find "$WORK/runtime" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
  fi
fi
runtime_done=$(date +%s.%N)

# 4. The package.
mkdir -p "$DEST"
rm -rf "$WORK/jpackage-temp"
COMMON=(
  --name shebao-counter
  --app-version "$VERSION"
  --vendor "Shebao Counter project"
  --description "Shebao Counter: workstation for social-insurance service windows / 社保柜台工作站"
  --copyright "Shebao Counter contributors"
  --license-file LICENSE
  --input "$WORK/input" --main-jar shebao-counter.jar
  --main-class cn.shebao.counter.workstation.launcher.ShebaoCounter
  --runtime-image "$WORK/runtime"
  --java-options "-Xmx1g -Dfile.encoding=UTF-8"
  --dest "$DEST" --temp "$WORK/jpackage-temp"
)
case "$TYPE" in
  deb)
    rm -f "$DEST"/shebao-counter_"$VERSION"*.deb
    jpackage "${COMMON[@]}" --type deb \
      --icon installer/src/main/packaging/shebao-counter.png \
      --resource-dir installer/src/main/packaging/linux \
      --install-dir /opt \
      --linux-package-name shebao-counter \
      --linux-deb-maintainer "it@shebao-counter.invalid" \
      --linux-menu-group "Office" --linux-app-category misc --linux-shortcut
    OUT=$(ls "$DEST"/shebao-counter_"$VERSION"*.deb)
    ;;
  app-image)
    rm -rf "$DEST/shebao-counter"
    jpackage "${COMMON[@]}" --type app-image --icon installer/src/main/packaging/shebao-counter.png
    OUT="$DEST/shebao-counter"
    ;;
  *) echo "unknown type $TYPE" >&2; exit 2 ;;
esac
end=$(date +%s.%N)

printf 'runtime: %s modules, %s MB (jlink)\n' "$(echo $MODULES | wc -w)" "$(du -sm "$WORK/runtime" | cut -f1)"
printf 'application jars: %s MB\n' "$(du -sm "$WORK/input" | cut -f1)"
awk -v t="$TYPE" -v o="$OUT" -v s="$start" -v r="$runtime_done" -v e="$end" \
  'BEGIN { printf "built %s %s in %.1f s (jdeps and jlink %.1f s)\n", t, o, e - s, r - s }'
if [ "$TYPE" = deb ]; then
  printf 'package size: %s MB; installed size: %s MB\n' "$(du -m "$OUT" | cut -f1)" \
    "$(( $(dpkg-deb -f "$OUT" Installed-Size) / 1024 ))"
fi
