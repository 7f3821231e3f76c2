#!/usr/bin/env bash
# Records the classes a start of the jar loads, in load order, into
# src/main/resources/org/gongtong/start-up-classes.txt (ADR 0067): one start on H2 with demo data, a
# fresh data directory, the background loading off (so that the order is the main thread's own),
# -Xlog:class+load, stopped once healthy. Kept: classes from the JDK's modules that are not in its
# class-data archive, the libraries and the application (also the classes Spring AOT generated);
# left out: lambdas and other classes made at run time, which cannot be loaded by name (the
# proxies Spring AOT made at build time are in the jar and stay).
# Run after changes that alter what a start loads, then build the jar again:
#   mvn -DskipTests package && bash bench/start-up-classes.sh && mvn -DskipTests package
source "$(dirname "$0")/common.sh"
LIST="$ROOT/src/main/resources/org/gongtong/start-up-classes.txt"
dir="$(mktemp -d "$OUT/classes-XXXX")"
log="$dir/class-load.txt"
JAVA_OPTS="-Dgongtong.start-up-classes=false -Xlog:class+load=info:file=$log ${JAVA_OPTS:-}" \
    start_server "${PORT:-8096}" "$dir/data"
stop_server
{
    echo "# Classes a start of target/gongtong.jar loads, in order; recorded by bench/start-up-classes.sh"
    grep -E ' source: (jrt:/|file:|jar:nested:.*!BOOT-INF/classes/)' "$log" \
        | awk '{ print $2 }' \
        | grep -v -e '/0x' -e '\$\$Lambda' || true
} >"$LIST.tmp"
mv "$LIST.tmp" "$LIST"
echo "$(grep -vc '^#' "$LIST") classes written to $LIST"
rm -rf "$dir" "$dir.log"
