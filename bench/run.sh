#!/usr/bin/env bash
# The performance benchmark (run by hand, not by mvn test). For each size it generates (and caches)
# two years of extracts, runs the initial load stage by stage and then one nightly increment, and
# records per stage wall time, rows per second and peak RSS; then it compares the per-customer
# aggregation behind customer_features with DuckDB on a fresh Parquet export of the same silver data,
# and times the driver-side model fits (FitBench) on the same number of simulated customers.
#
#   bench/run.sh                      # 100k and 1M customers
#   BENCH_SIZES=100000 bench/run.sh   # one size
#   BENCH_JAVA_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file:/tmp/ev" bench/run.sh
#                                     # extra JVM options, e.g. Spark event logs to profile each stage
#
# Results: bench/data/results-<size>.txt (raw); summarise them in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-"100000 1000000"}
heap=${BENCH_HEAP:-8g}
data=bench/data
from=2024-11-24 to=2026-11-23 initial=2026-11-16 increment=2026-11-17
mkdir -p "$data"

mvn -q -DskipTests package test-compile
classpath="target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
flags=(-Xmx"$heap" -XX:+IgnoreUnrecognizedVMOptions -Dio.netty.tryReflectionSetAccessible=true)
read -r -a extra <<<"${BENCH_JAVA_OPTS:-}"
flags+=("${extra[@]}")
# Every crm command through the launcher, as in production: with its class archive (target/crm.jsa,
# docs/operations.md), recorded first by a run on data-samples/ when the build is newer.
launcher=(env "CRM_JAVA_OPTS=${flags[*]}" ./jobs/crm)
crm() { "${launcher[@]}" "$@"; }
if [[ ! -s target/crm.jsa || target/crm.jsa -ot target/crm-analytics.jar ]]; then
  rm -rf "$data/warehouse-cds"
  crm run --date 2026-11-16 --warehouse "$data/warehouse-cds" >/dev/null
fi
stages=()
for s in ingest features segment value product report; do
  crm --help 2>/dev/null | grep -qE "^ +$s( |$)" && stages+=("$s")
done

timed() { # label, command...: wall seconds and peak RSS (MB) of one process
  local label=$1; shift
  /usr/bin/time -v "$@" >"$data/$label.out" 2>"$data/$label.err" || { tail -5 "$data/$label.err"; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$data/$label.err" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident' "$data/$label.err" | awk '{print int($NF/1024)}')
  started=$(grep -o 'started in [0-9.]* s' "$data/$label.err" | awk '{print $3}' || true)
  printf '%-34s %8.1f s %7d MB  start-up %s s\n' "$label" "$wall" "$rss" "${started:--}" | tee -a "$results"
}

for n in $sizes; do
  results="$data/results-$n.txt"
  landing="$data/landing-$n" warehouse="$data/warehouse-$n"
  : >"$results"
  echo "== $n customers: $(nproc) cores, heap $heap, $(date -u +%F)" | tee -a "$results"
  if [[ ! -d "$landing" ]]; then
    timed "generate-$n" java "${flags[@]}" -jar target/crm-analytics.jar generate --customers "$n" \
      --from "$from" --to "$to" --seed 1 --bad-rows 0.001 --out "$landing"
  fi
  rm -rf "$warehouse"
  opts=(--landing "$landing" --warehouse "$warehouse")
  for s in "${stages[@]}"; do
    timed "initial-$s-$n" "${launcher[@]}" "$s" --date "$initial" "${opts[@]}"
  done
  timed "increment-run-$n" "${launcher[@]}" run --date "$increment" "${opts[@]}"
  echo "-- stage times from pipeline_runs (seconds inside the JVM, rows read)" | tee -a "$results"
  crm sql "select business_date, stage, status,
             round(unix_micros(finished_at) / 1e6 - unix_micros(started_at) / 1e6, 1) as seconds,
             coalesce(rows_read, rows_accepted) as rows, round(coalesce(rows_read, rows_accepted) / greatest(unix_micros(finished_at) / 1e6 - unix_micros(started_at) / 1e6, 0.001)) as rows_per_s
           from pipeline_runs order by started_at" "${opts[@]}" --limit 100 2>/dev/null | tee -a "$results"
  echo "-- customer_features aggregation: ours (Spark) vs DuckDB, seconds" | tee -a "$results"
  java "${flags[@]}" -cp "$classpath" com.crmanalytics.bench.AggregationBench "$warehouse" "$initial" "$data/export-$n" \
    2>"$data/aggregation-$n.err" | tee -a "$results"
  echo "-- model fits on the driver (FitBench: simulated customers, exact and week-rounded patterns)" | tee -a "$results"
  java "${flags[@]}" -cp "$classpath" com.crmanalytics.bench.FitBench customers="$n" 2>"$data/fit-$n.err" \
    | tee -a "$results"
done
