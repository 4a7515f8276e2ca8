#!/usr/bin/env bash
# End-to-end benchmark of the glaze image service against a real Glance, on this machine.
#
#   bench/run.sh            # full run: requests/s, 1 000-image listing, 1 GiB upload and download
#   BENCH_QUICK=1 bench/run.sh   # 3 s load runs and a 256 MiB data file, to check the script itself
#
# Needs: wrk, nginx (the plain file server baseline), curl, and the real Glance that
# .ci/real-glance.sh installs and starts. Prints a Markdown table and writes it to
# bench/results/<UTC timestamp>.md. Not part of the test command.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
WORK=${BENCH_DIR:-/tmp/glaze-bench}
EMU_PORT=${BENCH_EMU_PORT:-9511}
GLANCE_PORT=${BENCH_GLANCE_PORT:-9512}
NGINX_PORT=${BENCH_NGINX_PORT:-9513}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DATA_MIB=${BENCH_DATA_MIB:-1024}
if [ -n "${BENCH_QUICK:-}" ]; then DURATION=3s; DATA_MIB=256; fi
EMU_HEAP=${BENCH_EMU_HEAP:-128m}

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk nginx-light curl)" >&2; exit 2; }
done

rm -rf "$WORK" && mkdir -p "$WORK"/{emu,nginx/files,nginx/tmp}
chmod 1777 "$WORK/nginx/files" "$WORK/nginx/tmp"   # nginx's workers drop to an unprivileged user
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  GLANCE_PEER_DIR="$WORK/glance" "$ROOT/.ci/real-glance.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

log() { echo "bench: $*" >&2; }

# --- servers ------------------------------------------------------------------------------------
log "starting the glaze image service (openstack profile, heap ${EMU_HEAP}) on $EMU_PORT"
JAVA_OPTS="-Xmx$EMU_HEAP -Xlog:gc:file=$WORK/gc.log" "$ROOT/glaze" serve --profile openstack --port "$EMU_PORT" --data "$WORK/emu" \
  > "$WORK/emu.out" 2> "$WORK/emu.err" &
emu_pid=$!; pids+=("$emu_pid")
for _ in $(seq 1 600); do grep -q listening "$WORK/emu.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$WORK/emu.out" || { cat "$WORK/emu.err" >&2; exit 1; }
EMU=http://127.0.0.1:$EMU_PORT
emu_jvm=$emu_pid   # the launcher execs java: same pid

log "starting a real Glance on $GLANCE_PORT"
GLANCE=$(GLANCE_PEER_DIR="$WORK/glance" "$ROOT/.ci/real-glance.sh" start "$GLANCE_PORT")

sed -e "s#NGINX_DIR#$WORK/nginx#g" -e "s#NGINX_PORT#$NGINX_PORT#g" "$ROOT/bench/nginx.conf" > "$WORK/nginx/nginx.conf"
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
pids+=("$!")
NGINX=http://127.0.0.1:$NGINX_PORT
sleep 0.5

# --- request rates ------------------------------------------------------------------------------
rps() { # URL -> requests per second
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H 'Accept: application/json' "$1" | awk '/Requests\/sec/ {print $2}'
}

log "seeding 1 000 images on each"
emu_id=$(/usr/bin/python3 "$ROOT/bench/seed.py" "$EMU" 1000 bench)
glance_id=$(/usr/bin/python3 "$ROOT/bench/seed.py" "$GLANCE" 1000 bench)

log "GET /v2/images/{id} ($DURATION, $CONNECTIONS connections)"
emu_get=$(rps "$EMU/v2/images/$emu_id"); glance_get=$(rps "$GLANCE/v2/images/$glance_id")
log "GET /v2/images?limit=1000"
emu_list=$(rps "$EMU/v2/images?limit=1000"); glance_list=$(rps "$GLANCE/v2/images?limit=1000")

# --- data ---------------------------------------------------------------------------------------
log "making a ${DATA_MIB} MiB data file"
head -c "$((DATA_MIB * 1024 * 1024))" /dev/urandom > "$WORK/data.bin"
cat "$WORK/data.bin" > /dev/null  # warm the page cache for every contender alike

create() { # URL -> id of a new raw/bare image
  curl -sf -X POST "$1/v2/images" -H 'Content-Type: application/json' \
    -d '{"name":"bench-data","disk_format":"raw","container_format":"bare"}' | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
mib_per_s() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
upload() { # URL -> bytes/s; fails unless the server took it all
  curl -sSf -o /dev/null -w '%{speed_upload}' -X PUT -H 'Content-Type: application/octet-stream' -T "$WORK/data.bin" "$1" \
    || { log "upload to $1 failed"; return 1; }
}
download() { # URL -> bytes/s, timed to /dev/null; then checked byte for byte in a second, untimed read
  local got
  got=$(curl -sSf -o /dev/null -w '%{speed_download}' "$1") || { log "download from $1 failed"; return 1; }
  curl -sSf "$1" | cmp -s - "$WORK/data.bin" || { log "download from $1 differs from what was uploaded"; return 1; }
  echo "$got"
}

gc_lines_before=$(wc -l < "$WORK/gc.log")
log "upload and download through the emulator"
id=$(create "$EMU")
emu_up=$(upload "$EMU/v2/images/$id/file"); emu_up=$(mib_per_s "$emu_up")
emu_down=$(download "$EMU/v2/images/$id/file"); emu_down=$(mib_per_s "$emu_down")
gc_lines_after=$(wc -l < "$WORK/gc.log")
log "upload and download through the real Glance"
id=$(create "$GLANCE")
glance_up=$(upload "$GLANCE/v2/images/$id/file"); glance_up=$(mib_per_s "$glance_up")
glance_down=$(download "$GLANCE/v2/images/$id/file"); glance_down=$(mib_per_s "$glance_down")
log "upload and download through nginx (plain file server)"
nginx_up=$(upload "$NGINX/data.bin"); nginx_up=$(mib_per_s "$nginx_up")
nginx_down=$(download "$NGINX/data.bin"); nginx_down=$(mib_per_s "$nginx_down")

# The heap in use before each collection during the transfers (from the GC log: "23M->5M(128M)"), at its highest.
heap_max=$(sed -n "$((gc_lines_before + 1)),${gc_lines_after}p" "$WORK/gc.log" | { grep -o '[0-9]*M->' || true; } | tr -d 'M>-' | sort -n | tail -1)
gcs=$((gc_lines_after - gc_lines_before))
rss=$(ps -o rss= -p "$emu_jvm" | tr -d ' ')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$ROOT/bench/results"
{
  echo "| measure | glaze emulator | real Glance | nginx | emulator / Glance | emulator / nginx |"
  echo "|---|---|---|---|---|---|"
  echo "| GET /v2/images/{id}, requests/s | $emu_get | $glance_get | | $(ratio "$emu_get" "$glance_get") | |"
  echo "| GET /v2/images?limit=1000 (1 000 images), requests/s | $emu_list | $glance_list | | $(ratio "$emu_list" "$glance_list") | |"
  echo "| upload ${DATA_MIB} MiB, MiB/s | $emu_up | $glance_up | $nginx_up | $(ratio "$emu_up" "$glance_up") | $(ratio "$emu_up" "$nginx_up") |"
  echo "| download ${DATA_MIB} MiB, MiB/s | $emu_down | $glance_down | $nginx_down | $(ratio "$emu_down" "$glance_down") | $(ratio "$emu_down" "$nginx_down") |"
  echo
  echo "Emulator heap (-Xmx$EMU_HEAP): at most ${heap_max:-(no collection needed)} MiB in use (before any of the $gcs collections while ${DATA_MIB} MiB moved up and down); RSS after $((rss / 1024)) MiB."
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION, curl for data; $(nproc) cores; $(date -u +%Y-%m-%d)."
} | tee "$ROOT/bench/results/$stamp.md"
