#!/usr/bin/env bash
# The schema-drift check at 1,000 tables on PostgreSQL and MariaDB; prints the `drift-1000:` line.
# Usage: bench/drift-1000.sh [PG_HOST:PORT] [MYSQL_HOST:PORT]
#   (defaults 127.0.0.1:5432 user postgres, trust auth; 127.0.0.1:3306 user root, no password)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench -am package
./strata --version >/dev/null   # builds the CLI the way a user gets it, when stale
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.DriftBenchmark ./strata "${1:-127.0.0.1:5432}" "${2:-127.0.0.1:3306}"
