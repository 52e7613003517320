#!/usr/bin/env bash
# The customers pipeline on 5,000,000 rows against the in-database floor, on the machine's
# PostgreSQL server; prints the `pipeline-5m:` line.
# Usage: bench/pipeline-5m.sh [HOST:PORT] [ROWS]   (default 127.0.0.1:5432, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench,examples/customers/pipelines/customers -am package
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.PipelineBenchmark examples/customers/pipelines/customers/target/customers-pipeline.jar \
  examples/customers/migrations "${1:-127.0.0.1:5432}" "${2:-5000000}"
