#!/usr/bin/env bash
# `strata env up` of the example platform on the machine's PostgreSQL server, whole process: empty,
# `--sample 1000`, and `env down`; prints the `env-up:` line.
# Usage: bench/env-up.sh [HOST:PORT]   (default 127.0.0.1:5432, user postgres, trust auth)
#
# The CLI runs as ./strata runs it (its JVM flags, the jar it builds), but from a launcher of this
# script's own without the class-data-sharing archive: ./strata installs into ~/.m2 when its build
# is stale, and this benchmark builds with `mvn package` only.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
mvn -q -B -DskipTests -pl cli,bench -am package
work=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-env-up.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat >"$work/strata" <<LAUNCHER
#!/usr/bin/env bash
exec java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -jar "$here/cli/target/strata.jar" "\$@"
LAUNCHER
chmod +x "$work/strata"
java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.EnvUpBenchmark "$work/strata" examples/customers "${1:-127.0.0.1:5432}"
