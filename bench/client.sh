#!/usr/bin/env bash
# End-to-end benchmark of the glaze client library against the embedded image service, on this machine.
#
#   bench/client.sh              # 10 000 images listed; 1 GiB downloaded and uploaded, by glaze and by curl;
#                                # 1 000 tasks awaited at once
#   BENCH_QUICK=1 bench/client.sh   # 1 000 images, 128 MiB, 100 tasks: to check the script itself
#
# Starts `./glaze serve` (openstack profile for images and data, rackspace profile for the tasks) in a work folder,
# seeds it with bench/seed.py, and runs bench/ClientBench.java (the library, one JVM per measurement, -Xmx256m)
# under /usr/bin/time for the wall time and peak RSS. Prints a Markdown table and writes it to
# bench/results/client-<UTC stamp>.md. Not part of the test command.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
WORK=${BENCH_DIR:-/tmp/glaze-bench-client}
PORT=${BENCH_CLIENT_PORT:-9531}
TASK_PORT=${BENCH_CLIENT_TASK_PORT:-9532}
IMAGES=${BENCH_IMAGES:-10000}
DATA_MIB=${BENCH_DATA_MIB:-1024}
TASKS=${BENCH_TASKS:-1000}
RUNS=${BENCH_RUNS:-3}
if [ -n "${BENCH_QUICK:-}" ]; then IMAGES=1000; DATA_MIB=128; TASKS=100; RUNS=1; fi
CLIENT_HEAP=${BENCH_CLIENT_HEAP:-256m}
PY=/usr/bin/python3

for tool in curl java mvn "$PY" /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

log() { echo "bench: $*" >&2; }
rm -rf "$WORK" && mkdir -p "$WORK"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"/emu* "$WORK"/*.bin
}
trap cleanup EXIT

log "building (core and the launcher)"
(cd "$ROOT" && mvn -B -q -ntp -DskipTests package >"$WORK/build.log" 2>&1 && \
  mvn -B -q -ntp dependency:build-classpath -pl core -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime \
  >>"$WORK/build.log" 2>&1) || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
# a copy of the library: a build in the checkout during the run must not change what is measured
cp "$ROOT"/core/target/glaze-core-*.jar "$WORK/glaze-core.jar"
CP="$WORK/glaze-core.jar:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" "$ROOT/bench/ClientBench.java"   # compiled once: no compiler in the measured JVMs
CP="$WORK/classes:$CP"

serve() { # PORT PROFILE DIR [TASK_DELAY] -> starts a service in the background
  JAVA_OPTS="-Xmx512m" "$ROOT/glaze" serve --profile "$2" --port "$1" --data "$3" --task-delay "${4:-0s}" \
    >"$3.out" 2>"$3.err" &
  pids+=("$!")
  for _ in $(seq 1 600); do grep -q listening "$3.out" 2>/dev/null && return 0; sleep 0.1; done
  cat "$3.err" >&2; exit 1
}

bench() { # MODE ARGS... -> "key=value" lines of ClientBench plus rss_kib and wall
  /usr/bin/time -f 'rss_kib=%M wall=%e' java -Xmx"$CLIENT_HEAP" -XX:+UseSerialGC -cp "$CP" ClientBench "$@" 2>&1
}
val() { grep "^$1=" | tail -n 1 | cut -d= -f2; }
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # command... -> wall seconds and peak RSS (KiB) of the command
  /usr/bin/time -f 'rss_kib=%M wall=%e' "$@" 2>&1 >/dev/null | tail -n 1
}

serve "$PORT" openstack "$WORK/emu"
URL=http://127.0.0.1:$PORT

# --- listing ------------------------------------------------------------------------------------------
log "seeding $IMAGES images"
"$PY" "$ROOT/bench/seed.py" "$URL" "$IMAGES" bench >/dev/null
declare -A list_ms list_heap list_rss list_req
for page in 200 1000; do
  ms=(); heap=(); rss=()
  for _ in $(seq 1 "$RUNS"); do
    out=$(bench list "$URL" "$page")
    [ "$(echo "$out" | val images)" = "$IMAGES" ] || { echo "$out" >&2; exit 1; }
    ms+=("$(echo "$out" | val ms)"); heap+=("$(echo "$out" | val peak_heap_mib)")
    rss+=("$(echo "$out" | grep -o 'rss_kib=[0-9]*' | cut -d= -f2)")
    list_req[$page]=$(echo "$out" | val requests)
  done
  list_ms[$page]=$(printf '%s\n' "${ms[@]}" | med)
  list_heap[$page]=$(printf '%s\n' "${heap[@]}" | med)
  list_rss[$page]=$(( $(printf '%s\n' "${rss[@]}" | med) / 1024 ))
done

# --- data ---------------------------------------------------------------------------------------------
log "image data: $DATA_MIB MiB"
head -c "$((DATA_MIB * 1024 * 1024))" /dev/urandom > "$WORK/source.bin"
out=$(bench upload "$URL" "$WORK/source.bin")
ID=$(echo "$out" | val id)
[ -n "$ID" ] || { echo "$out" >&2; exit 1; }
declare -a up_glaze up_rss dl_glaze dl_rss up_curl up_curl_rss dl_curl dl_curl_rss dl_raw up_raw dl_curl_sha
up_glaze+=("$(echo "$out" | val mib_per_s)"); up_rss+=("$(echo "$out" | grep -o 'rss_kib=[0-9]*' | cut -d= -f2)")
for _ in $(seq 1 "$RUNS"); do
  rm -f "$WORK/copy.bin"
  out=$(bench download "$URL" "$ID" "$WORK/copy.bin")
  [ "$(echo "$out" | val verified)" = sha512 ] || { echo "$out" >&2; exit 1; }
  cmp -s "$WORK/source.bin" "$WORK/copy.bin" || { echo "bench: the download differs" >&2; exit 1; }
  dl_glaze+=("$(echo "$out" | val mib_per_s)"); dl_rss+=("$(echo "$out" | grep -o 'rss_kib=[0-9]*' | cut -d= -f2)")
  rm -f "$WORK/copy.bin"
  t=$(timed curl -sf -o "$WORK/copy.bin" "$URL/v2/images/$ID/file")
  w=$(echo "$t" | grep -o 'wall=[0-9.]*' | cut -d= -f2)
  dl_curl+=("$(awk -v m="$DATA_MIB" -v w="$w" 'BEGIN {printf "%.0f", m / w}')")
  dl_curl_rss+=("$(echo "$t" | grep -o 'rss_kib=[0-9]*' | cut -d= -f2)")
  rm -f "$WORK/copy.bin"
  out=$(bench download "$URL" "$ID" "$WORK/copy.bin" noverify)
  dl_raw+=("$(echo "$out" | val mib_per_s)")
  rm -f "$WORK/copy.bin"
  s0=$(date +%s.%N)
  curl -sf "$URL/v2/images/$ID/file" | tee "$WORK/copy.bin" | sha512sum >/dev/null
  dl_curl_sha+=("$(awk -v m="$DATA_MIB" -v a="$s0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", m / (b - a)}')")
done
for run in $(seq 2 "$RUNS"); do
  out=$(bench upload "$URL" "$WORK/source.bin")
  up_glaze+=("$(echo "$out" | val mib_per_s)"); up_rss+=("$(echo "$out" | grep -o 'rss_kib=[0-9]*' | cut -d= -f2)")
done
for run in $(seq 1 "$RUNS"); do
  out=$(bench upload "$URL" "$WORK/source.bin" noverify)
  up_raw+=("$(echo "$out" | val mib_per_s)")
done
for _ in $(seq 1 "$RUNS"); do
  id=$(curl -sf -X POST "$URL/v2/images" -H 'Content-Type: application/json' \
       -d '{"name": "bench-curl", "disk_format": "raw", "container_format": "bare"}' | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  t=$(timed curl -sf -X PUT -H 'Content-Type: application/octet-stream' -T "$WORK/source.bin" "$URL/v2/images/$id/file")
  w=$(echo "$t" | grep -o 'wall=[0-9.]*' | cut -d= -f2)
  up_curl+=("$(awk -v m="$DATA_MIB" -v w="$w" 'BEGIN {printf "%.0f", m / w}')")
  up_curl_rss+=("$(echo "$t" | grep -o 'rss_kib=[0-9]*' | cut -d= -f2)")
done
m() { printf '%s\n' "$@" | med; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# --- awaits -------------------------------------------------------------------------------------------
AWAIT_ROWS=""
if grep -q '"await' "$ROOT/bench/ClientBench.java"; then
  serve "$TASK_PORT" rackspace "$WORK/emu-tasks" 1s   # each task step takes a second: several polls per task
  log "awaiting $TASKS tasks at once"
  out=$(bench awaits "http://127.0.0.1:$TASK_PORT" "$TASKS")
  echo "$out" | grep -q '^succeeded=' || { echo "$out" >&2; exit 1; }
  AWAIT_ROWS="| $TASKS import tasks awaited at once (awaitAll): succeeded / failed | $(echo "$out" | val succeeded) / $(echo "$out" | val failed) | |
| … wall time from the first POST to the summary | $(echo "$out" | val seconds) s | |
| … polling threads at most / JVM threads at most | $(echo "$out" | val poll_threads) / $(echo "$out" | val peak_threads) | |
| … polls per task, on average | $(echo "$out" | val polls_per_task) | |"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$ROOT/bench/results"
{
  echo "## glaze client library on the embedded service ($stamp; $(nproc) cores; medians of $RUNS runs)"
  echo
  echo "| measure | glaze | curl / note |"
  echo "|---|---|---|"
  for page in 200 1000; do
    echo "| list $IMAGES images, page size $page: time / requests | ${list_ms[$page]} ms / ${list_req[$page]} | |"
    echo "| … peak heap / peak RSS | ${list_heap[$page]} MiB / ${list_rss[$page]} MiB | |"
  done
  echo "| download $DATA_MIB MiB (streamed, sha512 verified), MiB/s | $(m "${dl_glaze[@]}") | curl $(m "${dl_curl[@]}"): **$(ratio "$(m "${dl_glaze[@]}")" "$(m "${dl_curl[@]}")")×** |"
  echo "| … peak RSS, MiB | $(( $(m "${dl_rss[@]}") / 1024 )) | curl $(( $(m "${dl_curl_rss[@]}") / 1024 )) |"
  echo "| … the same check by hand: \`curl | tee | sha512sum\`, MiB/s | $(m "${dl_glaze[@]}") | $(m "${dl_curl_sha[@]}"): **$(ratio "$(m "${dl_glaze[@]}")" "$(m "${dl_curl_sha[@]}")")×** |"
  echo "| download with verify: false, MiB/s | $(m "${dl_raw[@]}") | curl $(m "${dl_curl[@]}"): **$(ratio "$(m "${dl_raw[@]}")" "$(m "${dl_curl[@]}")")×** |"
  echo "| upload $DATA_MIB MiB (streamed, hashes compared), MiB/s | $(m "${up_glaze[@]}") | curl $(m "${up_curl[@]}"): **$(ratio "$(m "${up_glaze[@]}")" "$(m "${up_curl[@]}")")×** |"
  echo "| … peak RSS, MiB | $(( $(m "${up_rss[@]}") / 1024 )) | curl $(( $(m "${up_curl_rss[@]}") / 1024 )) |"
  echo "| upload with verify: false, MiB/s | $(m "${up_raw[@]}") | curl $(m "${up_curl[@]}"): **$(ratio "$(m "${up_raw[@]}")" "$(m "${up_curl[@]}")")×** |"
  [ -n "$AWAIT_ROWS" ] && echo "$AWAIT_ROWS"
} | tee "$ROOT/bench/results/client-$stamp.md"
