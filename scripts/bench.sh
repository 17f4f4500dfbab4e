#!/usr/bin/env bash
# Whole-process performance of bontot against the floor (unzip + byte scan
# of every sheet) and the pandas baseline, on generated workbooks, as the
# README's performance table reports it: median wall time of N runs and
# peak RSS, all measured in this one run.
#
#   scripts/bench.sh [DIR] [RUNS] [SCALES]
#
# DIR (default /tmp/bontot-bench) keeps the generated workbooks between
# runs; RUNS defaults to 5; SCALES to "bloc province province-problems
# max". The pandas baseline runs when /usr/bin/python3 has pandas (Debian:
# python3-pandas). At province and province-problems the Excel report runs
# beside JSON; at bloc and province, --split (one report per unit) too,
# its rate in files per second printed with the ratios.
#
# The commands compared with each other run in turns (floor, bontot,
# floor, bontot…), not one after the other: a shared machine's speed
# drifts by a fifth over a minute, and turns spread the drift over all of
# them. The ratios bontot's speed is judged by are printed last.
set -eu
cd "$(dirname "$0")/.."
DIR=${1:-/tmp/bontot-bench}
RUNS=${2:-5}
SCALES=${3:-"bloc province province-problems max"}
mkdir -p "$DIR"
go build -o "$DIR/bontot" ./cmd/bontot
go build -o "$DIR/floor" ./tools/floor
go build -o "$DIR/gen" ./tools/gen

# group RUNS "LABEL|COMMAND" ...: runs the commands in turns, RUNS rounds,
# and prints a table row per command (median wall time, peak RSS); the
# medians are kept in med[LABEL]. Commands are split on spaces: the paths
# under DIR must have none.
declare -A med units
# split.sh FILE DIR: --split into an emptied DIR, so that every run
# writes every file.
printf '#!/bin/sh\nrm -rf "$2" && exec %s/bontot evaluate "$1" --split "$2"\n' "$DIR" >"$DIR/split.sh"
chmod +x "$DIR/split.sh"
group() {
	local runs=$1 r i label cmd
	shift
	local n=$#
	for ((i = 0; i < n; i++)); do : >"$DIR/times.$i"; done
	for ((r = 0; r < runs; r++)); do
		i=0
		for spec in "$@"; do
			cmd=${spec#*|}
			# shellcheck disable=SC2086 # the command is meant to be split
			/usr/bin/time -f "%e %M" -o "$DIR/one" $cmd >/dev/null 2>&1 || true
			cat "$DIR/one" >>"$DIR/times.$i"
			i=$((i + 1))
		done
	done
	i=0
	for spec in "$@"; do
		label=${spec%%|*}
		read -r t m < <(sort -n "$DIR/times.$i" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.2f %d\n", t[int((NR+1)/2)], m}')
		med[$label]=$t
		printf '| %s | %s s | %d MB |\n' "$label" "$t" $((m / 1024))
		i=$((i + 1))
	done
}

ratio() { # label, numerator label, denominator label
	awk -v a="${med[$2]}" -v b="${med[$3]}" -v l="$1" 'BEGIN {printf "- %s: %.2f×\n", l, a / b}'
}

pandas=false
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	pandas=true
fi

echo "| run | median wall time | peak RSS |"
echo "|---|---|---|"
for s in $SCALES; do
	f="$DIR/$s.xlsx"
	[ -f "$f" ] || "$DIR/gen" -scale "$s" -o "$f" 2>/dev/null
	n=$RUNS
	[ "$s" = max ] && n=1
	specs=(
		"$s: floor (unzip + count \`<c \`)|$DIR/floor $f"
		"$s: floor, klauspost inflater as bontot|$DIR/floor -klauspost $f"
		"$s: bontot evaluate --format json|$DIR/bontot evaluate $f --format json"
		"$s: bontot evaluate (terminal table)|$DIR/bontot evaluate $f"
	)
	case $s in province | province-problems)
		specs+=("$s: bontot evaluate -o report.xlsx (Excel)|$DIR/bontot evaluate $f -o $DIR/report.xlsx")
		;;
	esac
	case $s in bloc | province)
		specs+=("$s: bontot evaluate --split (a report per unit)|$DIR/split.sh $f $DIR/split")
		;;
	esac
	if [ "$s" != max ] && [ "$s" != province-problems ] && $pandas; then
		specs+=("$s: pandas TC1/TC2 script|/usr/bin/python3 tools/compare/pandas_tc12.py $f")
	fi
	group "$n" "${specs[@]}"
	case $s in bloc | province)
		units[$s]=$(find "$DIR/split" -name '*.xlsx' | wc -l)
		;;
	esac
done

# A folder of 8 blocs (unit codes prefixed so they do not clash), on one
# core and on all; and the same 8 files through the floor, one file per
# core: how far this machine itself speeds up work that shares nothing.
mkdir -p "$DIR/folder8"
for i in 1 2 3 4 5 6 7 8; do
	f="$DIR/folder8/khoi-$i.xlsx"
	[ -f "$f" ] || "$DIR/gen" -scale bloc -seed "$i" -prefix "K$i-" -o "$f" 2>/dev/null
done
cores=$(nproc)
group "$RUNS" \
	"8 blocs, GOMAXPROCS=1|env GOMAXPROCS=1 $DIR/bontot evaluate $DIR/folder8 --format json" \
	"8 blocs, GOMAXPROCS=$cores|$DIR/bontot evaluate $DIR/folder8 --format json" \
	"8 blocs, floor, GOMAXPROCS=1|env GOMAXPROCS=1 $DIR/floor $(echo "$DIR"/folder8/*.xlsx)" \
	"8 blocs, floor, GOMAXPROCS=$cores|$DIR/floor $(echo "$DIR"/folder8/*.xlsx)"

# The folder scale: 400 one-unit workbooks as a Ban Tổ chức
# receives them, and the same data in one workbook, in turns; and the
# folder through the floor.
if [ ! -f "$DIR/folder-one.xlsx" ]; then
	rm -rf "$DIR/folder400"
	"$DIR/gen" -scale folder -folder "$DIR/folder400" -o "$DIR/folder-one.xlsx" 2>/dev/null
fi
group "$RUNS" \
	"folder scale: 400 one-unit workbooks, json|$DIR/bontot evaluate $DIR/folder400 --format json" \
	"folder scale: the same data in one workbook, json|$DIR/bontot evaluate $DIR/folder-one.xlsx --format json" \
	"folder scale: floor, 400 workbooks|$DIR/floor $(echo "$DIR"/folder400/*.xlsx)"

echo
ratio "folder of 400 one-unit workbooks / one workbook" "folder scale: 400 one-unit workbooks, json" "folder scale: the same data in one workbook, json"
for s in $SCALES; do
	case $s in province | province-problems | max)
		ratio "$s json / floor" "$s: bontot evaluate --format json" "$s: floor (unzip + count \`<c \`)"
		ratio "$s json / floor with bontot's inflater" "$s: bontot evaluate --format json" "$s: floor, klauspost inflater as bontot"
		if [ "$s" = province ] && $pandas; then
			ratio "pandas / $s json" "$s: pandas TC1/TC2 script" "$s: bontot evaluate --format json"
		fi
		;;
	esac
done
for s in $SCALES; do
	case $s in province | province-problems)
		ratio "$s Excel / json" "$s: bontot evaluate -o report.xlsx (Excel)" "$s: bontot evaluate --format json"
		;;
	esac
	case $s in bloc | province)
		awk -v n="${units[$s]}" -v t="${med["$s: bontot evaluate --split (a report per unit)"]}" -v s="$s" \
			'BEGIN {printf "- %s --split: %d files in %.2f s, %.0f files/s (reading and evaluating included)\n", s, n, t, n / t}'
		;;
	esac
done
ratio "8 blocs, 1 core / $cores cores" "8 blocs, GOMAXPROCS=1" "8 blocs, GOMAXPROCS=$cores"
ratio "8 blocs through the floor, 1 core / $cores cores" "8 blocs, floor, GOMAXPROCS=1" "8 blocs, floor, GOMAXPROCS=$cores"
