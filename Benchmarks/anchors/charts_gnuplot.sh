#!/usr/bin/env bash
# Anchor for the chart benchmark: the same two charts with gnuplot, pngcairo (2400×1350) and svg.
# Reads the data files homecoming writes beside its charts. Usage: charts_gnuplot.sh DATA_DIR OUT_DIR
set -euo pipefail
data=$1 out=$2
source_line="Source: Homecoming record from Ukrainska Pravda, Kyiv Independent, Interfax-Ukraine and more"
for term in "pngcairo size 2400,1350 font 'DejaVu Sans,22'|png" "svg size 1200,675 font 'DejaVu Sans,11'|svg"; do
  spec=${term%|*} ext=${term#*|}
  gnuplot <<GP
set terminal $spec
set datafile separator ","
set key off
set border 1
set grid ytics lc rgb "#E6E6E6"
set tmargin 6
set bmargin 5
set label 1 "Ukrainians freed from Russian captivity, by year" at screen 0.02,0.95 font ",+8" front
set label 2 "People returned in prisoner exchanges" at screen 0.02,0.90 front
set label 3 "$source_line" at screen 0.02,0.03 tc rgb "#595959" front
set label 4 "Chart: Homecoming" at screen 0.98,0.03 right tc rgb "#595959" front
set output "$out/per-year.$ext"
set style fill solid
set boxwidth 0.64
set yrange [0:*]
plot "$data/per-year.csv" every ::1 using 0:5:xtic(2) with boxes lc rgb "#0072B2", \
     "" every ::1 using 0:5:(sprintf("%'d", \$5)) with labels offset 0,1
unset label 1
unset label 2
set label 1 "Every prisoner exchange since the full-scale invasion" at screen 0.02,0.95 font ",+8" front
set label 2 "People returned in each exchange" at screen 0.02,0.90 front
set output "$out/per-exchange.$ext"
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y"
set boxwidth 691200 absolute
plot "$data/per-exchange.csv" every ::1 using 2:5 with boxes lc rgb "#0072B2", \
     "" every ::1 using 2:(\$5 >= 215 ? \$5 : 1/0):5 with labels offset 0,1
GP
done
