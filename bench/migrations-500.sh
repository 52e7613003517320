#!/usr/bin/env bash
# Strata vs Flyway on the machine's PostgreSQL server; prints the `migrations-500:` line.
# Usage: bench/migrations-500.sh [HOST:PORT]   (default 127.0.0.1:5432, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench -am package
./strata --version >/dev/null   # builds the CLI the way a user gets it, when stale
export FLYWAY_TELEMETRY_OPTOUT=true REDGATE_DISABLE_TELEMETRY=true
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.MigrationsBenchmark ./strata "${1:-127.0.0.1:5432}"
