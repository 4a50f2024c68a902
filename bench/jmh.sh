#!/usr/bin/env bash
# Runs the JMH kernel benchmarks (bench module) with short settings, building the shaded jar first if it is missing or
# older than the sources. Usage: [JMH_SETTINGS=...] bench/jmh.sh [JMH ARGS...]   (every benchmark by default)
# JMH_SETTINGS defaults to "-wi 2 -i 3 -f 1 -w 2s -r 2s"; JMH allows each option once, so set it to change them.
# Arguments go to JMH after the settings, e.g. bench/jmh.sh TrialDivision -p range=0:1000000.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/scatter-benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find bench/src core/src/main bench/pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -q -o package -pl bench -am -DskipTests
fi
mkdir -p bench/target
settings="${JMH_SETTINGS:--wi 2 -i 3 -f 1 -w 2s -r 2s}"
# shellcheck disable=SC2086
exec java -jar "$jar" $settings -rf json -rff bench/target/jmh-result.json "$@"
