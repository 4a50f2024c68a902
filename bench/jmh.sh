#!/usr/bin/env bash
# Runs the JMH kernel benchmarks (bench module) with short settings, building the shaded jar first if it is missing or
# older than the sources. Usage: bench/jmh.sh [JMH ARGS...]   (default: -wi 2 -i 3 -f 1 -w 2s -r 2s, every benchmark)
# Extra arguments go to JMH after the defaults, e.g. bench/jmh.sh TrialDivision, or bench/jmh.sh -p range=0:1000000.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/scatter-benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find bench/src core/src/main bench/pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -q -o package -pl bench -am -DskipTests
fi
mkdir -p bench/target
exec java -jar "$jar" -wi 2 -i 3 -f 1 -w 2s -r 2s -rf json -rff bench/target/jmh-result.json "$@"
