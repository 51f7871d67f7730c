#!/usr/bin/env bash
# Measures JVM start to first batch for Sluice (in plain JVMs, then from a class-data archive),
# the two-thread loop and Spark Streaming, then runs the word count through the hand-written loop
# (1 and 2 threads), Sluice and Spark Streaming local[2] on the same corpus, each in fresh JVMs
# with a fixed, pre-touched heap, then the batch-interval and empty-batch figures and the JMH
# microbenchmarks; prints a table, with each target judged on this run (holds or misses), and
# writes benchmarks/target/results.json.
# Usage: bash benchmarks/run.sh [--quick]
#   --quick: shorter JMH runs (the word count always counts the whole corpus: 10 batches, 8 timed)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
lines=2000000
if [[ "${1:-}" == "--quick" ]]; then quick=true; fi
runs=3
# One start to first batch moves by 30 ms from the next, so those runs are more.
startup_runs=7
target=benchmarks/target
mvn -B -q package -Pbenchmarks -pl benchmarks -am -DskipTests
cp="$target/classes:$(cat $target/classpath.txt)"
sluice_cp="$target/classes:$(cat $target/sluice-classpath.txt)"
spark_opts=(@benchmarks/spark-jvm-options.txt)
fixed_heap=(-Xms6g -Xmx6g -XX:+AlwaysPreTouch)

# The JVM options each system needs: Spark opens the JDK's internals on Java 17 and brings its
# class path; the others run on Sluice's alone.
opts() {
  if [[ "$1" == spark ]]; then printf '%s\n' "${spark_opts[@]}" -cp "$cp"; else printf '%s\n' -cp "$sluice_cp"; fi
}
# Runs one measurement class in a fresh JVM and appends its last output line (JSON) to a file.
measure() {
  local out=$1 system=$2 class=$3; shift 3
  mapfile -t extra < <(opts "$system")
  local jvm=() args=()
  while (($#)); do if [[ "$1" == -- ]]; then shift; args=("$@"); break; fi; jvm+=("$1"); shift; done
  java "${extra[@]}" "${jvm[@]}" "dev.sluice.benchmarks.$class" "$system" "${args[@]}" 2>>"$target/stderr.log" \
    | tail -1 | tee -a "$out"
}
: > "$target/stderr.log"
for file in throughput startup startup-archive interval empty; do : > "$target/$file.jsonl"; done

# Start-up first, on a machine that has settled after the build, each system in a block of its
# own: right after one of Spark's JVMs (seconds of both cores) Sluice's next start measured up to
# 10 ms slower than in a row of its own. Between them the two-thread loop's start (no streaming
# system, the same lines counted): the floor any JVM here has at this hour, so that the machine's
# speed of the moment shows next to Sluice's figure.
sleep 5
for system in sluice handwritten_2t; do
  for i in $(seq "$startup_runs"); do
    measure "$target/startup.jsonl" "$system" StartupBenchmark
  done
done
# Sluice's start once more, its classes read from an application class-data archive (AppCDS)
# that one start wrote: no plain JVM, so not the target's figure, but what a deployment that
# keeps such an archive gets (README "Starting faster"). The archive takes jars only, so the
# benchmark's classes come from its jar; -Xshare:on fails rather than start without it.
archive="$target/start.jsa"
archive_cp="$(ls "$target"/sluice-benchmarks-*.jar):$(cat "$target/sluice-classpath.txt")"
rm -f "$archive"
java -XX:ArchiveClassesAtExit="$archive" -cp "$archive_cp" dev.sluice.benchmarks.StartupBenchmark sluice \
  > /dev/null 2>>"$target/stderr.log"
for i in $(seq "$startup_runs"); do
  java -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$archive_cp" dev.sluice.benchmarks.StartupBenchmark sluice \
    2>>"$target/stderr.log" | tail -1 | tee -a "$target/startup-archive.jsonl"
done
for i in $(seq "$startup_runs"); do
  measure "$target/startup.jsonl" spark StartupBenchmark
done
java -cp "$cp" dev.sluice.benchmarks.Corpus "$target/corpus.txt"

for i in $(seq "$runs"); do
  for system in handwritten_1t handwritten_2t sluice spark; do
    measure "$target/throughput.jsonl" "$system" WordCountBenchmark "${fixed_heap[@]}" -- "$lines"
  done
done
for system in sluice spark; do
  measure "$target/interval.jsonl" "$system" BatchIntervalBenchmark -Xms2g -Xmx2g
done
# Three runs, as for the others: one run's figure moves by half between JVMs (the threads'
# wake-ups on a virtual machine), so one run alone says little.
for i in $(seq "$runs"); do
  measure "$target/empty.jsonl" sluice EmptyBatchBenchmark -Xms1g -Xmx1g
done

# The narrow operators' benchmarks reach their steady state only after three to five one-second
# warm-ups (some take ten times longer before), so even the quick runs warm up five.
jmh_opts=(-f 1 -wi 8 -i 5 -w 1s -r 1s)
$quick && jmh_opts=(-f 1 -wi 5 -i 3 -w 1s -r 1s)
java -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" -rf json -rff "$target/jmh.json" 'dev.sluice.benchmarks.jmh' \
  > "$target/jmh.txt"

echo "measured in ${SECONDS} s" >&2
jq -n \
  --slurpfile throughput "$target/throughput.jsonl" \
  --slurpfile startup "$target/startup.jsonl" \
  --slurpfile startup_archive "$target/startup-archive.jsonl" \
  --slurpfile interval "$target/interval.jsonl" \
  --slurpfile empty "$target/empty.jsonl" '
  def median: sort | .[length / 2 | floor];
  def of($runs; $system; $key): [$runs[] | select(.system == $system) | .[$key]];
  def ratio($a; $b): $a / $b * 100 | round / 100;
  def ratios($a; $b): [range($a | length) as $i | ratio($a[$i]; $b[$i])];
  def spread($values): {median: ($values | median), min: ($values | min), max: ($values | max), runs: $values};
  def figures($system): spread(of($throughput; $system; "words_per_s"))
    + {lines_per_s: spread(of($throughput; $system; "lines_per_s")),
       peak_heap_mb: (of($throughput; $system; "peak_heap_mb") | max)};
  {
    sluice: figures("sluice"), spark: figures("spark"),
    handwritten_1t: figures("handwritten_1t"), handwritten_2t: figures("handwritten_2t")
  } as $f
  | {
    sluice_words_per_s: $f.sluice.median,
    spark_words_per_s: $f.spark.median,
    handwritten_1t_words_per_s: $f.handwritten_1t.median,
    handwritten_2t_words_per_s: $f.handwritten_2t.median,
    sluice_lines_per_s: $f.sluice.lines_per_s.median,
    spark_lines_per_s: $f.spark.lines_per_s.median,
    handwritten_1t_lines_per_s: $f.handwritten_1t.lines_per_s.median,
    handwritten_2t_lines_per_s: $f.handwritten_2t.lines_per_s.median,
    sluice_vs_handwritten_2t: ratio($f.sluice.median; $f.handwritten_2t.median),
    sluice_vs_spark: ratio($f.sluice.median; $f.spark.median),
    # The same ratios round by round (the systems run one after another in each round), which
    # shows how far the speed of the machine drifted between the rounds.
    sluice_vs_handwritten_2t_by_round: ratios($f.sluice.runs; $f.handwritten_2t.runs),
    sluice_vs_spark_by_round: ratios($f.sluice.runs; $f.spark.runs),
    sluice_min_batch_interval_ms: (of($interval; "sluice"; "min_batch_interval_ms")[0]),
    spark_min_batch_interval_ms: (of($interval; "spark"; "min_batch_interval_ms")[0]),
    sluice_empty_batch_us: (of($empty; "sluice"; "empty_batch_us") | median),
    sluice_start_to_first_batch_ms: (of($startup; "sluice"; "start_to_first_batch_ms") | median),
    spark_start_to_first_batch_ms: (of($startup; "spark"; "start_to_first_batch_ms") | median),
    handwritten_2t_start_to_first_batch_ms: (of($startup; "handwritten_2t"; "start_to_first_batch_ms") | median),
    sluice_archive_start_to_first_batch_ms: (of($startup_archive; "sluice"; "start_to_first_batch_ms") | median),
    sluice_peak_heap_mb: $f.sluice.peak_heap_mb,
    spark_peak_heap_mb: $f.spark.peak_heap_mb,
    words_per_s: $f,
    batch_intervals: [$interval[] | {(.system): .tried}] | add,
    start_to_first_batch_ms: {sluice: of($startup; "sluice"; "start_to_first_batch_ms"),
                              handwritten_2t: of($startup; "handwritten_2t"; "start_to_first_batch_ms"),
                              sluice_archive: of($startup_archive; "sluice"; "start_to_first_batch_ms"),
                              spark: of($startup; "spark"; "start_to_first_batch_ms")},
    empty_batch_us: of($empty; "sluice"; "empty_batch_us")
  }
  # The targets of Sluice, each judged on this run alone (ratios and bounds measured side by side).
  | def least($measured; $bound): {measured: $measured, at_least: $bound, holds: ($measured >= $bound)};
    def most($measured; $bound): {measured: $measured, at_most: $bound, holds: ($measured <= $bound)};
    .targets = {
      sluice_vs_handwritten_2t: least(.sluice_vs_handwritten_2t; 0.9),
      sluice_vs_spark: least(.sluice_vs_spark; 3.5),
      sluice_min_batch_interval_ms: most(.sluice_min_batch_interval_ms; 5),
      sluice_empty_batch_us: most(.sluice_empty_batch_us; 50),
      sluice_start_to_first_batch_ms: most(.sluice_start_to_first_batch_ms; 100)
    }' > "$target/results.json"

echo
jq -r '
  def n: tostring | until(test("^[0-9]{4}") | not; sub("(?<a>[0-9])(?<b>[0-9]{3})(?<c>$|,)"; "\(.a),\(.b)\(.c)"));
  "system\twords/s (median)\tmin\tmax\tlines/s (median)\tpeak heap MB",
  (.words_per_s | to_entries[] | "\(.key)\t\(.value.median | n)\t\(.value.min | n)\t\(.value.max | n)\t\(.value.lines_per_s.median | n)\t\(.value.peak_heap_mb)"),
  "sluice / handwritten_2t\t\(.sluice_vs_handwritten_2t)\trounds \(.sluice_vs_handwritten_2t_by_round | join(", "))",
  "sluice / spark\t\(.sluice_vs_spark)\trounds \(.sluice_vs_spark_by_round | join(", "))",
  "min batch interval (ms)\tsluice \(.sluice_min_batch_interval_ms)\tspark \(.spark_min_batch_interval_ms)",
  "empty batch, scheduler CPU (us)\tsluice \(.sluice_empty_batch_us)\truns \(.empty_batch_us | join(", "))",
  "JVM start to first batch (ms)\tsluice \(.sluice_start_to_first_batch_ms)\tspark \(.spark_start_to_first_batch_ms)\truns \(.start_to_first_batch_ms.sluice | join(", "))",
  "  the same lines, two-thread loop\thandwritten_2t \(.handwritten_2t_start_to_first_batch_ms)\t\truns \(.start_to_first_batch_ms.handwritten_2t | join(", "))",
  "  Sluice, classes from an archive\tsluice \(.sluice_archive_start_to_first_batch_ms)\t\truns \(.start_to_first_batch_ms.sluice_archive | join(", "))",
  (.targets | to_entries[] | .value as $t
    | "target \(.key)\t\($t.measured)\t\(if $t.at_least then "at least \($t.at_least)" else "at most \($t.at_most)" end)\t\(if $t.holds then "holds" else "misses" end)")
' "$target/results.json" | column -t -s $'\t'
echo
grep -E '^Benchmark|^[A-Z][A-Za-z]+Benchmark\.' "$target/jmh.txt" || true
