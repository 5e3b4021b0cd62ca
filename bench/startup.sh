#!/usr/bin/env bash
# Start-up benchmark: JVM start to the answer for one profile with every bundled rule, against the bare
# JVM start (`java -version`), measured in the same run. Prints medians of N runs and the ratios.
# Usage: bench/startup.sh [N]        (builds the jar first via the launcher)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
profile=samples/profiles/yunnan-restaurant-state-premises.json
./mianshen match "$profile" --as-of 2022-06-30 >/dev/null   # build + create the CDS archive
jar=target/mianshen.jar
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
run() { local label=$1; shift; local xs=(); for _ in $(seq "$n"); do xs+=("$(time_ms "$@")"); done; printf '%s\n' "${xs[@]}" | median; }

bare=$(run bare java -version)
launcher=$(run launcher ./mianshen match "$profile" --as-of 2022-06-30)
plain=$(run plain java -jar "$jar" match "$profile" --as-of 2022-06-30)
drl=$(run drl java -Dmianshen.precompiled=false -jar "$jar" match "$profile" --as-of 2022-06-30)
rules=$(java -jar "$jar" rules | tail -1)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); $rules; median of $n runs"
printf '%-58s %6s ms  %5s\n' "bare JVM start (java -version)" "$bare" "1.0x"
printf '%-58s %6s ms  %5.1fx\n' "./mianshen match (exec. model, CDS archive, C1, serial GC)" "$launcher" "$(awk "BEGIN{print $launcher/$bare}")"
printf '%-58s %6s ms  %5.1fx\n' "java -jar match (executable model, no CDS)" "$plain" "$(awk "BEGIN{print $plain/$bare}")"
printf '%-58s %6s ms  %5.1fx\n' "java -jar match (runtime DRL compilation, drools-mvel)" "$drl" "$(awk "BEGIN{print $drl/$bare}")"
