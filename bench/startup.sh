#!/usr/bin/env bash
# Start-up to healthy: the jar on H2 with demo data, a fresh GONGTONG_DATA_DIR each time (so every
# run migrates the schema and loads the demo data). Prints each time and the median of RUNS (5).
source "$(dirname "$0")/common.sh"
RUNS="${RUNS:-5}"
PORT="${PORT:-8097}"
times=()
for i in $(seq 1 "$RUNS"); do
    dir="$(mktemp -d "$OUT/startup-XXXX")"
    t0=$(now)
    start_server "$PORT" "$dir/data"
    t1=$(now)
    stop_server
    t=$(echo "$t1 - $t0" | bc -l)
    printf 'run %d: %.2f s\n' "$i" "$t"
    times+=("$t")
    rm -rf "$dir" "$dir/data.log"
done
printf 'startup median of %d: %.2f s\n' "$RUNS" "$(printf '%s\n' "${times[@]}" | median)"
