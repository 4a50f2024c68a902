#!/usr/bin/env bash
# Start-up time of the head node (./scatter serve): wall time from launching the JVM until it logs "Head node ready"
# (database, broker, API and local worker all up), on a fresh data directory (PostgreSQL binaries unpacked, cluster
# created, schema migrated) and on one that already holds a cluster. Each run ends with SIGTERM.
# Usage: bench/serve-start.sh [RUNS]     (ports 18480/18481 on 127.0.0.1)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
JAR="$ROOT/head/target/scatter-head.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -q -B -DskipTests -pl head -am package)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# start_once DATA: prints the milliseconds until the ready line, then stops the head node.
start_once() {
  local data="$1" log="$WORK/serve.log" start now pid
  start=$(date +%s%N)
  java -jar "$JAR" --bind 127.0.0.1 --port 18480 --amqp-port 18481 --workers 1 --data "$data" >"$log" 2>&1 &
  pid=$!
  until grep -q "Head node ready" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "serve exited before it was ready:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.02
  done
  now=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid" || true
  echo $(((now - start) / 1000000))
}

summary() {
  sort -n | awk '{ v[NR] = $1; s += $1 } END { printf "mean %d ms, min %d ms, max %d ms (%d runs)\n", s / NR, v[1], v[NR], NR }'
}

fresh=()
again=()
for ((i = 1; i <= RUNS; i++)); do
  rm -rf "$WORK/data"
  fresh+=("$(start_once "$WORK/data")")
  again+=("$(start_once "$WORK/data")")
done
echo "fresh data directory:    $(printf '%s\n' "${fresh[@]}" | summary)"
echo "existing data directory: $(printf '%s\n' "${again[@]}" | summary)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
