#!/usr/bin/env bash
# Dashboards and drill-downs with demo data × 100 (issue 7, "Speed"), measured on data made once by
# bench/insight-data.sh (~100,000 organisations, ~1.2 million rows across modules):
#  1. start the server on the data, wait until the dashboard figures have been computed once in the
#     background (start-up warm-up) — the time is printed;
#  2. the first request of every drill-down (city and county) with curl, one at a time: the cost of
#     the plain SQL (COUNT/SUM with the list's WHERE, then one page) on a cold query;
#  3. wrk, 2 threads, 16 connections, DURATION each: /css/app.css and /actuator/health (baselines),
#     the city dashboard page, a county dashboard page, /api/v1/indicators?scope=city, then every
#     indicator's drill-down API (its city and its county path in turn); p50/p95/p99, CPU time of
#     the server per request, the 1-minute load average after each case; table of p95 and ratio to
#     the static file's p95.
# COLD=1 runs the server with H2's OPTIMIZE_REUSE_RESULTS off: H2 normally answers an identical query
# on the same connection from its last result while no table it reads has changed; with COLD=1
# every request computes its COUNT/SUM again, as when rows change between requests.
source "$(dirname "$0")/common.sh"
PORT="${PORT:-8420}"
DATA="${DATA:-$OUT/insight-data}"
DURATION="${DURATION:-4s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
COUNTY="${COUNTY:-371502}"
[ -d "$DATA/data" ] || { echo "no data in $DATA: run bench/insight-data.sh first" >&2; exit 1; }
RES="$OUT/insight${COLD:+-cold}"
mkdir -p "$RES"

echo "## insight benchmark$([ -n "${COLD:-}" ] && echo ' (COLD=1: no reuse of query results)')"
machine
if [ -n "${COLD:-}" ]; then
    export SPRING_DATASOURCE_URL="jdbc:h2:file:$(cd "$DATA/data" && pwd)/gongtong;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=64;CACHE_SIZE=65536;OPTIMIZE_REUSE_RESULTS=FALSE"
fi
t0=$(now)
NO_DEMO_WAIT=1 start_server "$PORT" "$DATA/data"
printf 'server up in %.1f s\n' "$(echo "$(now) - $t0" | bc)"
for _ in $(seq 1 600); do
    grep -q 'Dashboard figures computed' "$DATA/data.log" && break
    sleep 0.5
done
grep -oE 'Dashboard figures computed.*' "$DATA/data.log" || echo "dashboard warm-up not finished after 300 s"
base="http://127.0.0.1:$PORT"
TOKEN="$(token "$PORT")"
auth=(-H "Authorization: Bearer $TOKEN")
COOKIE="$(session_cookie "$PORT")"
total_of() { curl -sf "${auth[@]}" "$base$1" | sed -E 's/.*"totalElements":([0-9]+).*/\1/'; }
echo "organisations: $(total_of "/api/v1/organisations?size=1"), pipeline records: $(total_of "/api/v1/cultivation/records?size=1"), investments: $(total_of "/api/v1/capital/figures?source=INVESTMENTS&size=1"), talent appointments: $(total_of "/api/v1/talent/appointments?size=1")"

code=$(curl -s -o "$RES/dashboard.html" -w '%{http_code} %{time_total}' -H "Cookie: $COOKIE" "$base/insight")
echo "first dashboard after the warm-up: HTTP ${code% *} in ${code#* } s"
grep -q 'id="dashboard-title"' "$RES/dashboard.html" || { echo "dashboard failed: $(head -c 300 "$RES/dashboard.html")" >&2; exit 1; }
curl -sf "${auth[@]}" "$base/api/v1/indicators?scope=city" > "$RES/indicators-city.json"
curl -sf "${auth[@]}" "$base/api/v1/indicators?scope=county&county=$COUNTY" > "$RES/indicators-county.json"
# id and drill-down paths (city, then county when the figure has one), size=20
python3 - "$RES/indicators-city.json" "$RES/indicators-county.json" > "$RES/drill-downs.txt" <<'PY'
import json, sys
city = json.load(open(sys.argv[1]))
county = {i["id"]: i for i in json.load(open(sys.argv[2]))}
def sized(p):
    return p + ("&" if "?" in p else "?") + "size=20"
for i in city:
    paths = [sized(i["drillDown"])]
    if i["id"] in county:
        paths.append(sized(county[i["id"]]["drillDown"]))
    print(i["id"], " ".join(paths))
PY
echo "indicators: $(wc -l < "$RES/drill-downs.txt") (city), $(grep -c '"id"' <(tr '{' '\n' < "$RES/indicators-county.json")) (county $COUNTY)"

echo
echo "first request of each drill-down (cold query, one at a time), seconds:"
: > "$RES/first.txt"
while read -r id paths; do
    line="$id"
    for p in $paths; do
        line="$line $(curl -s -o /dev/null -w '%{time_total}' "${auth[@]}" "$base$p")"
    done
    echo "$line" >> "$RES/first.txt"
done < "$RES/drill-downs.txt"
sort -k2 -gr "$RES/first.txt" | head -10 | sed 's/^/  /'
echo "  … (all in $RES/first.txt: id, city, county)"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
# requests of a case that wrk gave up on keep running in the server: before the next case, wait (at
# most 120 s) until the health endpoint answers within a second again, so cases do not add up
drain() {
    for _ in $(seq 1 120); do
        curl -sf -m 1 -o /dev/null "$base/actuator/health" && return 0
        sleep 1
    done
}
run_wrk() { # name script url [headers...]
    local name="$1" script="$2" url="$3" c0 c1 n
    shift 3
    drain
    c0=$(cpu_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$ROOT/bench/$script" "$@" "$url" > "$RES/wrk-$name.txt"
    c1=$(cpu_ticks)
    n=$(grep RESULT "$RES/wrk-$name.txt" | sed -E 's/.*requests=([0-9]+).*/\1/')
    printf '%s cpu_ms_per_request=%s load1=%s\n' "$(grep RESULT "$RES/wrk-$name.txt")" \
        "$([ "$n" -gt 0 ] && printf '%.2f' "$(echo "($c1 - $c0) * 10 / $n" | bc -l)" || echo "-1")" \
        "$(cut -d' ' -f1 /proc/loadavg)" > "$RES/result-$name.txt"
    sed -E "s/^RESULT/$name:/" "$RES/result-$name.txt"
}
field() { sed -E "s/.*$2=([0-9.]+).*/\1/" "$RES/result-$1.txt"; }

echo /insight > "$RES/paths-warm.txt"
PATHS="$RES/paths-warm.txt" wrk -t2 -c4 -d3s -s "$ROOT/bench/paths.lua" -H "Cookie: $COOKIE" "$base" > /dev/null
echo
echo "uptime before wrk: $(uptime)"
echo /css/app.css > "$RES/paths-static.txt"
PATHS="$RES/paths-static.txt" run_wrk static paths.lua "$base"
run_wrk health health.lua "$base/actuator/health"
echo /insight > "$RES/paths-dash.txt"
PATHS="$RES/paths-dash.txt" run_wrk dashboard-city paths.lua "$base" -H "Cookie: $COOKIE"
echo "/insight?county=$COUNTY" > "$RES/paths-dash-county.txt"
PATHS="$RES/paths-dash-county.txt" run_wrk dashboard-county paths.lua "$base" -H "Cookie: $COOKIE"
echo "/api/v1/indicators?scope=city" > "$RES/paths-api.txt"
PATHS="$RES/paths-api.txt" run_wrk indicators-api paths.lua "$base" -H "Authorization: Bearer $TOKEN"
ids=""
while read -r id paths; do
    ids="$ids $id"
    tr ' ' '\n' <<< "$paths" > "$RES/paths-$id.txt"
    PATHS="$RES/paths-$id.txt" run_wrk "drill-$id" paths.lua "$base" -H "Authorization: Bearer $TOKEN"
done < "$RES/drill-downs.txt"
run_wrk health-again health.lua "$base/actuator/health"
echo "uptime after wrk: $(uptime)"

static=$(field static p95_ms)
echo
echo "| request | p95 ms | ratio to static | CPU ms/request | non-2xx | load1 |"
echo "|---|---|---|---|---|---|"
met=0
missed=""
for n in static health dashboard-city dashboard-county indicators-api $(for id in $ids; do echo "drill-$id"; done) health-again; do
    p=$(field "$n" p95_ms)
    r=$(field "$n" requests)
    if [ "$r" = 0 ]; then
        # no request finished within DURATION: no percentile, not met
        printf '| %s | none finished in %s | — | — | %s | %s |\n' "$n" "$DURATION" "$(field "$n" non2xx)" "$(field "$n" load1)"
        case "$n" in dashboard-*|drill-*) missed="$missed $n" ;; esac
        continue
    fi
    printf '| %s | %s | %.1f× | %s | %s | %s |\n' "$n" "$p" "$(echo "$p / $static" | bc -l)" \
        "$(field "$n" cpu_ms_per_request)" "$(field "$n" non2xx)" "$(field "$n" load1)"
    case "$n" in
        dashboard-*|drill-*) if [ "$(echo "$p <= 100" | bc)" = 1 ]; then met=$((met + 1)); else missed="$missed $n"; fi ;;
    esac
done
echo
echo "dashboard and drill-down cases with p95 ≤ 100 ms: $met; over (or none finished):${missed:- none}"
stop_server
