#!/usr/bin/env bash
# Demo data × 100 for the insight benchmark (issue 7), made once: a fresh server creates the schema
# and loads the demo data, then bench/GenerateInsightData.java adds ~100,000 organisations and
# ~1.2 million rows across the modules straight into its H2 file (server stopped), then the server
# starts once more to repair tallies and rebuild the search index, and stops. Result: $DATA
# (default target/bench/insight-data), used by bench/insight.sh. SCALE=0.01 for a quick check.
source "$(dirname "$0")/common.sh"
PORT="${PORT:-8410}"
DATA="${DATA:-$OUT/insight-data}"
SCALE="${SCALE:-1}"
[ -e "$DATA" ] && { echo "$DATA exists; remove it first" >&2; exit 1; }
mkdir -p "$DATA"
H2JAR="$OUT/h2.jar"
[ -s "$H2JAR" ] || unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep -m1 'BOOT-INF/lib/h2-.*\.jar')" > "$H2JAR"
t0=$(now)
start_server "$PORT" "$DATA/data"
stop_server
t1=$(now)
java -cp "$H2JAR" "$ROOT/bench/GenerateInsightData.java" "$DATA/data" "$SCALE"
t2=$(now)
NO_DEMO_WAIT=1 start_server "$PORT" "$DATA/data" --gongtong.insight.warm-up=false
for _ in $(seq 1 1200); do
    grep -qE 'Search index rebuilt|Search index rebuild failed' "$DATA/data.log" && break
    sleep 0.5
done
grep -E 'Search index rebuil' "$DATA/data.log" | tail -1 | sed -E 's/.*(Search index.*)/\1/'
stop_server
t3=$(now)
printf 'schema and demo data %.0f s, generation %.0f s, first start on the data (tallies, search index) %.0f s, total %.0f s\n' \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$(echo "$t3 - $t0" | bc)"
du -sh "$DATA"
