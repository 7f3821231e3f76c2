# Shared helpers for the benchmark scripts. Loopback only; every server started here is stopped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/gongtong.jar"
OUT="$ROOT/target/bench"
ADMIN_PASSWORD='Bench#Admin2026'
mkdir -p "$OUT"

SERVER_PID=""

now() { date +%s.%N; }

# start_server PORT DATA_DIR [extra args...]: starts the jar (APP_JAR, JAVA_OPTS may change how),
# returns once /actuator/health is UP and the demo data has been loaded (the log says so)
start_server() {
    local port="$1" dir="$2"
    shift 2
    # shellcheck disable=SC2086
    GONGTONG_DATA_DIR="$dir" GONGTONG_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        java ${JAVA_OPTS:-} -jar "${APP_JAR:-$JAR}" --server.port="$port" --server.address=127.0.0.1 "$@" \
        >"$dir.log" 2>&1 </dev/null &
    SERVER_PID=$!
    wait_healthy "$port" "$dir.log"
}

wait_healthy() {
    local port="$1" log="$2"
    for _ in $(seq 1 1200); do
        if curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' \
            && { [ -n "${NO_DEMO_WAIT:-}" ] || grep -q "Loaded the seed's groups" "$log"; }; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; return 1; }
        sleep 0.05
    done
    echo "server not healthy after 60 s" >&2
    return 1
}

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT

token() {
    curl -sf -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
        "http://127.0.0.1:$1/api/v1/auth/token" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# session_cookie PORT: logs in through the real form (CSRF and all) and prints JSESSIONID=...
session_cookie() {
    local port="$1" jar csrf
    jar="$(mktemp)"
    csrf="$(curl -sf -c "$jar" "http://127.0.0.1:$port/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)"
    curl -sf -b "$jar" -c "$jar" -o /dev/null \
        --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" \
        --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"
    awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar"
    rm -f "$jar"
}

# cpu_seconds PID: user + system CPU time the process has used so far (all threads), in seconds
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

machine() {
    echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc=$(nproc)"
    echo "- Memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- Java: $(java -version 2>&1 | head -1)"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
}
