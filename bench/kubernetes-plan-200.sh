#!/usr/bin/env bash
# The Kubernetes target's whole orchestration plan against a namespace holding 200 CronJobs
# (fabric8's mock API server in CRUD mode, on 127.0.0.1); prints the `kubernetes:` line whose
# plan_200_cronjobs_ms completes the issue's `images:` line (docs/benchmarks.md).
# Usage: bench/kubernetes-plan-200.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl bench -am package
exec java -cp "bench/target/strata-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.strata.bench.KubernetesPlanBenchmark "${1:-7}"
