# Shared by the benchmarks that start the real processes (pipeline.sh, scaling.sh, footprint.sh); source it, then call
# bench_sandbox NAME: a temporary directory ($WORK), a RabbitMQ virtual host ($VHOST, $AMQP) and a PostgreSQL schema
# ($SCHEMA) of their own, removed on exit, failure or Ctrl-C together with every process whose pid is in PIDS (logs
# kept with BENCH_KEEP=1 or on failure). A script may define bench_before_cleanup to run first.

PIDS=()
VHOST_MADE=0
SCHEMA_MADE=0

bench_cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  if declare -F bench_before_cleanup >/dev/null; then bench_before_cleanup; fi
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if ((VHOST_MADE)); then rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || echo "could not delete vhost $VHOST" >&2; fi
  if ((SCHEMA_MADE)); then psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 \
    || echo "could not drop schema $SCHEMA" >&2; fi
  if [[ "${BENCH_KEEP:-0}" == 1 || $status -ne 0 ]]; then echo "logs: $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$status"
}

# bench_sandbox NAME: makes the directory, virtual host and schema named after NAME and a random suffix.
bench_sandbox() {
  WORK="$(mktemp -d -t "scatter-$1.XXXXXX")"
  SUFFIX="$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  VHOST="scatter-bench-$1-$SUFFIX"
  SCHEMA="bench_$1_$SUFFIX"
  AMQP="amqp://guest:guest@127.0.0.1:5672/$VHOST"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  rabbitmqctl -q add_vhost "$VHOST" >/dev/null
  VHOST_MADE=1
  rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $SCHEMA" >/dev/null
  SCHEMA_MADE=1
  # the API runs with authentication on, as by default: curl, wrk and the Java clients send this key
  SCATTER_API_KEY="$("$JAVA" -jar "$API_JAR" keys create --name bench \
    --database "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" 2>"$WORK/keys.log")" \
    || { cat "$WORK/keys.log" >&2; exit 1; }
  export SCATTER_API_KEY
  LOAD_BEFORE="$(load)"
  log "vhost $VHOST, schema $SCHEMA, logs in $WORK; load average $LOAD_BEFORE"
}

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ms_now() { echo $(($(date +%s%N) / 1000000)); }
# kv FILE KEY: the value of KEY=... in FILE
kv() { sed -n "s/^$2=//p" "$1" | tail -n1; }
forget_pid() { local keep=() p; for p in "${PIDS[@]}"; do [[ "$p" != "$1" ]] && keep+=("$p"); done; PIDS=("${keep[@]}"); }
stop_pid() {
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}
# status_kib PID FIELD: VmRSS or VmHWM of PID in KiB
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# await_log FILE TEXT PID: waits up to 120 s for TEXT in FILE; fails if process PID ends first
await_log() {
  for _ in $(seq 1200); do
    grep -qs "$2" "$1" && return 0
    kill -0 "$3" 2>/dev/null || { tail -n 40 "$1" >&2; echo "process $3 exited before logging '$2'" >&2; exit 1; }
    sleep 0.1
  done
  echo "no '$2' in $1 within 120 s" >&2
  exit 1
}
# log_ms FILE TEXT: the epoch milliseconds of the first log line containing TEXT (logback's local time stamp)
log_ms() {
  local stamp
  stamp="$(grep -m1 "$2" "$1" | cut -c1-23)"
  echo $(($(date -d "$stamp" +%s%N) / 1000000))
}
# sample_rss PID...: samples VmRSS of every PID every 200 ms into $WORK/rss.PID (peak), until stop_sampling
sample_rss() {
  touch "$WORK/sampling"
  (
    declare -A peak
    while [[ -f "$WORK/sampling" ]]; do
      for pid in "$@"; do
        r="$(status_kib "$pid" VmRSS)"
        [[ -n "$r" ]] && ((r > ${peak[$pid]:-0})) && peak[$pid]=$r && echo "$r" >"$WORK/rss.$pid"
      done
      sleep 0.2
    done
  ) &
  SAMPLER=$!
}
stop_sampling() { rm -f "$WORK/sampling"; wait "$SAMPLER" 2>/dev/null || true; }
