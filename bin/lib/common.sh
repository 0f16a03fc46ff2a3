# Shared by the bin/ scripts: find a JDK >= 25 and make sure the project is built.
# Sourced, not executed. Sets CIRCUS_HOME, JAVA_HOME and JAVA.

CIRCUS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRCUS_MIN_JDK=25

# Prints the feature version of the java binary given, or nothing.
circus_java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

circus_find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do
    [ -d "$c" ] && candidates+=("${c%/}")
  done
  if command -v java >/dev/null 2>&1; then
    c="$(readlink -f "$(command -v java)")"
    candidates+=("${c%/bin/java}")
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v="$(circus_java_feature "$c/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge "$CIRCUS_MIN_JDK" ]; then
      JAVA_HOME="$c"
      JAVA="$c/bin/java"
      export JAVA_HOME
      return 0
    fi
  done
  {
    echo "circus: no JDK >= $CIRCUS_MIN_JDK found."
    echo "  looked at: JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*, /opt/java/*, and 'java' on PATH."
    echo "  install a JDK $CIRCUS_MIN_JDK (for example Temurin 25) or point JAVA_HOME at one."
  } >&2
  return 1
}

# The build's stamp, touched after every build these scripts run. Sources are compared with it, not
# with the console's jar: Maven leaves a jar whose classes did not change alone, so after a change
# in another module the console jar stays older than the sources, and comparing with it rebuilt the
# project at every later bin/circusd and bin/circusctl (2 s added to each one-shot command).
circus_build_stamp() {
  printf '%s\n' "$CIRCUS_HOME/circus-console/target/circus.built"
}

# Builds the project (without tests) when the console's runtime class path is missing or older
# than any source file, so that a fresh clone works with bin/circusd straight away. A tree built
# by Maven directly has no stamp yet: its console jar stands in once, and the stamp takes its time.
circus_ensure_built() {
  local lib="$CIRCUS_HOME/circus-console/target/lib"
  local jar stamp ref
  jar="$(circus_console_jar)"
  stamp="$(circus_build_stamp)"
  ref="$stamp"
  [ -f "$stamp" ] || ref="$jar"
  if [ -d "$lib" ] && [ -n "$jar" ] &&
     [ -z "$(find "$CIRCUS_HOME" -path '*/src/main/*' -newer "$ref" -print -quit 2>/dev/null)" ] &&
     [ -z "$(find "$CIRCUS_HOME" -name pom.xml -newer "$ref" -print -quit 2>/dev/null)" ]; then
    [ -f "$stamp" ] || touch -r "$jar" "$stamp"
    return 0
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "circus: the project is not built and Maven ('mvn') is not on PATH to build it." >&2
    echo "  install Maven 3.8 or later (Debian: apt-get install maven), then run this command again." >&2
    return 1
  fi
  if [ -z "$jar" ]; then
    echo "circus: building the project (first use; Maven downloads what it needs, this takes a minute)..." >&2
  else
    echo "circus: rebuilding the project (sources changed since the last build)..." >&2
  fi
  (cd "$CIRCUS_HOME" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -q -B -Dstyle.color=never -DskipTests install) >&2 || {
    echo "circus: the build failed (mvn install in $CIRCUS_HOME); see the Maven output above." >&2
    return 1
  }
  if [ -z "$(circus_console_jar)" ] || [ ! -d "$lib" ]; then
    echo "circus: the build finished but left no circus-console jar or target/lib in $CIRCUS_HOME/circus-console." >&2
    return 1
  fi
  touch "$stamp"
}

# Prints the console module's jar (not its tests jar), or nothing when it is not built. Globs, not
# ls in a pipeline: under 'set -euo pipefail' a failing ls would end the calling script silently.
circus_console_jar() {
  local j
  for j in "$CIRCUS_HOME"/circus-console/target/circus-console-*.jar; do
    case "$j" in *-tests.jar|*-sources.jar|*'*'*) continue ;; esac
    [ -f "$j" ] && { printf '%s\n' "$j"; return 0; }
  done
  return 0
}

# JVM flags of the daemon (bin/circusd and the benchmark): a small, predictable footprint for
# thousands of children — serial GC, a capped heap, few compiler threads, small stacks; native access
# for the FFM process layer; no per-process fd cap from the JVM. A young generation of 3 to 8 MiB
# (-Xmn8m with -Xms4m made the JVM warn at every start and use 4 MiB; -Xms12m cost 4 MiB of RSS): with
# the tiny one a 4 MiB heap starts with, a flood of requests promotes in-flight garbage, and serial GC
# grows the old generation for it instead of collecting (RSS climbed to the heap cap; see
# docs/zmq-protocol.md, "Memory under abuse"). glibc keeps freed native memory (start-up's
# class parsing, compilations) unless told to give it back: trimming every 10 s returned ~5 MiB of RSS
# at N = 1000 (docs/performance.md, "Where the daemon's memory goes"). No string deduplication: its
# thread and table did not pay. C1's thresholds and class-data sharing stay at their defaults: raising
# the thresholds fourfold or turning CDS off saved 2-3 MiB each at N = 1000 but made `status`, respawn
# and stop slower at N = 5000 and 10000 (measured, docs/performance.md "Why these JVM flags").
# SweeperThreshold=50: the JVM collects the whole heap (a full, stop-the-world GC under serial GC)
# whenever compiled code grows by that share of the code cache since the last such collection; at
# the default 15 % (4.8 MiB here) one landed in a stop of 10,000 children and paused the daemon for
# 67 ms. The daemon's compiled code is small and stable (5-7 MiB in all), so unloading it waits for
# the full collections the heap needs anyway.
CIRCUS_DAEMON_JVM_OPTS=(
  -XX:+UseSerialGC -Xms4m "-Xmx${CIRCUS_HEAP:-256m}" -XX:NewSize=3m -XX:MaxNewSize=8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20
  -Xss512k -XX:TieredStopAtLevel=1
  -XX:CICompilerCount=1 -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:SweeperThreshold=50 -XX:-MaxFDLimit
  -XX:TrimNativeHeapInterval=10000 --enable-native-access=ALL-UNNAMED
)

circus_classpath() {
  local jar
  jar="$(circus_console_jar)"
  if [ -z "$jar" ]; then
    echo "circus: circus-console is not built (no jar in $CIRCUS_HOME/circus-console/target)." >&2
    return 1
  fi
  printf '%s:%s/circus-console/target/lib/*' "$jar" "$CIRCUS_HOME"
}
