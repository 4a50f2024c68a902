#!/usr/bin/env bash
# Runs the kernel benchmarks in one command: trial division against C, the JMH kernel benchmarks, and the sieve against
# primesieve when bench/sieve-vs-primesieve.sh exists; then prints a summary of the ratios.
# Usage: bench/run.sh     (about three minutes on two cores; results in bench/target/run-*.log)
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

echo
echo "== summary ($(nproc) cores, $(java -version 2>&1 | head -1)) =="
grep -h '^ratio' bench/target/run-trial-division-vs-c.log | sed 's/^ratio/trial division/' || true
grep -hE '^Benchmark +\(|^[A-Za-z]+Benchmark\.' bench/target/run-jmh.log || true
grep -hiE 'ratio|/primesieve|skipping' bench/target/run-sieve-vs-primesieve.log || true
exit $status
