#!/usr/bin/env bash
# Footprint and start-up of the worker and the API (issue 6, item 6), side by side: with no JVM flags (the launcher
# before it had defaults) and with the launcher's flags (`./scatter jvm-flags worker|api`), on the real jars, loopback
# RabbitMQ (127.0.0.1:5672, guest) and PostgreSQL (127.0.0.1:5432, user postgres, database test), in a virtual host
# and a schema of its own that are removed afterwards. The method is bench/pipeline.sh's: a worker is timed from just
# before the fork to the log line of its first task (already waiting in the queue); RSS is sampled every 200 ms.
#
#   bench/footprint.sh          # about 4 minutes
#
# BENCH_BASE_WORKER_JAR: a worker jar built from an earlier commit (e.g. main's), run as "before" next to this
# checkout's; by default the "before" worker is this checkout's jar with no flags.
#
# Prints, per worker flag set: start -> first task (median of BENCH_RUNS, default 5, the sets interleaved) and peak
# RSS at concurrency 4 through BENCH_TASKS one-number tasks (default 3000); the largest tasks (prime-count
# [10^15 - 10^9, 10^15] in 4 tasks, pi-estimate, expression) through one worker with the launcher's flags; per API
# flag set: peak RSS through the same tasks and wrk POSTs (BENCH_WRK_SECONDS, default 10), and the POST rate.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API_JAR="$ROOT/api/target/scatter-api-exec.jar"
WORKER_JAR="$ROOT/worker/target/scatter-worker-exec.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RUNS="${BENCH_RUNS:-5}"
TASKS="${BENCH_TASKS:-3000}"
WRK_SECONDS="${BENCH_WRK_SECONDS:-10}"
CONCURRENCY=4
DATABASE="jdbc:postgresql://127.0.0.1:5432/test"

for tool in rabbitmqctl psql wrk curl; do
  command -v "$tool" >/dev/null || { echo "footprint.sh: $tool is required" >&2; exit 1; }
done
if [[ ! -f "$API_JAR" || ! -f "$WORKER_JAR" ]]; then
  echo "footprint.sh: build the jars first (mvn -B -q -DskipTests package)" >&2
  exit 1
fi
WORKER_NEW="$(SCATTER_JAVA_OPTS='' "$ROOT/scatter" jvm-flags worker --concurrency "$CONCURRENCY")"
WORKER_NO_CDS="$(SCATTER_JAVA_OPTS='' SCATTER_CDS=0 "$ROOT/scatter" jvm-flags worker --concurrency "$CONCURRENCY")"
API_NEW="$(SCATTER_JAVA_OPTS='' "$ROOT/scatter" jvm-flags api)"
BASE_JAR="${BENCH_BASE_WORKER_JAR:-$WORKER_JAR}"
# name|jar|flags
WORKER_SETS=("before: no flags|$BASE_JAR|" "no flags|$WORKER_JAR|" "launcher, no CDS|$WORKER_JAR|$WORKER_NO_CDS"
  "launcher|$WORKER_JAR|$WORKER_NEW")
API_SETS=("none|" "launcher|$API_NEW" "G1 capped|-Xmx192m")

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_before_cleanup() { rm -f "$WORK/sampling"; }
bench_sandbox footprint

javac -d "$WORK/client" "$ROOT/bench/PipelineBench.java"
bench() { "$JAVA" -XX:TieredStopAtLevel=1 -cp "$WORK/client" PipelineBench "$@"; }

API_PID=""
API_PORT=""
start_api() { # NAME "OPTS"
  API_PORT="$(port)"
  # shellcheck disable=SC2086
  "$JAVA" $2 -jar "$API_JAR" --port "$API_PORT" --rabbitmq "$AMQP" --database "$DATABASE?currentSchema=$SCHEMA" \
    >"$WORK/$1.log" 2>&1 </dev/null &
  API_PID=$!
  PIDS+=("$API_PID")
  for _ in $(seq 1200); do
    curl -fs -o /dev/null "http://127.0.0.1:$API_PORT/actuator/health/readiness" && return
    kill -0 "$API_PID" 2>/dev/null || { tail -n 40 "$WORK/$1.log" >&2; echo "API $1 exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "API $1 not ready after 120 s" >&2
  exit 1
}
WORKER_PID=""
WORKER_START_MS=0
start_worker() { # NAME "OPTS" [JAR]
  WORKER_START_MS="$(ms_now)"
  # shellcheck disable=SC2086
  "$JAVA" $2 -jar "${3:-$WORKER_JAR}" --rabbitmq "$AMQP" --name "$1" --concurrency "$CONCURRENCY" >"$WORK/$1.log" 2>&1 </dev/null &
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

LINES=()
# ---------------------------------------------------------------------------------------------------------------
# Worker start -> first task, the flag sets interleaved; the API runs with the launcher's flags.
start_api api "$API_NEW"
first_task() { # NAME "OPTS" JAR: ms to the first task, ms to 'consuming', CPU ms of the worker when consuming
  local id
  bench submit "http://127.0.0.1:$API_PORT" >"$WORK/submit.out"
  id="$(kv "$WORK/submit.out" id)"
  for _ in $(seq 100); do
    [[ "$(rabbitmqctl -q list_queues -p "$VHOST" name messages_ready 2>/dev/null | awk '$1 == "scatter.tasks" { print $2 }')" == 1 ]] && break
    sleep 0.1
  done
  start_worker "$1" "$2" "$3"
  await_log "$WORK/$1.log" "job $id succeeded" "$WORKER_PID"
  local cpu
  cpu="$(cpu_ms "$WORKER_PID")"
  echo "$(($(log_ms "$WORK/$1.log" "job $id succeeded") - WORKER_START_MS)) $(($(log_ms "$WORK/$1.log" "consuming scatter.tasks") - WORKER_START_MS)) $cpu"
  stop_pid "$WORKER_PID"
}
log "worker start -> first task: $RUNS runs of each flag set, interleaved"
for i in $(seq "$RUNS"); do
  for k in "${!WORKER_SETS[@]}"; do
    IFS='|' read -r _ jar opts <<<"${WORKER_SETS[$k]}"
    first_task "first-$k-$i" "$opts" "$jar" >>"$WORK/first.$k"
  done
done

# ---------------------------------------------------------------------------------------------------------------
# Worker RSS at concurrency 4 through TASKS one-number tasks, each flag set in turn.
for k in "${!WORKER_SETS[@]}"; do
  IFS='|' read -r name jar opts <<<"${WORKER_SETS[$k]}"
  start_worker "rss-$k" "$opts" "$jar"
  W=$WORKER_PID
  await_log "$WORK/rss-$k.log" "consuming scatter.tasks" "$W"
  sample_rss "$W"
  bench throughput "http://127.0.0.1:$API_PORT" 1 "$TASKS" 240 >"$WORK/throughput.w$k"
  stop_sampling
  LINES+=("worker '$name' ($jar, ${opts:-no flags}): first task median $(cut -d' ' -f1 "$WORK/first.$k" | median) ms (runs: $(cut -d' ' -f1 "$WORK/first.$k" | tr '\n' ' ')), 'consuming' median $(cut -d' ' -f2 "$WORK/first.$k" | median) ms, CPU at first task median $(cut -d' ' -f3 "$WORK/first.$k" | median) ms; $TASKS tasks: $(kv "$WORK/throughput.w$k" tasks_per_second) tasks/s, peak RSS $(mib "$(cat "$WORK/rss.$W")") MiB, HWM $(mib "$(status_kib "$W" VmHWM)") MiB")
  log "${LINES[-1]}"
  stop_pid "$W"
done

# ---------------------------------------------------------------------------------------------------------------
# The largest tasks through one worker with the launcher's flags at concurrency 4.
submit_json() { curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $SCATTER_API_KEY" -d "$1" "http://127.0.0.1:$API_PORT/api/v1/jobs" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p'; }
job_json() { curl -fsS -H "Authorization: Bearer $SCATTER_API_KEY" "http://127.0.0.1:$API_PORT/api/v1/jobs/$1"; }
start_worker big "$WORKER_NEW"
W=$WORKER_PID
await_log "$WORK/big.log" "consuming scatter.tasks" "$W"
sample_rss "$W"
T0="$(ms_now)"
BIG_IDS=(
  "$(submit_json '{"type":"prime-count","input":{"from":999999000000000,"to":1000000000000000},"options":{"tasks":4}}')"
  "$(submit_json '{"type":"pi-estimate","input":{"samples":100000000},"options":{"tasks":4}}')"
  "$(submit_json '{"type":"expression","input":{"expressions":["sqrt(2)","1/3","(1+2)*3/4","max(1,2,3)-min(4,5)"]}}')"
)
for id in "${BIG_IDS[@]}"; do
  for _ in $(seq 1800); do
    job_json "$id" >"$WORK/job.json"
    grep -qE '"status" *: *"(SUCCEEDED|FAILED|CANCELLED)"' "$WORK/job.json" && break
    sleep 0.2
  done
  LINES+=("largest tasks: $(grep -oE '"type" *: *"[^"]*"' "$WORK/job.json" | head -n1) $(grep -oE '"status" *: *"[A-Z]+"' "$WORK/job.json" | head -n1) $(tr -d '\n' <"$WORK/job.json" | grep -oE '"result" *: *\{[^}]*\}' | head -n1 | cut -c1-120)")
done
stop_sampling
LINES+=("largest tasks: $(($(ms_now) - T0)) ms, worker peak RSS $(mib "$(cat "$WORK/rss.$W")") MiB, HWM $(mib "$(status_kib "$W" VmHWM)") MiB, OutOfMemoryError in its log: $(grep -c OutOfMemoryError "$WORK/big.log" || true)")
log "${LINES[-1]}"
stop_pid "$W"
stop_pid "$API_PID"

# ---------------------------------------------------------------------------------------------------------------
# API RSS through TASKS tasks (one worker, launcher flags) and wrk POSTs, and its POST rate, per flag set.
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SCATTER_API_KEY")
wrk.body = '{"type":"prime-count","input":{"from":0,"to":1000},"options":{"tasks":1}}'
LUA
for k in "${!API_SETS[@]}"; do
  start_api "api-$k" "${API_SETS[$k]#*|}"
  start_worker "drain-$k" "$WORKER_NEW"
  W=$WORKER_PID
  await_log "$WORK/drain-$k.log" "consuming scatter.tasks" "$W"
  sample_rss "$API_PID"
  bench throughput "http://127.0.0.1:$API_PORT" 1 "$TASKS" 240 >"$WORK/throughput.a$k"
  wrk -t2 -c16 -d"${WRK_SECONDS}s" -s "$WORK/post.lua" "http://127.0.0.1:$API_PORT/api/v1/jobs" >"$WORK/wrk.$k" 2>&1
  stop_sampling
  name="${API_SETS[$k]%%|*}"
  LINES+=("api '$name' (${API_SETS[$k]#*|}): $TASKS tasks $(kv "$WORK/throughput.a$k" tasks_per_second) tasks/s; POST $(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk.$k") req/s; peak RSS $(mib "$(cat "$WORK/rss.$API_PID")") MiB, HWM $(mib "$(status_kib "$API_PID" VmHWM)") MiB")
  log "${LINES[-1]}"
  stop_pid "$W"
  stop_pid "$API_PID"
done

echo
echo "Scatter footprint, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
printf '%s\n' "${LINES[@]}"
