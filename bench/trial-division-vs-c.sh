#!/usr/bin/env bash
# Times TrialDivisionKernel against the C reference bench/trial-division.c (gcc -O2) on the same ranges, alternating
# one Java run with one C run so both see the same load, and prints the times and the ratio Java/C.
# Usage: bench/trial-division-vs-c.sh [RUNS] [FROM:TO ...]   (default: 7 runs each of 0:1000000, 0:10000000 and
# 1000000000000:1000000010000, where the long-division loop runs)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-7}"
shift || true
ranges=("$@")
if [ ${#ranges[@]} -eq 0 ]; then
  ranges=(0:1000000 0:10000000 1000000000000:1000000010000)
fi

mkdir -p bench/target
binary=bench/target/trial-division
if [ ! -x "$binary" ] || [ bench/trial-division.c -nt "$binary" ]; then
  gcc -O2 -o "$binary" bench/trial-division.c -lm
fi
kernel_class=core/target/classes/io/scatter/core/prime/TrialDivisionKernel.class
if [ ! -f "$kernel_class" ] || [ -n "$(find core/src/main -newer "$kernel_class" -print -quit)" ]; then
  mvn -B -q -o compile -pl core
fi

echo "trial division, Java (in-process, warmed up) vs C (gcc -O2), $runs alternating runs per range, $(nproc) cores"
java -cp core/target/classes bench/TrialDivisionTime.java --c "$binary" "$runs" "${ranges[@]}"
