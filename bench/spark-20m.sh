#!/usr/bin/env bash
# The customers pipeline on Spark local[2] against the plain engine and the in-database floor, at
# 5,000,000 and 20,000,000 raw rows, on the machine's PostgreSQL server; one whole-process run each,
# with peak RSS; prints the `spark-20m:` line last.
# Usage: bench/spark-20m.sh [HOST:PORT] [ROWS...]   (default 127.0.0.1:5432 5000000 20000000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench,examples/customers/pipelines/customers,examples/customers/pipelines/customers/spark -am package
server="${1:-127.0.0.1:5432}"
shift || true
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.SparkBenchmark examples/customers/pipelines/customers/target/customers-pipeline.jar \
  examples/customers/pipelines/customers/spark/target/customers-pipeline-spark.jar \
  examples/customers/migrations "$server" "$@"
