#!/usr/bin/env bash
# The customers pipeline's image: `strata build` cold (nothing compiled, empty registry) and warm
# (nothing changed: Maven and the hash run, the registry is asked, nothing is built or pushed), and
# the image's size (compressed config and layers, the base's included); prints the `images:` line.
# The issue's Kubernetes figure (plan_200_cronjobs_ms) is bench/kubernetes-plan-200.sh's.
#
# Usage: bench/images.sh [BASE.tar]
#   BASE.tar: a `docker save` tarball of the base image. Default: the jlink'd Java runtime image the
#   image tests make (orchestration/target/test-base-image/base.tar), made first when missing;
#   there is no registry to pull eclipse-temurin from on an offline machine.
#
# It starts its own registry (Debian's docker-registry) on a free port on 127.0.0.1 and stops it.
# strata-pipeline is not published, so the customers module resolves it from a private local
# Maven repository under a temporary folder (the platform's ./mvnw points Maven there); ~/.m2 is
# only read. That repository is filled by one untimed resolution before the cold build, so the
# timings contain no downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)

mvn -q -B -DskipTests -pl cli,pipeline -am package
base="${1:-$here/orchestration/target/test-base-image/base.tar}"
if [[ ! -f "$base" ]]; then
  mvn -q -B -pl orchestration -am verify -Dtest=ImageRunTest -Dsurefire.failIfNoSpecifiedTests=false
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-images.XXXXXX")
registry_pid=""
cleanup() {
  if [[ -n "$registry_pid" ]]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The library and its parent POM, into the private repository only.
mvn -q -B -N install:install-file -Dfile=pom.xml -DpomFile=pom.xml -Dpackaging=pom -DlocalRepositoryPath="$work/m2"
mvn -q -B -N install:install-file -Dfile=pipeline/target/strata-pipeline-0.1.0-SNAPSHOT.jar \
  -DpomFile=pipeline/pom.xml -DlocalRepositoryPath="$work/m2"

platform="$work/platform"
mkdir -p "$platform"
(cd examples/customers && tar --exclude=.strata --exclude=target -cf - .) | (cd "$platform" && tar -xf -)
cat >"$platform/mvnw" <<EOF
#!/bin/sh
exec mvn -Dmaven.repo.local="$work/m2" "\$@"
EOF
chmod +x "$platform/mvnw"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/registry.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$port
EOF
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break
  sleep 0.1
done

cat >>"$platform/strata.yaml" <<EOF

  bench:
    images:
      base: tar:$base
      registry:
        url: 127.0.0.1:$port/bench
        insecure: true
EOF
printf 'target/\n.strata/\n' >"$platform/.gitignore"
git -C "$platform" init -q -b main
git -C "$platform" add -A
git -C "$platform" -c user.name=bench -c user.email=bench@example.com commit -q -m "the customers platform"

# Untimed: fill the private repository with what the module's build resolves.
"$platform/mvnw" -q -B -f "$platform/pipelines/customers/pom.xml" -DskipTests process-classes \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
rm -rf "$platform/pipelines/customers/target"

strata() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$here/cli/target/strata.jar" -C "$platform" --env bench "$@"; }
now_ms() { date +%s%3N; }

start=$(now_ms); strata build customers >"$work/cold.txt"; cold_ms=$(( $(now_ms) - start ))
start=$(now_ms); strata build customers >"$work/warm.txt"; warm_ms=$(( $(now_ms) - start ))
cat "$work/cold.txt" "$work/warm.txt" >&2
grep -q '^customers: built ' "$work/cold.txt"
grep -q '^customers: unchanged, ' "$work/warm.txt"
size_mb=$(sed -nE 's/^customers: built .* \(([0-9.]+) MB, .*/\1/p' "$work/cold.txt")
echo "images: cold_ms=$cold_ms warm_ms=$warm_ms size_mb=$size_mb"
