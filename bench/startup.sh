#!/usr/bin/env bash
# Start-up of a one-shot command: `glaze -e` against `openstack image list` and `glance image-list`, on the
# same embedded image service (openstack profile, 50 images), each a cold process. glaze twice: an expression
# run before (its compiled classes come from the script cache, as Python's come from __pycache__) and a new one
# (an empty cache each time: Groovy compiles it). Medians of BENCH_RUNS (default 5) runs, the four commands taking
# turns, after a warm-up of each and of the service; wall time and peak RSS from /usr/bin/time. Needs the openstack
# and glance clients (.ci/real-glance.sh install puts them there). Prints a Markdown table and writes it to
# bench/results/startup-<UTC stamp>.md. Not part of the test command.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
WORK=${BENCH_DIR:-/tmp/glaze-bench-startup}
PORT=${BENCH_STARTUP_PORT:-9561}
RUNS=${BENCH_RUNS:-5}
for tool in openstack glance /usr/bin/time /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
rm -rf "$WORK" && mkdir -p "$WORK/home"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

"$ROOT/glaze" serve --profile openstack --port "$PORT" --data "$WORK/emu" >"$WORK/serve.out" 2>"$WORK/serve.err" &
pids+=("$!")
for _ in $(seq 1 600); do grep -q listening "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=http://127.0.0.1:$PORT
/usr/bin/python3 "$ROOT/bench/seed.py" "$URL" 50 startup >/dev/null

# glanceclient 4.1 builds its options from a cached image schema and stops on one with "stores": seed the cache
# of the bench's HOME from the server, without it (as .ci/real-glance.sh does)
mkdir -p "$WORK/home/.glanceclient"
/usr/bin/python3 - "$URL" "$WORK/home/.glanceclient/image_schema.json" <<'PY'
import json, sys, urllib.request
schema = json.load(urllib.request.urlopen(sys.argv[1] + "/v2/schemas/image"))
schema["properties"].pop("stores", None)
json.dump(schema, open(sys.argv[2], "w"))
PY

# one command each; all print the 50 names (checked below)
# Java takes user.home from the password database, not HOME: glaze's caches and journal go under the bench's too
glaze_env() {
  env -u OS_CLOUD -u OS_AUTH_URL -u GLAZE_JAVA_OPTS HOME="$WORK/home" JAVA_OPTS="-Duser.home=$WORK/home" \
    OS_IMAGE_URL="$URL" OS_TOKEN=x "$@"
}
run_glaze()     { glaze_env GLAZE_SCRIPT_CACHE="$WORK/script-cache" "$ROOT/glaze" -e 'images*.name.join("\n")'; }
run_glaze_new() { rm -rf "$WORK/new-cache"; glaze_env GLAZE_SCRIPT_CACHE="$WORK/new-cache" "$ROOT/glaze" -e 'images*.name.join("\n")'; }
run_openstack() { env HOME="$WORK/home" openstack --os-auth-type none --os-endpoint "$URL" image list -f value -c Name; }
run_glance()    { env HOME="$WORK/home" glance --os-auth-token x --os-image-url "$URL" image-list; }

TOOLS=(glaze glaze_new openstack glance)
once() { # NAME -> appends "wall rss_kib" to $WORK/NAME.times
  local name=$1 out
  /usr/bin/time -o "$WORK/time" -f '%e %M' \
    bash -c "$(declare -f glaze_env "run_$name"); URL=$URL ROOT=$ROOT WORK=$WORK run_$name" >"$WORK/$name.out" 2>/dev/null
  [ "$(grep -c 'bench-000' "$WORK/$name.out")" -ge 1 ] || { echo "bench: $name printed no images" >&2; exit 1; }
  tail -n 1 "$WORK/time" >>"$WORK/$name.times"
}
median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
# Warm-up: page cache, the launcher's build check, and the service's own JIT (its first answers are slower, and
# its compiler threads would take CPU from whichever tool ran first). Then the tools take turns, run by run, so
# that whatever else the machine does meanwhile falls on all of them alike.
for name in "${TOOLS[@]}"; do "run_$name" >/dev/null 2>&1; done
/usr/bin/python3 - "$URL" <<'PY'
import sys, urllib.request
for _ in range(500):
    urllib.request.urlopen(sys.argv[1] + "/v2/images").read()
PY
for name in "${TOOLS[@]}"; do : >"$WORK/$name.times"; done
for _ in $(seq 1 "$RUNS"); do
  for name in "${TOOLS[@]}"; do once "$name"; done
done
read_medians() { # NAME -> "wall_s rss_mib"
  printf '%s %s\n' "$(cut -d' ' -f1 "$WORK/$1.times" | median)" "$(( $(cut -d' ' -f2 "$WORK/$1.times" | median) / 1024 ))"
}
read -r g_wall g_rss < <(read_medians glaze)
read -r n_wall n_rss < <(read_medians glaze_new)
read -r o_wall o_rss < <(read_medians openstack)
read -r c_wall c_rss < <(read_medians glance)
ratio() { awk -v a="$o_wall" -v b="$1" 'BEGIN {printf "%.2f", a / b}'; }
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$ROOT/bench/results"
{
  echo "## Start-up: list 50 images in a fresh process ($stamp; $(nproc) cores; medians of $RUNS runs)"
  echo
  echo "| command | wall | peak RSS | openstack / command |"
  echo "|---|---|---|---|"
  echo "| \`glaze -e 'images*.name'\`, run before | $g_wall s | $g_rss MiB | $(ratio "$g_wall")× |"
  echo "| \`glaze -e 'images*.name'\`, new expression | $n_wall s | $n_rss MiB | $(ratio "$n_wall")× |"
  echo "| \`openstack image list\` | $o_wall s | $o_rss MiB | 1.00× |"
  echo "| \`glance image-list\` | $c_wall s | $c_rss MiB | $(ratio "$c_wall")× |"
} | tee "$ROOT/bench/results/startup-$stamp.md"
