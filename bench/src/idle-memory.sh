#!/usr/bin/env bash
# Idle memory of a started server (BENCHMARKS.md "Idle server memory"): runs COMMAND in its own process group,
# waits until it answers on PORT, lets it settle 20 s, prints the resident memory of every process in the group
# and their total, and stops the group.
# Usage: bash bench/src/idle-memory.sh PORT "COMMAND"   e.g.
#   bash bench/src/idle-memory.sh 3462 "PORT=3462 DATA_DIR=/tmp/kp exec npm start"
set -u
port=$1
setsid bash -c "$2" >/dev/null 2>&1 &
leader=$!
for _ in $(seq 180); do curl -sf "http://127.0.0.1:$port/api/v1/environment" >/dev/null && break; sleep 1; done
sleep 20
group=$(ps -o pgid= "$leader" | tr -d ' ')
ps -eo pgid,rss,args | awk -v g="$group" '$1 == g {
  total += $2; printf "%8d KB  %s\n", $2, substr($0, index($0, $3), 100)
} END { printf "total %d MB\n", total / 1024 }'
kill -- -"$group"
