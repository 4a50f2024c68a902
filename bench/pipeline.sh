#!/usr/bin/env bash
# End-to-end pipeline benchmark (issue 6, items 4-6): the real API and worker jars on loopback RabbitMQ
# (127.0.0.1:5672, guest) and PostgreSQL (127.0.0.1:5432, user postgres, database test), in a virtual host and a
# schema of their own that are removed afterwards (also on failure or Ctrl-C). Prints one table: figure, measured,
# anchor, ratio, target, met?
#
#   bench/pipeline.sh            # about 3-4 minutes
#
# Environment: BENCH_TASKS (tasks per throughput job, default 5000), BENCH_JOBS (throughput jobs, default 2),
# BENCH_LATENCY_JOBS (default 300), BENCH_PERFTEST_SECONDS (default 15), BENCH_WRK_SECONDS (default 10),
# BENCH_SMALL_WORKER_OPTS (default "-Xmx64m -XX:+UseSerialGC"), BENCH_SMALL_API_OPTS
# (default "-Xmx192m -XX:+UseSerialGC"), BENCH_SHORT_INTERVAL (default 5ms), BENCH_WORKER_ARGS (added to every worker's
# arguments, e.g. "--prefetch 64"), SCATTER_JAVA_OPTS (added to the
# launcher's JVM flags as by ./scatter; the "default" flags are the launcher's, from `./scatter jvm-flags api|worker`,
# the worker's with its class data sharing archive). Logs stay in a temporary directory printed at the end (kept with BENCH_KEEP=1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API_JAR="$ROOT/api/target/scatter-api-exec.jar"
WORKER_JAR="$ROOT/worker/target/scatter-worker-exec.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TASKS="${BENCH_TASKS:-5000}"
JOBS="${BENCH_JOBS:-2}"
LATENCY_JOBS="${BENCH_LATENCY_JOBS:-300}"
PERFTEST_SECONDS="${BENCH_PERFTEST_SECONDS:-15}"
WRK_SECONDS="${BENCH_WRK_SECONDS:-10}"
SMALL_WORKER_OPTS="${BENCH_SMALL_WORKER_OPTS:--Xmx64m -XX:+UseSerialGC}"
SMALL_API_OPTS="${BENCH_SMALL_API_OPTS:--Xmx192m -XX:+UseSerialGC}"
SHORT_INTERVAL="${BENCH_SHORT_INTERVAL:-5ms}"
WORKER_ARGS="${BENCH_WORKER_ARGS:-}"
CONCURRENCY=4
DATABASE="jdbc:postgresql://127.0.0.1:5432/test"

for tool in rabbitmqctl psql wrk mvn curl; do
  command -v "$tool" >/dev/null || { echo "pipeline.sh: $tool is required" >&2; exit 1; }
done
if [[ ! -f "$API_JAR" || ! -f "$WORKER_JAR" ]]; then
  echo "pipeline.sh: building the jars (mvn -B -q -DskipTests install)..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests install) >&2
fi

# The flags ./scatter api and ./scatter worker run with (one place: the launcher).
DEFAULT_API_OPTS="$("$ROOT/scatter" jvm-flags api)"
DEFAULT_WORKER_OPTS="$("$ROOT/scatter" jvm-flags worker --concurrency "$CONCURRENCY")"

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_sandbox pipeline

javac -d "$WORK/client" "$ROOT/bench/PipelineBench.java"
bench() { "$JAVA" -XX:TieredStopAtLevel=1 -cp "$WORK/client" PipelineBench "$@"; }

API_PID=""
API_PORT=""
# start_api NAME "JVM OPTS" [EXTRA ARGS...]
start_api() {
  local name="$1" opts="$2"
  shift 2
  API_PORT="$(port)"
  # shellcheck disable=SC2086
  "$JAVA" $opts -jar "$API_JAR" --port "$API_PORT" --rabbitmq "$AMQP" --database "$DATABASE?currentSchema=$SCHEMA" \
    "$@" >"$WORK/$name.log" 2>&1 </dev/null &
  API_PID=$!
  PIDS+=("$API_PID")
  for _ in $(seq 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$API_PORT/actuator/health/readiness"; then
      return
    fi
    kill -0 "$API_PID" 2>/dev/null || { tail -n 40 "$WORK/$name.log" >&2; echo "API $name exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "API $name not ready after 120 s" >&2
  exit 1
}

# start_worker NAME "JVM OPTS": starts a worker; sets WORKER_PID and WORKER_START_MS (just before the fork)
WORKER_PID=""
WORKER_START_MS=0
start_worker() {
  local name="$1" opts="$2"
  WORKER_START_MS="$(ms_now)"
  # shellcheck disable=SC2086
  "$JAVA" $opts -jar "$WORKER_JAR" --rabbitmq "$AMQP" --name "$name" --concurrency "$CONCURRENCY" $WORKER_ARGS \
    >"$WORK/$name.log" 2>&1 </dev/null &
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
}

# cpu_ticks PID...: utime+stime of each PID, then of RabbitMQ (the oldest beam.smp: rabbitmqctl runs one too) and of
# all postgres processes (clock ticks)
cpu_ticks() {
  local pid out=()
  for pid in "$@" $(pgrep -o -x beam.smp); do
    out+=("$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)")
  done
  out+=("$(for pid in $(pgrep -x postgres); do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }')")
  out+=("$(awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)")
  echo "${out[*]}"
}
# cpu_report LABEL "BEFORE" "AFTER" SECONDS NAMES...: CPU seconds per process over a phase, and per cent of wall time
# (of one core: the machine's $(nproc) cores are $(nproc)00 %); the last figure is every process on the machine, ours
# and anyone else's, so the difference shows how busy the machine was with other work.
cpu_report() {
  local label="$1" before="$2" after="$3" seconds="$4"
  shift 4
  awk -v b="$before" -v a="$after" -v s="$seconds" -v n="$* rabbitmq postgres(all) machine(all-processes)" -v l="$label" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(b, B, " "); split(a, A, " "); split(n, N, " "); line = "cpu " l " (" s " s wall):";
    for (i = 1; i in N; i++) { c = (A[i] - B[i]) / hz; line = line sprintf(" %s %.1f s (%.0f%%)", N[i], c, 100 * c / s) }
    print line }'
}
# sample_queues: every 2 s, ready/unacked of the work queues and unsent outbox rows, into $WORK/queues.log
sample_queues() {
  touch "$WORK/qsampling"
  (
    while [[ -f "$WORK/qsampling" ]]; do
      {
        echo "$(date -u +%H:%M:%S) $(rabbitmqctl -q list_queues -p "$VHOST" name messages_ready messages_unacknowledged 2>/dev/null \
          | awk '$1 == "scatter.tasks" || $1 == "scatter.results" { printf "%s ready %s unacked %s; ", $1, $2, $3 }')outbox unsent $(psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $SCHEMA.outbox WHERE sent_at IS NULL" 2>/dev/null)"
      } >>"$WORK/queues.log"
      sleep 2
    done
  ) &
  QSAMPLER=$!
}
wall() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
stop_queues() { rm -f "$WORK/qsampling"; wait "$QSAMPLER" 2>/dev/null || true; }

ROWS=()
CPU_LINES=()
# row FIGURE MEASURED ANCHOR RATIO TARGET MET
row() { ROWS+=("$1|$2|$3|$4|$5|$6"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# met VALUE OP LIMIT
met() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= l : (op == ">=") ? v >= l : v < l; print ok ? "yes" : "NO" }'; }

# ---------------------------------------------------------------------------------------------------------------
# 1. Anchor: RabbitMQ PerfTest on the same broker, its own quorum queue in our vhost.
log "PerfTest anchor (${PERFTEST_SECONDS} s: 1 producer, 1 consumer, persistent, confirms, manual acks, quorum queue)"
(cd "$ROOT/bench/perf-test" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/perf-test.cp") >&2
# 350-byte bodies: about the size of one of our task CloudEvents (headers + JSON data)
"$JAVA" -cp "$(cat "$WORK/perf-test.cp")" com.rabbitmq.perf.PerfTest -h "$AMQP" -x 1 -y 1 -f persistent -c 100 \
  -q 100 -qq -u perf-test-anchor -s 350 -z "$PERFTEST_SECONDS" >"$WORK/perf-test.log" 2>&1 </dev/null
PERF_RECV="$(sed -n 's/.*receiving rate avg: \([0-9]*\) msg\/s.*/\1/p' "$WORK/perf-test.log")"
PERF_SENT="$(sed -n 's/.*sending rate avg: \([0-9]*\) msg\/s.*/\1/p' "$WORK/perf-test.log")"
[[ -n "$PERF_RECV" ]] || { cat "$WORK/perf-test.log" >&2; echo "PerfTest printed no rate" >&2; exit 1; }
rabbitmqctl -q delete_queue -p "$VHOST" perf-test-anchor >/dev/null 2>&1 || true
ANCHOR_TPS="$(awk -v r="$PERF_RECV" 'BEGIN { printf "%.0f", r / 2 }')"
log "PerfTest: sent $PERF_SENT msg/s, received $PERF_RECV msg/s -> anchor $ANCHOR_TPS tasks/s (2 messages per task)"

# ---------------------------------------------------------------------------------------------------------------
# 2. API with the launcher's flags; worker start to first task (a task already waiting in the queue).
log "API (flags: '${DEFAULT_API_OPTS:-none}')"
start_api api-default "$DEFAULT_API_OPTS"

first_task() { # NAME "OPTS": prints ms from launch to the log line of its first computed task, and to 'consuming'
  local name="$1" opts="$2" id
  bench submit "http://127.0.0.1:$API_PORT" >"$WORK/submit.out"
  id="$(kv "$WORK/submit.out" id)"
  # let the relay publish it, so that the task is waiting in the queue before the worker starts
  for _ in $(seq 100); do
    [[ "$(rabbitmqctl -q list_queues -p "$VHOST" name messages_ready 2>/dev/null | awk '$1 == "scatter.tasks" { print $2 }')" == 1 ]] && break
    sleep 0.1
  done
  start_worker "$name" "$opts"
  await_log "$WORK/$name.log" "job $id succeeded" "$WORKER_PID"
  local first consuming
  first=$(($(log_ms "$WORK/$name.log" "job $id succeeded") - WORKER_START_MS))
  consuming=$(($(log_ms "$WORK/$name.log" "consuming scatter.tasks") - WORKER_START_MS))
  stop_pid "$WORKER_PID"
  echo "$first $consuming"
}
log "worker start to first task, 5 runs with default flags, 5 with '$SMALL_WORKER_OPTS'"
: >"$WORK/first.default"
: >"$WORK/first.small"
for i in 1 2 3 4 5; do
  first_task "first-default-$i" "$DEFAULT_WORKER_OPTS" >>"$WORK/first.default"
  first_task "first-small-$i" "$SMALL_WORKER_OPTS" >>"$WORK/first.small"
done
FIRST_DEFAULT="$(cut -d' ' -f1 "$WORK/first.default" | median)"
FIRST_SMALL="$(cut -d' ' -f1 "$WORK/first.small" | median)"
CONSUMING_DEFAULT="$(cut -d' ' -f2 "$WORK/first.default" | median)"
CONSUMING_SMALL="$(cut -d' ' -f2 "$WORK/first.small" | median)"
log "first task: default $(tr '\n' ';' <"$WORK/first.default") small $(tr '\n' ';' <"$WORK/first.small") (ms to first task, ms to 'consuming')"

# ---------------------------------------------------------------------------------------------------------------
# 3. Throughput with one worker, then two (concurrency 4 each), default flags; RSS sampled throughout.
throughput() { # LABEL: runs JOBS x TASKS through the running API and workers
  bench throughput "http://127.0.0.1:$API_PORT" "$JOBS" "$TASKS" 240 >"$WORK/throughput.$1"
  log "throughput $1: $(tr '\n' ' ' <"$WORK/throughput.$1")"
}
start_worker w1-default "$DEFAULT_WORKER_OPTS"
W1=$WORKER_PID
await_log "$WORK/w1-default.log" "consuming scatter.tasks" "$W1"
log "throughput: 1 worker (concurrency $CONCURRENCY), $JOBS jobs x $TASKS one-number tasks"
sample_rss "$API_PID" "$W1"
echo "--- 1 worker" >>"$WORK/queues.log"
sample_queues
C0="$(cpu_ticks "$API_PID" "$W1")"; T0="$(ms_now)"
throughput one
C1="$(cpu_ticks "$API_PID" "$W1")"; T1W="$(ms_now)"
stop_queues
stop_sampling
CPU_LINES+=("$(cpu_report "throughput, 1 worker" "$C0" "$C1" "$(wall "$T0" "$T1W")" api worker)")
W1_RSS="$(cat "$WORK/rss.$W1")"
W1_HWM="$(status_kib "$W1" VmHWM)"
API_RSS_1="$(cat "$WORK/rss.$API_PID")"

start_worker w2-default "$DEFAULT_WORKER_OPTS"
W2=$WORKER_PID
await_log "$WORK/w2-default.log" "consuming scatter.tasks" "$W2"
log "throughput: 2 workers"
sample_rss "$API_PID" "$W1" "$W2"
echo "--- 2 workers" >>"$WORK/queues.log"
sample_queues
C0="$(cpu_ticks "$API_PID" "$W1" "$W2")"; T0="$(ms_now)"
throughput two
C1="$(cpu_ticks "$API_PID" "$W1" "$W2")"; T1W="$(ms_now)"
stop_queues
stop_sampling
CPU_LINES+=("$(cpu_report "throughput, 2 workers" "$C0" "$C1" "$(wall "$T0" "$T1W")" api worker-1 worker-2)")
W_RSS="$(cat "$WORK/rss.$W1" "$WORK/rss.$W2" | sort -n | tail -n1)"
W_HWM="$(printf '%s\n' "$W1_HWM" "$(status_kib "$W1" VmHWM)" "$(status_kib "$W2" VmHWM)" | sort -n | tail -n1)"

# ---------------------------------------------------------------------------------------------------------------
# 4. Latency with the default relay interval, and POST req/s with wrk (two workers keep draining the jobs).
log "latency: $LATENCY_JOBS sequential one-task jobs, default scatter.outbox.interval (100ms)"
bench latency "http://127.0.0.1:$API_PORT" "$LATENCY_JOBS" >"$WORK/latency.default"
log "latency default: $(tr '\n' ' ' <"$WORK/latency.default")"

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SCATTER_API_KEY")
wrk.body = '{"type":"prime-count","input":{"from":0,"to":1000},"options":{"tasks":1}}'
LUA
log "wrk: POST /api/v1/jobs, ${WRK_SECONDS} s, 2 threads, 16 connections"
sample_rss "$API_PID" "$W1" "$W2"
C0="$(cpu_ticks "$API_PID" "$W1" "$W2")"; T0="$(ms_now)"
wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -s "$WORK/post.lua" "http://127.0.0.1:$API_PORT/api/v1/jobs" >"$WORK/wrk.out" 2>&1
C1="$(cpu_ticks "$API_PID" "$W1" "$W2")"; T1W="$(ms_now)"
stop_sampling
CPU_LINES+=("$(cpu_report "wrk POST" "$C0" "$C1" "$(wall "$T0" "$T1W")" api worker-1 worker-2)")
WRK_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk.out")"
WRK_NON2XX="$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.out")"
WRK_P50="$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.out")"
WRK_P99="$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.out")"
API_RSS="$(printf '%s\n' "$API_RSS_1" "$(cat "$WORK/rss.$API_PID")" | sort -n | tail -n1)"
API_HWM="$(status_kib "$API_PID" VmHWM)"
W_RSS="$(printf '%s\n' "$W_RSS" "$(cat "$WORK/rss.$W1" "$WORK/rss.$W2")" | sort -n | tail -n1)"
W_HWM="$(printf '%s\n' "$W_HWM" "$(status_kib "$W1" VmHWM)" "$(status_kib "$W2" VmHWM)" | sort -n | tail -n1)"
log "wrk: $WRK_RPS req/s, p50 $WRK_P50, p99 $WRK_P99, non-2xx ${WRK_NON2XX:-0}"
# let the jobs wrk created drain before the next API starts
for _ in $(seq 600); do
  [[ "$(psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $SCHEMA.jobs WHERE status NOT IN ('SUCCEEDED','FAILED','CANCELLED')")" == 0 ]] && break
  sleep 0.5
done
stop_pid "$API_PID"

# ---------------------------------------------------------------------------------------------------------------
# 5. Latency with a short relay interval (a property, no code change), same flags and workers.
log "latency: scatter.outbox.interval=$SHORT_INTERVAL"
start_api api-short "$DEFAULT_API_OPTS" "--scatter.outbox.interval=$SHORT_INTERVAL"
SHORT_FROM="$(psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT now()")"
bench latency "http://127.0.0.1:$API_PORT" "$LATENCY_JOBS" >"$WORK/latency.short"
log "latency short: $(tr '\n' ' ' <"$WORK/latency.short")"
# Where the time goes, from the rows' own time stamps (all on this machine's clock): POST transaction -> relay picked
# the outbox row up (its transaction's now()) -> worker started -> worker finished. The job's finished_at is the
# task's, so the result's trip back (publish, confirm, delivery, apply, commit) and the GET that sees it are the
# client's total minus the last column.
psql -q -h 127.0.0.1 -U postgres -d test -P footer=off -c "SET search_path = $SCHEMA" -c "
  WITH s AS (
    SELECT extract(epoch FROM o.sent_at - j.created_at) * 1000 AS relay_wait,
           extract(epoch FROM t.started_at - o.sent_at) * 1000 AS to_worker,
           extract(epoch FROM t.finished_at - t.started_at) * 1000 AS compute,
           extract(epoch FROM t.finished_at - j.created_at) * 1000 AS total
    FROM jobs j JOIN tasks t ON t.job_id = j.id JOIN outbox o ON o.subject = j.id::text AND o.type = 'scatter.task.v1'
    WHERE j.created_at >= '$SHORT_FROM' AND j.tasks_total = 1 AND j.status = 'SUCCEEDED')
  SELECT p AS percentile, round(percentile_cont(p / 100.0) WITHIN GROUP (ORDER BY relay_wait)::numeric, 1) AS \"POST->relay ms\",
         round(percentile_cont(p / 100.0) WITHIN GROUP (ORDER BY to_worker)::numeric, 1) AS \"relay->worker ms\",
         round(percentile_cont(p / 100.0) WITHIN GROUP (ORDER BY compute)::numeric, 1) AS \"compute ms\",
         round(percentile_cont(p / 100.0) WITHIN GROUP (ORDER BY total)::numeric, 1) AS \"POST tx->computed ms\"
  FROM s, (VALUES (50), (90), (99)) AS ps(p) GROUP BY p ORDER BY p" >"$WORK/breakdown.short" 2>&1 || true
stop_pid "$API_PID"
stop_pid "$W1"
stop_pid "$W2"

# ---------------------------------------------------------------------------------------------------------------
# 6. Small heaps: API '$SMALL_API_OPTS', one worker '$SMALL_WORKER_OPTS'; throughput and RSS.
log "small heaps: API '$SMALL_API_OPTS', worker '$SMALL_WORKER_OPTS'"
start_api api-small "$SMALL_API_OPTS"
start_worker w1-small "$SMALL_WORKER_OPTS"
WS=$WORKER_PID
await_log "$WORK/w1-small.log" "consuming scatter.tasks" "$WS"
sample_rss "$API_PID" "$WS"
echo "--- small heaps" >>"$WORK/queues.log"
sample_queues
C0="$(cpu_ticks "$API_PID" "$WS")"; T0="$(ms_now)"
throughput small
C1="$(cpu_ticks "$API_PID" "$WS")"; T1W="$(ms_now)"
stop_queues
CPU_LINES+=("$(cpu_report "throughput, small heaps" "$C0" "$C1" "$(wall "$T0" "$T1W")" api worker)")
wrk -t2 -c16 -d"${WRK_SECONDS}s" -s "$WORK/post.lua" "http://127.0.0.1:$API_PORT/api/v1/jobs" >"$WORK/wrk.small" 2>&1
stop_sampling
WRK_RPS_SMALL="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk.small")"
WS_RSS="$(cat "$WORK/rss.$WS")"
WS_HWM="$(status_kib "$WS" VmHWM)"
APIS_RSS="$(cat "$WORK/rss.$API_PID")"
APIS_HWM="$(status_kib "$API_PID" VmHWM)"
stop_pid "$WS"
stop_pid "$API_PID"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------------------------------------------
T1="$(kv "$WORK/throughput.one" tasks_per_second)"
T1S="$(kv "$WORK/throughput.one" steady_tasks_per_second)"
T2="$(kv "$WORK/throughput.two" tasks_per_second)"
T2S="$(kv "$WORK/throughput.two" steady_tasks_per_second)"
TS="$(kv "$WORK/throughput.small" tasks_per_second)"
HALF="$(awk -v a="$ANCHOR_TPS" 'BEGIN { printf "%.0f", a / 2 }')"
row "throughput, 1 worker x$CONCURRENCY (tasks/s, end to end)" "$T1" "$ANCHOR_TPS" "$(ratio "$T1" "$ANCHOR_TPS")" ">= 0.50 x anchor" "$(met "$T1" ">=" "$HALF")"
row "  same, steady 10-90 % (tasks/s)" "$T1S" "$ANCHOR_TPS" "$(ratio "$T1S" "$ANCHOR_TPS")" ">= 0.50 x anchor" "$(met "$T1S" ">=" "$HALF")"
row "throughput, 2 workers x$CONCURRENCY (tasks/s, end to end)" "$T2" "$ANCHOR_TPS" "$(ratio "$T2" "$ANCHOR_TPS")" ">= 0.50 x anchor" "$(met "$T2" ">=" "$HALF")"
row "  same, steady 10-90 % (tasks/s)" "$T2S" "$ANCHOR_TPS" "$(ratio "$T2S" "$ANCHOR_TPS")" ">= 0.50 x anchor" "$(met "$T2S" ">=" "$HALF")"
row "throughput, small heaps, 1 worker (tasks/s)" "$TS" "$ANCHOR_TPS" "$(ratio "$TS" "$ANCHOR_TPS")" ">= 0.50 x anchor" "$(met "$TS" ">=" "$HALF")"
for kind in default short; do
  label="interval 100ms (default)"
  [[ $kind == short ]] && label="interval $SHORT_INTERVAL"
  p50="$(kv "$WORK/latency.$kind" p50_ms)"
  p99="$(kv "$WORK/latency.$kind" p99_ms)"
  row "latency p50 POST->SUCCEEDED, $label (ms)" "$p50" "10" "$(ratio "$p50" 10)" "<= 10 ms" "$(met "$p50" "<=" 10)"
  row "latency p99 POST->SUCCEEDED, $label (ms)" "$p99" "50" "$(ratio "$p99" 50)" "<= 50 ms" "$(met "$p99" "<=" 50)"
done
row "POST /api/v1/jobs (req/s, wrk -t2 -c16)" "$WRK_RPS" "2000" "$(ratio "$WRK_RPS" 2000)" ">= 2000" "$(met "$WRK_RPS" ">=" 2000)"
row "  same, small-heap API" "$WRK_RPS_SMALL" "2000" "$(ratio "$WRK_RPS_SMALL" 2000)" ">= 2000" "$(met "$WRK_RPS_SMALL" ">=" 2000)"
row "worker start -> first task, default flags (ms)" "$FIRST_DEFAULT" "500" "$(ratio "$FIRST_DEFAULT" 500)" "<= 500 ms" "$(met "$FIRST_DEFAULT" "<=" 500)"
row "worker start -> first task, small heap (ms)" "$FIRST_SMALL" "500" "$(ratio "$FIRST_SMALL" 500)" "<= 500 ms" "$(met "$FIRST_SMALL" "<=" 500)"
row "worker peak RSS x$CONCURRENCY, default flags (MiB)" "$(mib "$W_RSS") (HWM $(mib "$W_HWM"))" "128" "$(ratio "$(mib "$W_HWM")" 128)" "< 128 MiB" "$(met "$(mib "$W_HWM")" "<" 128)"
row "worker peak RSS x$CONCURRENCY, small heap (MiB)" "$(mib "$WS_RSS") (HWM $(mib "$WS_HWM"))" "128" "$(ratio "$(mib "$WS_HWM")" 128)" "< 128 MiB" "$(met "$(mib "$WS_HWM")" "<" 128)"
row "API peak RSS under load, default flags (MiB)" "$(mib "$API_RSS") (HWM $(mib "$API_HWM"))" "384" "$(ratio "$(mib "$API_HWM")" 384)" "< 384 MiB" "$(met "$(mib "$API_HWM")" "<" 384)"
row "API peak RSS under load, small heap (MiB)" "$(mib "$APIS_RSS") (HWM $(mib "$APIS_HWM"))" "384" "$(ratio "$(mib "$APIS_HWM")" 384)" "< 384 MiB" "$(met "$(mib "$APIS_HWM")" "<" 384)"

echo
echo "Scatter pipeline benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo "anchor: PerfTest 2.22.1, 1 producer + 1 consumer, persistent, confirms (-c 100), manual acks, prefetch 100, quorum queue, 350 B, ${PERFTEST_SECONDS} s: sent $PERF_SENT msg/s, received $PERF_RECV msg/s; anchor = received / 2 (task + result)"
echo "throughput: $JOBS jobs x $TASKS one-number prime-count tasks; latency: $LATENCY_JOBS sequential one-task jobs (GET polled back to back); JVM flags default (the launcher's): API '${DEFAULT_API_OPTS:-none}', worker '${DEFAULT_WORKER_OPTS:-none}', small: API '$SMALL_API_OPTS', worker '$SMALL_WORKER_OPTS'; worker arguments added: '${WORKER_ARGS:-none}'"
echo "worker start -> first task: median of 5 (default $(cut -d' ' -f1 "$WORK/first.default" | tr '\n' ' ')ms; small $(cut -d' ' -f1 "$WORK/first.small" | tr '\n' ' ')ms); to 'consuming': default $CONSUMING_DEFAULT ms, small $CONSUMING_SMALL ms"
echo "latency p90/max: default $(kv "$WORK/latency.default" p90_ms)/$(kv "$WORK/latency.default" max_ms) ms, short $(kv "$WORK/latency.short" p90_ms)/$(kv "$WORK/latency.short" max_ms) ms; wrk latency p50 $WRK_P50, p99 $WRK_P99, non-2xx ${WRK_NON2XX:-0}"
printf '%s\n' "${CPU_LINES[@]}"
echo "latency breakdown, interval $SHORT_INTERVAL (from the rows' time stamps):"
sed 's/^/  /' "$WORK/breakdown.short"
echo "queue depths, sampled every 2 s during the throughput runs (max per run):"
awk 'function flush() { if (phase != "") printf "  %s: scatter.tasks ready %d, unacked %d; scatter.results ready %d, unacked %d; outbox unsent %d\n", phase, m["t.r"], m["t.u"], m["r.r"], m["r.u"], m["o"]; delete m }
  /^---/ { flush(); phase = $2 " " $3; next }
  { for (i = 2; i <= NF; i++) { v = $(i + 1); sub(/;$/, "", v); v += 0
      if ($i == "scatter.tasks") q = "t."; else if ($i == "scatter.results") q = "r."
      else if ($i == "ready" && v > m[q "r"]) m[q "r"] = v; else if ($i == "unacked" && v > m[q "u"]) m[q "u"] = v
      else if ($i == "unsent" && v > m["o"]) m["o"] = v } }
  END { flush() }' "$WORK/queues.log"
echo
{
  echo "figure|measured|anchor|ratio|target|met?"
  printf '%s\n' "${ROWS[@]}"
} | column -t -s '|'
