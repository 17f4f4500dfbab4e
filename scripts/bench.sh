#!/bin/sh
# Whole-process performance of bontot against the floor (unzip + byte scan
# of every sheet) and the pandas baseline, on generated workbooks, as the
# README's performance table reports it: median wall time of N runs and
# peak RSS, all measured in this one run.
#
#   scripts/bench.sh [DIR] [RUNS] [SCALES]
#
# DIR (default /tmp/bontot-bench) keeps the generated workbooks between
# runs; RUNS defaults to 5; SCALES to "bloc province max". The pandas
# baseline runs when /usr/bin/python3 has pandas (Debian: python3-pandas).
set -eu
cd "$(dirname "$0")/.."
DIR=${1:-/tmp/bontot-bench}
RUNS=${2:-5}
SCALES=${3:-"bloc province max"}
mkdir -p "$DIR"
go build -o "$DIR/bontot" ./cmd/bontot
go build -o "$DIR/floor" ./tools/floor
go build -o "$DIR/gen" ./tools/gen

# median RUNS CMD...: prints "seconds peakKB" (median wall time, max RSS).
median() {
	runs=$1
	shift
	: >"$DIR/times"
	i=0
	while [ "$i" -lt "$runs" ]; do
		/usr/bin/time -f "%e %M" -o "$DIR/one" "$@" >/dev/null 2>&1 || true
		cat "$DIR/one" >>"$DIR/times"
		i=$((i + 1))
	done
	sort -n "$DIR/times" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.2f %d\n", t[int((NR+1)/2)], m}'
}

row() { # label, median output
	set -- "$1" $2
	printf '| %s | %s s | %d MB |\n' "$1" "$2" $(($3 / 1024))
}

echo "| run | median wall time | peak RSS |"
echo "|---|---|---|"
for s in $SCALES; do
	f="$DIR/$s.xlsx"
	[ -f "$f" ] || "$DIR/gen" -scale "$s" -o "$f" 2>/dev/null
	n=$RUNS
	[ "$s" = max ] && n=1
	row "$s: floor (unzip + count \`<c \`)" "$(median "$n" "$DIR/floor" "$f")"
	row "$s: floor, klauspost inflater as bontot" "$(median "$n" "$DIR/floor" -klauspost "$f")"
	row "$s: bontot evaluate --format json" "$(median "$n" "$DIR/bontot" evaluate "$f" --format json)"
	row "$s: bontot evaluate (terminal table)" "$(median "$n" "$DIR/bontot" evaluate "$f")"
	if [ "$s" != max ] && /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
		row "$s: pandas TC1/TC2 script" "$(median "$n" /usr/bin/python3 tools/compare/pandas_tc12.py "$f")"
	fi
done

# A folder of 8 blocs (unit codes prefixed so they do not clash), on one
# core and on all.
mkdir -p "$DIR/folder8"
for i in 1 2 3 4 5 6 7 8; do
	f="$DIR/folder8/khoi-$i.xlsx"
	[ -f "$f" ] || "$DIR/gen" -scale bloc -seed "$i" -prefix "K$i-" -o "$f" 2>/dev/null
done
row "8 blocs, GOMAXPROCS=1" "$(median "$RUNS" env GOMAXPROCS=1 "$DIR/bontot" evaluate "$DIR/folder8" --format json)"
row "8 blocs, GOMAXPROCS=$(nproc)" "$(median "$RUNS" "$DIR/bontot" evaluate "$DIR/folder8" --format json)"
# The same 8 files through the floor, one file per core: how far this
# machine itself speeds up work that shares nothing.
row "8 blocs, floor, GOMAXPROCS=1" "$(median "$RUNS" env GOMAXPROCS=1 "$DIR/floor" "$DIR"/folder8/*.xlsx)"
row "8 blocs, floor, GOMAXPROCS=$(nproc)" "$(median "$RUNS" "$DIR/floor" "$DIR"/folder8/*.xlsx)"
