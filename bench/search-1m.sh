#!/usr/bin/env bash
# The search engine at 1,000,000 documents through the product's own indexing and query path
# (LuceneEngine + the default Ranker, as match-eval): `java -jar target/gongtong.jar search-bench`.
# It indexes dev/corpus.jsonl plus synthetic records (a real train/ title and 3-7 sentences drawn
# from the dev and train abstracts, seed 42) up to DOCS, then runs PER_SET queries of each dev
# query set, and prints one JSON line per phase: indexing docs/s (wall and per CPU-second), query
# p50/p99 (wall and thread CPU time), heap after GC, RSS, index size, 1-minute load average.
# Baseline in the same minute: the stock Lucene anchor on dev (BASELINE=0 skips it).
# Writes only under target/bench/search-1m-XXXX (deleted at exit).
#   mvn -o -q -DskipTests package && bench/search-1m.sh
#   DOCS=200000 PER_SET=100 bench/search-1m.sh      # a smaller run
source "$(dirname "$0")/common.sh"
DATA="${MATCHING_DATA:-$ROOT/../shared/data/matching}"
ANCHOR="${ANCHOR_DIR:-$ROOT/../shared/tools/matching-anchor}"
DOCS="${DOCS:-1000000}"
PER_SET="${PER_SET:-250}"
HEAP="${HEAP:-3g}"

dir="$(mktemp -d "$OUT/search-1m-XXXX")"
trap 'rm -rf "$dir"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC') on $(hostname): $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BASELINE:-1}" = 1 ] && [ -x "$ANCHOR/run.sh" ]; then
    echo "# baseline (stock Lucene BM25, CJK uni+bigrams, dev corpus) at load $(cut -d' ' -f1 /proc/loadavg):"
    (cd "$ANCHOR" && ./run.sh "$DATA/dev" cjkuni) | sed 's/^/#   /'
fi
echo "# search-bench: DOCS=$DOCS PER_SET=$PER_SET -Xmx$HEAP"
t0=$(now)
java -Xmx"$HEAP" -jar "$JAR" search-bench --data "$DATA" --docs "$DOCS" --per-set "$PER_SET" --dir "$dir"
t1=$(now)
echo "# total $(echo "$t1 - $t0" | bc) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
