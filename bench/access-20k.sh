#!/usr/bin/env bash
# The access layer at scale (20 schemas x 50 tables, 200 roles, 20,000 table grants) on the
# machine's PostgreSQL server; prints the `access-20k:` line.
# Usage: bench/access-20k.sh [HOST:PORT]   (default 127.0.0.1:5432, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench -am package
./strata --version >/dev/null   # builds the CLI the way a user gets it, when stale
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.Access20kBenchmark ./strata "${1:-127.0.0.1:5432}"
