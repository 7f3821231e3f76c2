#!/usr/bin/env bash
# Dashboards with demo data × ~100, on one fresh H2 server (issue 7, "Speed"):
#  1. import 10 × 10,000 organisations (bench/GenerateOrganisations.java, as load-and-list.sh);
#  2. seed cultivation and capital through their APIs with wrk: the enterprises among the first SEED_IDS
#     imported ids registered as tech SMEs (pipeline records), one sub-fund investing in each of those ids;
#  3. wrk, 16 connections: a static file and /actuator/health (baselines), the city dashboard page,
#     a county dashboard page, then each indicator's drill-down API (city and one county in turn),
#     p95 of each and its ratio to the static request of the same run.
# REUSE_DATA=DIR skips 1–2 on a data dir kept from an earlier run (KEEP=1 keeps it).
source "$(dirname "$0")/common.sh"
PORT="${PORT:-8097}"
FILES="${FILES:-10}"
ROWS="${ROWS:-10000}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
COUNTY="${COUNTY:-371502}"
SEED_IDS="${SEED_IDS:-20000}" # seed cultivation and capital rows for this many of the imported ids

if [ ! -s "$OUT/classpath.txt" ]; then
    (cd "$ROOT" && mvn -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test)
fi
CP="$ROOT/target/classes:$(cat "$OUT/classpath.txt")"
for f in $(seq 1 "$FILES"); do
    [ -s "$OUT/orgs-$f.xlsx" ] || java -cp "$CP" "$ROOT/bench/GenerateOrganisations.java" "$OUT/orgs-$f.xlsx" "$ROWS" $(( (f - 1) * ROWS + 1 ))
done

if [ -n "${REUSE_DATA:-}" ]; then
    dir="$REUSE_DATA"
    NO_DEMO_WAIT=1 start_server "$PORT" "$dir/data"
else
    dir="$(mktemp -d "$OUT/insight-XXXX")"
    start_server "$PORT" "$dir/data"
fi
TOKEN="$(token "$PORT")"
base="http://127.0.0.1:$PORT"
auth=(-H "Authorization: Bearer $TOKEN")
total_of() { curl -sf "${auth[@]}" "$base$1" | sed -E 's/.*"totalElements":([0-9]+).*/\1/'; }

if [ -z "${REUSE_DATA:-}" ]; then
    first=$(( $(total_of "/api/v1/organisations?size=1") ))
    max_before=$(curl -sf "${auth[@]}" "$base/api/v1/organisations?size=1" | sed -E 's/.*"content":\[\{"id":([0-9]+).*/\1/')
    for f in $(seq 1 "$FILES"); do
        res="$(curl -s -o "$OUT/import-$f.json" -w '%{http_code} %{time_total}' "${auth[@]}" \
            -F "file=@$OUT/orgs-$f.xlsx" -F mode=ALL_OR_NOTHING "$base/api/v1/organisations/import")"
        printf 'import %d: HTTP %s in %.1f s\n' "$f" "${res% *}" "${res#* }"
        [ "${res% *}" = 200 ] || { echo "import failed" >&2; exit 1; }
    done
    max_after=$(curl -sf "${auth[@]}" "$base/api/v1/organisations?size=1" | sed -E 's/.*"content":\[\{"id":([0-9]+).*/\1/')
    echo "organisations: $first → $(total_of "/api/v1/organisations?size=1") (ids $((max_before + 1))..$max_after)"
    t0=$(now)
    seed_to=$(( max_before + SEED_IDS < max_after ? max_before + SEED_IDS : max_after ))
    FROM=$((max_before + 1)) TO=$seed_to KIND=pipeline wrk -t1 -c8 -d"${SEED_SECONDS:-600}s" --timeout 30s \
        -s "$ROOT/bench/seed-posts.lua" -H "Authorization: Bearer $TOKEN" "$base" > "$OUT/seed-pipeline.txt" &
    seed_pid=$!
    manager=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"name\":\"基准基金管理公司（示例）\",\"kind\":\"FINANCE\",\"county\":\"$COUNTY\"}" \
        "$base/api/v1/organisations" | sed -E 's/^\{"id":([0-9]+).*/\1/')
    parent=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"name\":\"基准母基金\",\"kind\":\"PARENT\",\"size\":1000000000,\"vintage\":2024,\"managerId\":$manager}" \
        "$base/api/v1/funds" | sed -E 's/^\{"id":([0-9]+).*/\1/')
    sub=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"name\":\"基准子基金\",\"kind\":\"SUB\",\"parentFundId\":$parent,\"size\":900000000000,\"vintage\":2024,\"managerId\":$manager}" \
        "$base/api/v1/funds" | sed -E 's/^\{"id":([0-9]+).*/\1/')
    curl -sf -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"investorFundId\":$parent,\"amount\":200000000}" "$base/api/v1/funds/$sub/commitments"
    wait "$seed_pid" 2>/dev/null || true
    echo "pipeline seeding: $(grep -E 'requests in' "$OUT/seed-pipeline.txt")"
    FROM=$((max_before + 1)) TO=$seed_to KIND=investment FUND=$sub wrk -t1 -c8 -d"${SEED_SECONDS:-600}s" --timeout 30s \
        -s "$ROOT/bench/seed-posts.lua" -H "Authorization: Bearer $TOKEN" "$base" > "$OUT/seed-investments.txt"
    echo "investment seeding: $(grep -E 'requests in' "$OUT/seed-investments.txt")"
    printf 'seeding took %.0f s\n' "$(echo "$(now) - $t0" | bc)"
fi
echo "pipeline records: $(total_of "/api/v1/cultivation/records?size=1"), investments: $(total_of "/api/v1/capital/figures?source=INVESTMENTS&size=1")"

COOKIE="$(session_cookie "$PORT")"
code=$(curl -s -o "$OUT/dashboard.html" -w '%{http_code} %{time_total}' -H "Cookie: $COOKIE" "$base/insight")
echo "first dashboard: HTTP $code"
grep -q 'id="dashboard-title"' "$OUT/dashboard.html" || { echo "dashboard failed: $(head -c 300 "$OUT/dashboard.html")" >&2; exit 1; }
# the drill-down paths of every indicator, city and county
curl -sf "${auth[@]}" "$base/api/v1/indicators?scope=city" > "$OUT/indicators-city.json"
curl -sf "${auth[@]}" "$base/api/v1/indicators?scope=county&county=$COUNTY" > "$OUT/indicators-county.json"
ids=$(grep -oE '"id":"[^"]+"' "$OUT/indicators-city.json" | cut -d'"' -f4)

run_wrk() { # name script url [headers...]
    local name="$1" script="$2" url="$3"
    shift 3
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/$script" "$@" "$url" > "$OUT/wrk-insight-$name.txt"
    grep RESULT "$OUT/wrk-insight-$name.txt" | sed -E "s/^/$name: /"
}
p95() { grep RESULT "$OUT/wrk-insight-$1.txt" | sed -E 's/.*p95_ms=([0-9.]+).*/\1/'; }

# warm-up, not recorded
echo /insight > "$OUT/paths-warm.txt"
PATHS="$OUT/paths-warm.txt" wrk -t2 -c4 -d5s -s "$ROOT/bench/paths.lua" -H "Cookie: $COOKIE" "$base" >/dev/null

echo "uptime before wrk: $(uptime)"
echo /css/app.css > "$OUT/paths-static.txt"
PATHS="$OUT/paths-static.txt" run_wrk static paths.lua "$base"
run_wrk health health.lua "$base/actuator/health"
echo /insight > "$OUT/paths-dash.txt"
PATHS="$OUT/paths-dash.txt" run_wrk dashboard-city paths.lua "$base" -H "Cookie: $COOKIE"
echo "/insight?county=$COUNTY" > "$OUT/paths-dash-county.txt"
PATHS="$OUT/paths-dash-county.txt" run_wrk dashboard-county paths.lua "$base" -H "Cookie: $COOKIE"
for id in $ids; do
    : > "$OUT/paths-$id.txt"
    for f in "$OUT/indicators-city.json" "$OUT/indicators-county.json"; do
        # the drillDown of this id in this scope (JSON escapes & as \u0026)
        grep -oE "\"id\":\"$id\"[^}]*\"drillDown\":\"[^\"]+\"" "$f" | sed -E 's/.*"drillDown":"([^"]+)".*/\1/; s/\\u0026/\&/g' \
            | sed -E 's/$/\&size=20/; s/^([^?&]*)&/\1?/' >> "$OUT/paths-$id.txt" || true # city-only figures have no county drill-down
    done
    PATHS="$OUT/paths-$id.txt" run_wrk "drill-$id" paths.lua "$base" -H "Authorization: Bearer $TOKEN"
done
run_wrk health-again health.lua "$base/actuator/health"
echo "uptime after wrk: $(uptime)"

static=$(p95 static)
echo
echo "| request | p95 ms | ratio to static |"
echo "|---|---|---|"
for n in static health dashboard-city dashboard-county $(for id in $ids; do echo "drill-$id"; done) health-again; do
    printf '| %s | %s | %.1f× |\n' "$n" "$(p95 "$n")" "$(echo "$(p95 "$n") / $static" | bc -l)"
done
stop_server
[ -n "${REUSE_DATA:-}" ] || [ -n "${KEEP:-}" ] || rm -rf "$dir"
[ -n "${KEEP:-}" ] && echo "data kept in $dir"
