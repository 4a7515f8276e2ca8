#!/usr/bin/env bash
# End-to-end benchmark of the glaze image service's import and export tasks (rackspace profile), on this machine.
#
#   bench/tasks.sh                  # full run: 1 GiB import and export through tasks, 1 000 concurrent small imports
#   BENCH_QUICK=1 bench/tasks.sh    # 64 MiB and 100 tasks, to check the script itself
#
# Starts `./glaze serve --profile rackspace --task-delay 0s` (each task step starts at once, so the figures are the
# service's own work, not the waits that let people watch the states change) with --data in a work folder, and:
#   1. uploads a random object to Cloud Files, imports it as an image through a task, checks the image's checksum;
#   2. exports that image through a task to a container, downloads the object and compares it byte for byte;
#   3. creates 1 000 import tasks of a small object from 50 threads over keep-alive connections (bench/tasks_load.py),
#      polls them until all have ended, and samples the service's thread count.
# Needs curl, md5sum, cmp and /usr/bin/python3. Prints a Markdown table and writes it to bench/results/<stamp>.md.
# Not part of the test command.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
WORK=${BENCH_DIR:-/tmp/glaze-bench-tasks}
PORT=${BENCH_TASKS_PORT:-9514}
TASK_DELAY=${BENCH_TASK_DELAY:-0s}
DATA_MIB=${BENCH_DATA_MIB:-1024}
TASKS=${BENCH_TASKS:-1000}
THREADS=${BENCH_THREADS:-50}
SMALL_MIB=${BENCH_SMALL_MIB:-1}
if [ -n "${BENCH_QUICK:-}" ]; then DATA_MIB=64; TASKS=100; fi
EMU_HEAP=${BENCH_EMU_HEAP:-256m}
PY=/usr/bin/python3

for tool in curl md5sum cmp "$PY"; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

rm -rf "$WORK" && mkdir -p "$WORK/emu"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK/emu" "$WORK"/*.bin   # gigabytes; the logs stay
}
trap cleanup EXIT

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
mib_per_s() { awk -v mib="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", mib / s; else print "n/a" }'; }
field() { # JSON on stdin, dotted path -> value ("" when absent)
  "$PY" -c 'import json,sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$1"
}

# --- the service --------------------------------------------------------------------------------
log "starting the glaze image service (rackspace profile, --task-delay $TASK_DELAY, heap $EMU_HEAP) on $PORT"
JAVA_OPTS="-Xmx$EMU_HEAP" "$ROOT/glaze" serve --profile rackspace --task-delay "$TASK_DELAY" --port "$PORT" \
  --data "$WORK/emu" > "$WORK/emu.out" 2> "$WORK/emu.err" &
emu_pid=$!; pids+=("$emu_pid")   # the launcher execs java: the same pid
for _ in $(seq 1 900); do grep -q listening "$WORK/emu.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$WORK/emu.out" || { cat "$WORK/emu.err" >&2; die "the service did not start"; }
URL=http://127.0.0.1:$PORT
ACCOUNT=$URL/v1/AUTH_local

put_container() { # name; 201 or 202
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT "$ACCOUNT/$1")
  [ "$code" = 201 ] || [ "$code" = 202 ] || die "PUT container $1 answered $code"
}
post_task() { # JSON body -> task id
  local answer
  answer=$(curl -sSf -X POST "$URL/v2/tasks" -H 'Content-Type: application/json' -d "$1") \
    || die "POST /v2/tasks failed: $1"
  echo "$answer" | field id
}
await_task() { # id -> the finished task's JSON; fails unless it succeeded
  local task status
  while :; do
    task=$(curl -sSf "$URL/v2/tasks/$1") || die "GET /v2/tasks/$1 failed"
    status=$(echo "$task" | field status)
    case "$status" in
      success) echo "$task"; return 0 ;;
      failure) die "task $1 failed: $(echo "$task" | field message)" ;;
      pending|processing) sleep 0.05 ;;
      *) die "task $1 has status '$status'" ;;
    esac
  done
}

# --- 1. import ----------------------------------------------------------------------------------
log "making a ${DATA_MIB} MiB random file"
head -c "$((DATA_MIB * 1024 * 1024))" /dev/urandom > "$WORK/data.bin"
data_md5=$(md5sum "$WORK/data.bin" | cut -d' ' -f1)

put_container imports
log "uploading it to Cloud Files (PUT /v1/AUTH_local/imports/data.vhd)"
t0=$(now)
etag=$(curl -sSf -X PUT -T "$WORK/data.bin" -H 'Content-Type: application/octet-stream' -D - -o /dev/null \
  "$ACCOUNT/imports/data.vhd" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }') \
  || die "object upload failed"
t1=$(now)
[ "$etag" = "$data_md5" ] || die "the object's ETag $etag is not the file's md5 $data_md5"
upload_s=$(elapsed "$t0" "$t1")

log "importing it through a task"
t0=$(now)
task=$(post_task '{"type": "import", "input": {"import_from": "imports/data.vhd", "import_from_format": "vhd",
  "image_properties": {"name": "bench-import"}}}')
done_task=$(await_task "$task")
t1=$(now)
import_s=$(elapsed "$t0" "$t1")
image=$(echo "$done_task" | field result.image_id)
[ -n "$image" ] || die "the import task has no result.image_id: $done_task"
image_json=$(curl -sSf "$URL/v2/images/$image") || die "GET /v2/images/$image failed"
[ "$(echo "$image_json" | field checksum)" = "$data_md5" ] || die "the image's checksum is not the file's md5: $image_json"
[ "$(echo "$image_json" | field size)" = "$((DATA_MIB * 1024 * 1024))" ] || die "the image's size is wrong: $image_json"
[ "$(echo "$image_json" | field status)" = active ] || die "the image is not active: $image_json"

# --- 2. export ----------------------------------------------------------------------------------
put_container exports
log "exporting the image through a task"
t0=$(now)
task=$(post_task "{\"type\": \"export\", \"input\": {\"image_uuid\": \"$image\", \"receiving_swift_container\": \"exports\"}}")
done_task=$(await_task "$task")
t1=$(now)
export_s=$(elapsed "$t0" "$t1")
location=$(echo "$done_task" | field result.export_location)
[ "$location" = "exports/$image.vhd" ] || die "export_location is '$location', not exports/$image.vhd"
log "downloading the exported object and comparing it"
t0=$(now)
curl -sSf "$ACCOUNT/$location" -o "$WORK/exported.bin" || die "download of $location failed"
t1=$(now)
download_s=$(elapsed "$t0" "$t1")
cmp -s "$WORK/exported.bin" "$WORK/data.bin" || die "the exported object differs from the imported file"
rm -f "$WORK/exported.bin"

# --- 3. many small imports at once ---------------------------------------------------------------
log "uploading a ${SMALL_MIB} MiB object, then $TASKS import tasks from $THREADS threads"
head -c "$((SMALL_MIB * 1024 * 1024))" /dev/urandom > "$WORK/small.bin"
put_container small
curl -sSf -X PUT -T "$WORK/small.bin" -o /dev/null "$ACCOUNT/small/small.vhd" || die "small object upload failed"
load=$("$PY" "$ROOT/bench/tasks_load.py" "$URL" "$emu_pid" small/small.vhd "$TASKS" "$THREADS") \
  || die "the load generator failed: $load"
get() { echo "$load" | field "$1"; }
[ "$(get created)" = "$TASKS" ] && [ "$(get success)" = "$TASKS" ] && [ "$(get failure)" = 0 ] \
  || die "not every task succeeded: $load"
small_md5=$(md5sum "$WORK/small.bin" | cut -d' ' -f1)
active=$(curl -sSf "$URL/v2/images?limit=1000&status=active&name=load-0000" | "$PY" -c '
import json, sys; imgs = json.load(sys.stdin)["images"]; print(sum(1 for i in imgs if i["checksum"] == sys.argv[1]))' "$small_md5")
[ "$active" = 1 ] || die "the image of the first small import is missing or has the wrong checksum"
rss=$(ps -o rss= -p "$emu_pid" | tr -d ' ')

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$ROOT/bench/results"
{
  echo "| measure | glaze emulator (rackspace, --task-delay $TASK_DELAY) |"
  echo "|---|---|"
  echo "| upload ${DATA_MIB} MiB object to Cloud Files (PUT /v1/...), s | $upload_s ($(mib_per_s "$DATA_MIB" "$upload_s") MiB/s) |"
  echo "| import task of it, POST to success, s | $import_s ($(mib_per_s "$DATA_MIB" "$import_s") MiB/s), checksum = md5 |"
  echo "| export task of the image, POST to success, s | $export_s ($(mib_per_s "$DATA_MIB" "$export_s") MiB/s) |"
  echo "| download the exported object, s | $download_s ($(mib_per_s "$DATA_MIB" "$download_s") MiB/s), same bytes |"
  echo "| $TASKS import tasks of ${SMALL_MIB} MiB from $THREADS threads: creations/s | $(get creations_per_s) ($(get created) in $(get created_in_s) s) |"
  echo "| creation latency p50 / p99, ms | $(get p50_ms) / $(get p99_ms) |"
  echo "| first POST until every task ended, s | $(get all_ended_in_s) |"
  echo "| polls (GET /v2/tasks/{id}) | $(get polls) |"
  echo "| tasks succeeded / failed | $(get success) / $(get failure) |"
  echo "| service threads before / at most during the run | $(get threads_before) / $(get threads_max) |"
  echo
  echo "Emulator heap -Xmx$EMU_HEAP, RSS after $((rss / 1024)) MiB; curl for data; the load generator sweeps over the unfinished tasks 50 ms apart;" \
    "$(nproc) cores; $(date -u +%Y-%m-%d)."
} | tee "$ROOT/bench/results/tasks-$stamp.md"
