#!/usr/bin/env bash
# Runs the JMH benchmarks (all, or those matching $1; further arguments go to JMH, e.g. -prof gc) and writes the results, with the machine they
# ran on, to bench/results/jmh-<date>.txt. Builds the project first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-.*}"
[ -f bench/target/benchmark.classpath ] || ./mvnw -q -DskipTests -pl bench -am install
out="bench/results/jmh-$(date -u +%Y%m%dT%H%MZ).txt"
{
  echo "# outage-radar JMH run $(date -u +%FT%TZ)"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo "# cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
} > "$out"
java -cp "bench/target/classes:$(cat bench/target/benchmark.classpath)" org.openjdk.jmh.Main "$filter" "${@:2}" \
  | tee -a "$out"
echo "results in $out"
