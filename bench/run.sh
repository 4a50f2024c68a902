#!/usr/bin/env bash
# Runs every benchmark in one command: trial division against C, the JMH kernel benchmarks, the sieve against
# primesieve (skipped with a message when it is not installed), then the end-to-end pipeline (bench/pipeline.sh) and
# parallel efficiency (bench/scaling.sh) on the real processes; then prints a summary of the ratios.
# Usage: bench/run.sh             (about 15 minutes on two idle cores; results in bench/target/run-*.log)
#        bench/run.sh --kernels   (the kernel benchmarks only, about three minutes)
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/target
status=0

echo "== trial division vs C =="
if ! bench/trial-division-vs-c.sh 2>&1 | tee bench/target/run-trial-division-vs-c.log; then
  status=1
fi

echo
echo "== JMH kernel benchmarks =="
if ! bench/jmh.sh 2>&1 | tee bench/target/run-jmh.log; then
  status=1
fi

echo
echo "== sieve vs primesieve =="
if [ -x bench/sieve-vs-primesieve.sh ]; then
  if ! bench/sieve-vs-primesieve.sh 2>&1 | tee bench/target/run-sieve-vs-primesieve.log; then
    status=1
  fi
else
  echo "bench/sieve-vs-primesieve.sh is absent; skipping the sieve against primesieve" \
    | tee bench/target/run-sieve-vs-primesieve.log
fi

if [ "${1:-}" != --kernels ]; then
  echo
  echo "== pipeline: tiny tasks, latency, POST rate, start-up, footprint =="
  if ! bench/pipeline.sh 2>&1 | tee bench/target/run-pipeline.log; then
    status=1
  fi
  echo
  echo "== parallel efficiency and scaling =="
  if ! bench/scaling.sh 2>&1 | tee bench/target/run-scaling.log; then
    status=1
  fi
fi

echo
echo "== summary ($(nproc) cores, $(java -version 2>&1 | head -1)) =="
grep -h '^ratio' bench/target/run-trial-division-vs-c.log | sed 's/^ratio/trial division/' || true
grep -hE '^Benchmark +\(|^[A-Za-z]+Benchmark\.' bench/target/run-jmh.log || true
grep -hiE 'ratio|/primesieve|skipping' bench/target/run-sieve-vs-primesieve.log || true
if [ "${1:-}" != --kernels ]; then
  sed -n '/^figure /,$p' bench/target/run-pipeline.log | grep -E '^figure|met\?|yes$|NO$' || true
  grep -hE '^job |workers? x|kernel, 1 process' bench/target/run-scaling.log || true
fi
exit $status
