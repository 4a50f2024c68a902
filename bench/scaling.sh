#!/usr/bin/env bash
# Parallel efficiency and scaling (issue 6, items 3 and 7): the real API and 1, then 2 worker processes (concurrency 1
# each, so W workers = W cores), then 1 worker at concurrency 2, on loopback RabbitMQ (127.0.0.1:5672, guest) and
# PostgreSQL (127.0.0.1:5432, user postgres, database test), in a virtual host and a schema of their own that are
# removed afterwards (also on failure or Ctrl-C). Every job is submitted WITHOUT options.tasks: the API's scheduler
# picks the task count from the cost model and the live workers' slots. Beside it, the same kernel over the same range
# in one process on one thread (the baseline), and the job's own tasks on one and on two threads in one process.
#
#   bench/scaling.sh            # about 3-5 minutes on 2 idle cores
#
# Efficiency = T(kernel, one process, one thread) / (W x T(job on W workers, createdAt -> finishedAt)); target >= 0.90.
# Environment: SCALING_RUNS (repetitions, default 3), SCALING_JOBS (space-separated ALGORITHM:FROM:TO, default the
# sieve to 10^10, trial division to 1,440,001 and to 2*10^7), SCALING_WORKER_ARGS (added to every worker's arguments,
# e.g. "--prefetch 2"), SCATTER_JAVA_OPTS (JVM flags: the in-process runs get them alone; the API and the workers get
# the launcher's defaults, `./scatter jvm-flags`, which end with them).
# Logs stay in a temporary directory printed at the end (kept with BENCH_KEEP=1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API_JAR="$ROOT/api/target/scatter-api-exec.jar"
WORKER_JAR="$ROOT/worker/target/scatter-worker-exec.jar"
CORE_CLASSES="$ROOT/core/target/classes"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RUNS="${SCALING_RUNS:-3}"
JOBS="${SCALING_JOBS:-sieve:0:10000000000 trial-division:0:1440001 trial-division:0:20000000}"
OPTS="${SCATTER_JAVA_OPTS:-}"
WORKER_ARGS="${SCALING_WORKER_ARGS:-}"
DATABASE="jdbc:postgresql://127.0.0.1:5432/test"

for tool in rabbitmqctl psql curl python3; do
  command -v "$tool" >/dev/null || { echo "scaling.sh: $tool is required" >&2; exit 1; }
done
if [[ ! -f "$API_JAR" || ! -f "$WORKER_JAR" || ! -d "$CORE_CLASSES" ]]; then
  echo "scaling.sh: building the jars (mvn -B -q -DskipTests package)..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
fi

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
# stats: median, min and max of the numbers on stdin
stats() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f %.3f %.3f", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
bench_sandbox scaling

javac -d "$WORK/client" "$ROOT/bench/ScalingBench.java"
javac -cp "$CORE_CLASSES" -d "$WORK/inprocess" "$ROOT/bench/ScalingInProcess.java"
client() { "$JAVA" -XX:TieredStopAtLevel=1 -cp "$WORK/client" ScalingBench "$@"; }

# ---------------------------------------------------------------------------------------------------------------
# 1. In process: the kernel over the whole range on one thread, and the job's tasks (as split for 2 slots) on one and
#    two threads.
for job in $JOBS; do
  IFS=: read -r algorithm from to <<<"$job"
  log "in process: $algorithm [$from, $to], $RUNS runs"
  # shellcheck disable=SC2086
  "$JAVA" $OPTS -cp "$CORE_CLASSES:$WORK/inprocess" ScalingInProcess "$algorithm" "$from" "$to" 2 "$RUNS" \
    >"$WORK/inprocess.$algorithm.$to"
  log "  $(tr '\n' ' ' <"$WORK/inprocess.$algorithm.$to")"
done

# ---------------------------------------------------------------------------------------------------------------
# 2. The cluster: one API; workers of concurrency 1 (1, then 2 of them), then one worker of concurrency 2.
API_PORT="$(port)"
# shellcheck disable=SC2086
"$JAVA" $("$ROOT/scatter" jvm-flags api) -jar "$API_JAR" --port "$API_PORT" --rabbitmq "$AMQP" --database "$DATABASE?currentSchema=$SCHEMA" \
  >"$WORK/api.log" 2>&1 </dev/null &
API_PID=$!
PIDS+=("$API_PID")
for _ in $(seq 1200); do
  curl -fs -o /dev/null "http://127.0.0.1:$API_PORT/actuator/health/readiness" && break
  kill -0 "$API_PID" 2>/dev/null || { tail -n 40 "$WORK/api.log" >&2; echo "API exited" >&2; exit 1; }
  sleep 0.1
done
BASE="http://127.0.0.1:$API_PORT"

start_worker() { # NAME CONCURRENCY
  # shellcheck disable=SC2086
  "$JAVA" $("$ROOT/scatter" jvm-flags worker --concurrency "$2") -jar "$WORKER_JAR" --rabbitmq "$AMQP" --name "$1" \
    --concurrency "$2" $WORKER_ARGS >"$WORK/$1.log" 2>&1 </dev/null &
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
}

measure() { # CONFIG SLOTS: every job RUNS times (after one warm-up run of each) on the running workers
  local config="$1" slots="$2" job algorithm from to out
  client slots "$BASE" "$slots" 120 >/dev/null
  for job in $JOBS; do
    IFS=: read -r algorithm from to <<<"$job"
    out="$WORK/cluster.$config.$algorithm.$to"
    client job "$BASE" "$algorithm" "$from" "$to" 600 >"$out.warm"
    : >"$out"
    for _ in $(seq "$RUNS"); do client job "$BASE" "$algorithm" "$from" "$to" 600 >>"$out"; done
    log "  $config $algorithm [$from, $to]: tasks $(kv "$out" tasks), seconds $(sed -n 's/^seconds=//p' "$out" | tr '\n' ' ')"
  done
}

log "cluster: 1 worker x 1"
start_worker w1 1
W1=$WORKER_PID
measure 1x1 1
log "cluster: 2 workers x 1"
start_worker w2 1
W2=$WORKER_PID
measure 2x1 2
stop_pid "$W1"
stop_pid "$W2"
log "cluster: 1 worker x 2"
start_worker w3 2
W3=$WORKER_PID
measure 1x2 2
stop_pid "$W3"
stop_pid "$API_PID"
LOAD_AFTER="$(load)"

# ---------------------------------------------------------------------------------------------------------------
echo
echo "Scatter parallel efficiency, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo "times in seconds: median min max of $RUNS runs; cluster times are the job's createdAt -> finishedAt on the API's clock (GET polled every 25 ms), default task count; workers get the launcher's JVM flags and the arguments '${WORKER_ARGS:-none}'"
echo "efficiency = T(kernel, 1 process, 1 thread) / (W x T(W)) on the medians; target >= 0.90 (the ratio column is efficiency / 0.90)"
echo "vs in-process = T(the job's tasks, 1 process, W threads) / T(W): the cluster's cost over the same split computed in"
echo "  one JVM at the same time; on a machine busy with other work this is the fairer figure (2 threads may not get 2 cores)"
echo
{
  echo "job|run|W|tasks|seconds (median min max)|efficiency|vs target|vs in-process"
  for job in $JOBS; do
    IFS=: read -r algorithm from to <<<"$job"
    in="$WORK/inprocess.$algorithm.$to"
    base="$(kv "$in" kernel_1t | cut -d' ' -f1)"
    name="$algorithm [$from, $to]"
    echo "$name|kernel, 1 process, 1 thread|1|1|$(kv "$in" kernel_1t)|1.00|-|-"
    for row in "tasks_1t:job's tasks, 1 process, 1 thread:1" "tasks_2t:job's tasks, 1 process, 2 threads:2"; do
      IFS=: read -r key label w <<<"$row"
      t="$(kv "$in" "$key" | cut -d' ' -f1)"
      e="$(awk -v b="$base" -v t="$t" -v w="$w" 'BEGIN { printf "%.2f", b / (w * t) }')"
      echo "$name|$label|$w|$(kv "$in" tasks)|$(kv "$in" "$key")|$e|$(awk -v e="$e" 'BEGIN { printf "%.2f", e / 0.9 }')|-"
    done
    for row in "1x1:1 worker x 1 thread:1" "2x1:2 workers x 1 thread:2" "1x2:1 worker x 2 threads:2"; do
      IFS=: read -r config label w <<<"$row"
      out="$WORK/cluster.$config.$algorithm.$to"
      s="$(sed -n 's/^seconds=//p' "$out" | stats)"
      t="${s%% *}"
      e="$(awk -v b="$base" -v t="$t" -v w="$w" 'BEGIN { printf "%.2f", b / (w * t) }')"
      [[ "$(kv "$out" count)" == "$(kv "$in" count)" ]] || { echo "count mismatch for $name on $config" >&2; exit 1; }
      local_t="$(kv "$in" "tasks_${w}t" | cut -d' ' -f1)"
      echo "$name|$label|$w|$(kv "$out" tasks)|$s|$e|$(awk -v e="$e" 'BEGIN { printf "%.2f", e / 0.9 }')|$(awk -v l="$local_t" -v t="$t" 'BEGIN { printf "%.2f", l / t }')"
    done
    echo "$name|slowest/fastest task (CPU), first/last third mean ms|-|-|$(kv "$in" task_slowest_over_fastest); $(kv "$in" task_ms_first_third)/$(kv "$in" task_ms_last_third)|-|-|-"
  done
} | column -t -s '|'
