#!/usr/bin/env bash
# Excel import and list latency with 100,000 organisations, on one fresh H2 server:
#  1. generate ten 10,000-row .xlsx files (valid USCCs from Uscc.compose) with bench/GenerateOrganisations.java;
#  2. import them one after another through POST /api/v1/organisations/import (timed with curl);
#  3. wrk, 16 connections: /actuator/health (baseline), GET /api/v1/organisations (bearer token)
#     and the /organisations page (session cookie from a real form login), pages and filters varied.
source "$(dirname "$0")/common.sh"
PORT="${PORT:-8098}"
FILES="${FILES:-10}"
ROWS="${ROWS:-10000}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"

if [ ! -s "$OUT/classpath.txt" ]; then
    (cd "$ROOT" && mvn -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test)
fi
CP="$ROOT/target/classes:$(cat "$OUT/classpath.txt")"
for f in $(seq 1 "$FILES"); do
    [ -s "$OUT/orgs-$f.xlsx" ] || java -cp "$CP" "$ROOT/bench/GenerateOrganisations.java" "$OUT/orgs-$f.xlsx" "$ROWS" $(( (f - 1) * ROWS + 1 ))
done

# SERVER_ARGS="--x=y ...": extra arguments for the server (e.g. a setting to compare).
# REUSE_DATA=DIR: start on a data dir that already holds the imported organisations (kept), skip
# the import; used to compare two builds (APP_JAR=...) on the same data.
if [ -n "${REUSE_DATA:-}" ]; then
    # shellcheck disable=SC2086
    NO_DEMO_WAIT=1 start_server "$PORT" "$REUSE_DATA" ${SERVER_ARGS:-}
else
    dir="$(mktemp -d "$OUT/list-XXXX")"
    # shellcheck disable=SC2086
    start_server "$PORT" "$dir/data" ${SERVER_ARGS:-}
fi
TOKEN="$(token "$PORT")"
base="http://127.0.0.1:$PORT"
before=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations?size=1" | sed -E 's/.*"totalElements":([0-9]+).*/\1/')
echo "organisations before import: $before"

import_times=()
[ -n "${REUSE_DATA:-}" ] && FILES=0
for f in $(seq 1 "$FILES"); do
    res="$(curl -s -o "$OUT/import-$f.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
        -F "file=@$OUT/orgs-$f.xlsx" -F mode=ALL_OR_NOTHING "$base/api/v1/organisations/import")"
    code="${res% *}"
    t="${res#* }"
    imported=$(sed -E 's/.*"imported":([0-9]+).*/\1/' "$OUT/import-$f.json")
    printf 'import %d: HTTP %s, %s rows imported in %.2f s\n' "$f" "$code" "$imported" "$t"
    [ "$code" = 200 ] && [ "$imported" = "$ROWS" ] || { echo "import $f failed: $(head -c 500 "$OUT/import-$f.json")" >&2; exit 1; }
    import_times+=("$t")
done
[ "$FILES" -gt 0 ] && printf 'import of %d rows: first %.2f s, median of %d %.2f s\n' "$ROWS" "${import_times[0]}" "$FILES" \
    "$(printf '%s\n' "${import_times[@]}" | median)"
total=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations?size=1" | sed -E 's/.*"totalElements":([0-9]+).*/\1/')
echo "organisations after import: $total"

COOKIE="$(session_cookie "$PORT")"
page_html="$(curl -sf -H "Cookie: $COOKIE" "$base/organisations?page=3")"
grep -q 'id="organisations"' <<<"$page_html" || { echo "session login failed" >&2; exit 1; }

run_wrk() { # name path-for-lua header...
    local name="$1" script="$2"
    shift 2
    local c0 c1 n
    c0=$(cpu_seconds "$SERVER_PID")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/$script" "$@" > "$OUT/wrk-$name.txt"
    c1=$(cpu_seconds "$SERVER_PID")
    n=$(sed -nE 's/.*RESULT requests=([0-9]+).*/\1/p' "$OUT/wrk-$name.txt")
    # server CPU per request: steadier than latency when other processes share the cores
    echo "$name: $(grep RESULT "$OUT/wrk-$name.txt") server_cpu_ms_per_req=$(echo "scale=2; ($c1 - $c0) * 1000 / $n" | bc -l) load=$(cut -d' ' -f1 /proc/loadavg)"
}
# Warm-up, not recorded: each list at the measured concurrency for WARMUP (30 s; the name search
# 10 s more each unless SKIP_SEARCH), so the figures
# are the steady state (JIT compilation done, H2's cache filled). On a 2-core machine the
# compilers need most of that time at 16 connections: with 5 s at 4 connections (the warm-up
# until 2026-11-27 20:00) the 15 s measured after it still included compiling, which doubled
# the page's CPU per request and its p95. WARMUP=0 measures the cold server as before.
WARMUP="${WARMUP:-30s}"
if [ "$WARMUP" != 0 ]; then
    LIST_PATH=/api/v1/organisations wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/list.lua" \
        -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations" >/dev/null
    LIST_PATH=/organisations wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/list.lua" \
        -H "Cookie: $COOKIE" "$base/organisations" >/dev/null
    if [ -z "${SKIP_SEARCH:-}" ]; then
        LIST_PATH=/api/v1/organisations MIX=search wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$ROOT/bench/list.lua" \
            -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations" >/dev/null
        LIST_PATH=/organisations MIX=search wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$ROOT/bench/list.lua" \
            -H "Cookie: $COOKIE" "$base/organisations" >/dev/null
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$ROOT/bench/health.lua" "$base/actuator/health" >/dev/null
else
    LIST_PATH=/api/v1/organisations wrk -t2 -c4 -d5s -s "$ROOT/bench/list.lua" -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations" >/dev/null
    LIST_PATH=/organisations wrk -t2 -c4 -d5s -s "$ROOT/bench/list.lua" -H "Cookie: $COOKIE" "$base/organisations" >/dev/null
fi

echo "uptime before wrk: $(uptime)"
run_wrk health health.lua "$base/actuator/health"
LIST_PATH=/api/v1/organisations MIX=browse run_wrk api-browse list.lua -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations"
LIST_PATH=/organisations MIX=browse run_wrk page-browse list.lua -H "Cookie: $COOKIE" "$base/organisations"
# SKIP_SEARCH=1: only the browse mixes (not the q= name search, ADR 0069)
if [ -z "${SKIP_SEARCH:-}" ]; then
LIST_PATH=/api/v1/organisations MIX=search run_wrk api-search list.lua -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations"
LIST_PATH=/organisations MIX=search run_wrk page-search list.lua -H "Cookie: $COOKIE" "$base/organisations"
LIST_PATH=/api/v1/organisations MIX=browse MAX_PAGE=4999 run_wrk api-deep list.lua -H "Authorization: Bearer $TOKEN" "$base/api/v1/organisations"
fi
run_wrk health-again health.lua "$base/actuator/health"
echo "uptime after wrk: $(uptime)"

stop_server
if [ -z "${REUSE_DATA:-}" ]; then
    if [ -n "${KEEP_DATA:-}" ]; then echo "data kept in $dir/data"; else rm -rf "$dir"; fi
fi
