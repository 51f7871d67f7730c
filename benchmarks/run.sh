#!/usr/bin/env bash
# Builds the benchmarks and runs the word count through Sluice and the hand-written loop,
# each in fresh JVMs with a fixed, pre-touched heap; writes target/results.json.
# Usage: bash benchmarks/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
[[ "${1:-}" == "--quick" ]] && runs=3
mvn -B -q package -Pbenchmarks -pl benchmarks -am -DskipTests
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
jvm=(java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp "$cp")
java -cp "$cp" dev.sluice.benchmarks.Corpus benchmarks/target/corpus.txt
out=benchmarks/target/runs.jsonl
: > "$out"
for i in $(seq "$runs"); do
  for system in handwritten_1t handwritten_2t sluice; do
    "${jvm[@]}" dev.sluice.benchmarks.WordCountBenchmark "$system" | tail -1 | tee -a "$out"
  done
done
jq -s 'group_by(.system) | map({key: (.[0].system + "_words_per_s"),
        value: (map(.words_per_s) | sort | .[length / 2 | floor])}) | from_entries' "$out" \
  > benchmarks/target/results.json
jq -r 'to_entries[] | "\(.key)\t\(.value)"' benchmarks/target/results.json | column -t
