#!/usr/bin/env bash
# Times primesieve and Scatter's sieve kernel side by side on one thread, for [0, 10^10] and [10^12, 10^12 + 10^10].
# Needs primesieve on the PATH (Debian: apt-get install primesieve-bin) and core built (mvn -q -DskipTests install).
# Usage: bench/sieve-vs-primesieve.sh [RUNS]   (run from the repository's root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
classes=core/target/classes
[ -d "$classes" ] || { echo "build core first: mvn -B -q -DskipTests install" >&2; exit 1; }
command -v primesieve >/dev/null || { echo "primesieve not found: apt-get install -y primesieve-bin" >&2; exit 1; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "caches: $(for d in /sys/devices/system/cpu/cpu0/cache/index*; do echo -n "L$(cat "$d/level") $(cat "$d/type") $(cat "$d/size"); "; done)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(primesieve --version | head -1); $(java -version 2>&1 | head -1)"

ranges=("0 1e10" "1e12 1e12+1e10")
for range in "${ranges[@]}"; do
    read -r from to <<<"$range"
    echo
    echo "== [$from, $to]"
    for i in $(seq "$runs"); do
        # user CPU seconds and wall seconds of one primesieve run on one thread
        /usr/bin/env time -f "primesieve run $i: wall %e s, cpu %U s" primesieve "$from" "$to" -t1 -q 2>&1 | tail -1
    done
    java -cp "$classes" bench/SieveTime.java "$from" "$to" "$runs"
done
