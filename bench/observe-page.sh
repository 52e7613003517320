#!/usr/bin/env bash
# The observe pages of a generated platform (1,000 tables, 200 roles, 50 pipelines with run records)
# on the machine's PostgreSQL server; prints the `observe-page:` line.
# Usage: bench/observe-page.sh [HOST:PORT]   (default 127.0.0.1:5432, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench -am package
./strata --version >/dev/null   # builds the CLI the way a user gets it, when stale
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.ObservePageBenchmark ./strata "${1:-127.0.0.1:5432}"
