#!/usr/bin/env bash
# Start-up to healthy: the jar on H2 with demo data, a fresh GONGTONG_DATA_DIR each time (so every
# run migrates the schema and loads the demo data). "Healthy" = /actuator/health is UP and the
# demo data is loaded. Prints each time (with the server's CPU time at that moment and the load
# average) and the medians of RUNS (5). BASELINE_JAR=old.jar: A/B, the two builds start
# alternately, RUNS times each, so both see the same conditions.
# MODE=jar (default): java -jar target/gongtong.jar
# MODE=cds: the same jar extracted with Spring Boot's jarmode=tools and started with a class-data
#           sharing archive made by one training run (a deployment option; no code change).
source "$(dirname "$0")/common.sh"
RUNS="${RUNS:-5}"
PORT="${PORT:-8097}"
MODE="${MODE:-jar}"

if [ "$MODE" = cds ]; then
    rm -rf "$OUT/cds"
    java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/cds" >/dev/null
    train="$(mktemp -d "$OUT/train-XXXX")"
    GONGTONG_DATA_DIR="$train" GONGTONG_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        java -XX:ArchiveClassesAtExit="$OUT/cds/gongtong.jsa" -Dspring.context.exit=onRefresh \
        -jar "$OUT/cds/gongtong.jar" --server.port=0 >"$train.log" 2>&1 </dev/null
    rm -rf "$train" "$train.log"
    export APP_JAR="$OUT/cds/gongtong.jar"
    export JAVA_OPTS="-XX:SharedArchiveFile=$OUT/cds/gongtong.jsa ${JAVA_OPTS:-}"
fi

# one_start JAR: one start on a fresh data directory; sets T (seconds to healthy) and CPU
one_start() {
    local dir
    dir="$(mktemp -d "$OUT/startup-XXXX")"
    t0=$(now)
    APP_JAR="$1" start_server "$PORT" "$dir/data"
    t1=$(now)
    CPU=$(cpu_seconds "$SERVER_PID")
    stop_server
    T=$(echo "$t1 - $t0" | bc -l)
    rm -rf "$dir"
}

# BASELINE_JAR=old.jar: A/B in the same conditions - the two jars start alternately, RUNS times each
jars=("${APP_JAR:-$JAR}")
[ -n "${BASELINE_JAR:-}" ] && jars=("$BASELINE_JAR" "${APP_JAR:-$JAR}")
declare -A times cpus
for i in $(seq 1 "$RUNS"); do
    for j in "${jars[@]}"; do
        one_start "$j"
        printf '%s %s run %d: %.2f s (CPU %s s, load %s)\n' "$MODE" "$(basename "$j")" "$i" "$T" "$CPU" \
            "$(cut -d' ' -f1 /proc/loadavg)"
        times[$j]+="$T "
        cpus[$j]+="$CPU "
    done
done
for j in "${jars[@]}"; do
    printf '%s %s: start-up median of %d: %.2f s, CPU time median %.2f s\n' "$MODE" "$j" "$RUNS" \
        "$(printf '%s\n' ${times[$j]} | median)" "$(printf '%s\n' ${cpus[$j]} | median)"
done
