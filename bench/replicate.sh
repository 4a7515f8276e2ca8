#!/usr/bin/env bash
# End-to-end benchmark of glaze's replication between regions, on the embedded image service, on this machine.
#
#   bench/replicate.sh                # 20 images of 256 MiB from DFW to ORD, IAD and HKG, then the same again
#   BENCH_QUICK=1 bench/replicate.sh  # 3 images of 8 MiB: to check the script itself
#
# Starts `./glaze serve --profile rackspace --regions DFW,ORD,IAD,HKG --task-delay 0s` (each task step starts at
# once: the figures are the work, not the pauses meant for watching states) with --data in a work folder, seeds the
# source region DFW with images of random data (different for each, so every hash differs) through curl, then runs
# bench/ReplicateBench.java in its own JVM (the library and the rackspace plugin, as the shell has them; -Xmx256m;
# under /usr/bin/time for the wall time and peak RSS): the images whose names start with the prefix, replicated
# with concurrency N to the three other regions, as `images.findAll { ... }.replicate(to: ['ORD', 'IAD', 'HKG'],
# concurrency: N)` does. On Rackspace a copy is an export task in the source region, the exported object streamed
# through the client into each target's Cloud Files, and an import task there. Then, in a fresh JVM, every target image is checked against its source (one per name,
# active, same size, MD5, SHA-512, tags, property) and the MD5s against those of the seeded files. A second run must
# find everything identical and copy nothing. Requests are counted from the library's HTTP log, bytes from the
# client's /proc/self/io, CPU time from /usr/bin/time and the service's /proc/PID/stat. Needs curl, md5sum, java, mvn, /usr/bin/time and /usr/bin/python3. Prints a Markdown table
# and writes it, with the run's summary tables, to bench/results/replicate-<UTC stamp>.md. Not part of the test
# command.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
WORK=${BENCH_DIR:-/tmp/glaze-bench-replicate}
PORT=${BENCH_REPLICATE_PORT:-9541}
IMAGES=${BENCH_IMAGES:-20}
DATA_MIB=${BENCH_DATA_MIB:-256}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
if [ -n "${BENCH_QUICK:-}" ]; then IMAGES=3; DATA_MIB=8; fi
SOURCE=DFW
TARGETS=ORD,IAD,HKG
PREFIX=bench-replicate-
CLIENT_HEAP=${BENCH_CLIENT_HEAP:-256m}
EMU_HEAP=${BENCH_EMU_HEAP:-256m}
PY=/usr/bin/python3

for tool in curl md5sum java javac mvn "$PY" /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
# the source, its exports (kept until the run ends), the three copies and a few objects in flight, with room to spare
need_mib=$((IMAGES * DATA_MIB * 6 + 1024))
free_mib=$(df -Pm "$WORK" | awk 'NR == 2 { print $4 }')
[ "$free_mib" -ge "$need_mib" ] || die "$WORK has $free_mib MiB free; the run needs about $need_mib MiB"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK/emu" "$WORK"/*.bin "$WORK"/*.jar "$WORK/classes"   # gigabytes; the logs and the reports stay
}
trap cleanup EXIT

log "building (core and the launcher)"
(cd "$ROOT" && mvn -B -q -ntp -DskipTests package >"$WORK/build.log" 2>&1 && \
  mvn -B -q -ntp dependency:build-classpath -pl core -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime \
  >>"$WORK/build.log" 2>&1) || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
# a copy of the library: a build in the checkout during the run must not change what is measured
cp "$ROOT"/core/target/glaze-core-*.jar "$WORK/glaze-core.jar"
# and the rackspace plugin, as the shell has it: it checks Cloud Files imports (the object exists, starts like a VHD)
cp "$ROOT"/plugins/rackspace/target/glaze-plugin-rackspace-*.jar "$WORK/glaze-plugin-rackspace.jar"
CP="$WORK/glaze-core.jar:$WORK/glaze-plugin-rackspace.jar:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" "$ROOT/bench/ReplicateBench.java"   # compiled once: no compiler in the measured JVM
CP="$WORK/classes:$CP"

# --- the service --------------------------------------------------------------------------------------
log "starting the glaze image service (rackspace, regions $SOURCE,$TARGETS, --task-delay 0s, heap $EMU_HEAP) on $PORT"
JAVA_OPTS="-Xmx$EMU_HEAP -Xlog:gc:file=$WORK/emu-gc.log" "$ROOT/glaze" serve --profile rackspace \
  --regions "$SOURCE,$TARGETS" --task-delay 0s --port "$PORT" --data "$WORK/emu" >"$WORK/emu.out" 2>"$WORK/emu.err" &
emu_pid=$!; pids+=("$emu_pid")   # the launcher execs java: the same pid
for _ in $(seq 1 900); do grep -q listening "$WORK/emu.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$WORK/emu.out" || { cat "$WORK/emu.err" >&2; die "the service did not start"; }
URL=http://127.0.0.1:$PORT
SRC_URL=$URL/$SOURCE/v2

field() { # JSON on stdin, key -> value
  "$PY" -c 'import json,sys; v = json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"
}

# --- seeding ------------------------------------------------------------------------------------------
log "seeding $IMAGES images of $DATA_MIB MiB of random data in $SOURCE"
: >"$WORK/seeded.md5"
t0=$(date +%s.%N)
for i in $(seq -w 1 "$IMAGES"); do
  name=$PREFIX$i
  # random data after the cookie a dynamic VHD starts with (the plugin checks an import's first 8 bytes)
  { printf conectix; head -c "$((DATA_MIB * 1024 * 1024 - 8))" /dev/urandom; } >"$WORK/seed.bin"
  md5=$(md5sum "$WORK/seed.bin" | cut -d' ' -f1)
  id=$(curl -sSf -X POST "$SRC_URL/images" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$name\", \"disk_format\": \"vhd\", \"container_format\": \"ovf\", \"tags\": [\"bench\"],
         \"bench_index\": \"$i\", \"min_disk\": 20}" | field id) || die "POST $SRC_URL/images failed"
  curl -sSf -X PUT -H 'Content-Type: application/octet-stream' -T "$WORK/seed.bin" "$SRC_URL/images/$id/file" \
    || die "upload of $name failed"
  got=$(curl -sSf "$SRC_URL/images/$id" | field checksum)
  [ "$got" = "$md5" ] || die "$name has checksum '$got', not the md5 $md5 of its data"
  echo "$name $md5" >>"$WORK/seeded.md5"
done
rm -f "$WORK/seed.bin"
seed_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
[ "$(sort -u -k2,2 "$WORK/seeded.md5" | wc -l)" = "$IMAGES" ] || die "two seeded images have the same data"

# --- the runs -----------------------------------------------------------------------------------------
disk_max=0
sample_disk() { # background: the work folder's size at most, in MiB, every 2 s
  local max=0 now
  while :; do
    now=$(du -sm "$WORK/emu" 2>/dev/null | cut -f1 || echo 0)
    [ "$now" -gt "$max" ] && max=$now && echo "$max" >"$WORK/disk.max"
    sleep 2
  done
}
emu_cpu() { awk '{ print $14 + $15 }' "/proc/$emu_pid/stat"; }            # the service's user + system ticks
emu_written() { awk '/^write_bytes/ { print $2 }' "/proc/$emu_pid/io"; }   # what it sent to the disk
val() { grep "^$1=" "$2" | tail -n 1 | cut -d= -f2-; }
run() { # N -> runs the client once; its key=value lines in $WORK/run-N.out, the report in $WORK/report-N.txt
  local n=$1
  log "run $n: replicating to $TARGETS with concurrency $CONCURRENCY (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "$(cut -d' ' -f1 /proc/loadavg)" >"$WORK/load-$n.before"
  local cpu0 cpu1 io0 io1
  cpu0=$(emu_cpu); io0=$(emu_written)
  /usr/bin/time -f 'rss_kib=%M wall=%e user=%U sys=%S' java -Xmx"$CLIENT_HEAP" -XX:+UseSerialGC -cp "$CP" ReplicateBench replicate \
    "$URL" "$SOURCE" "$TARGETS" "$PREFIX" "$CONCURRENCY" "$WORK/report-$n.txt" >"$WORK/run-$n.out" 2>"$WORK/run-$n.err" \
    || { cat "$WORK/run-$n.out" "$WORK/run-$n.err" >&2; die "run $n failed"; }
  cpu1=$(emu_cpu); io1=$(emu_written)
  grep -o 'rss_kib=[0-9]* wall=[0-9.]* user=[0-9.]* sys=[0-9.]*' "$WORK/run-$n.err" | tr ' ' '\n' >>"$WORK/run-$n.out"
  echo "emu_cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (b - a) / t }')" \
    >>"$WORK/run-$n.out"
  echo "emu_written=$((io1 - io0))" >>"$WORK/run-$n.out"
  echo "$(cut -d' ' -f1 /proc/loadavg)" >"$WORK/load-$n.after"
  [ "$(val ok "$WORK/run-$n.out")" = true ] || { cat "$WORK/run-$n.out" "$WORK/report-$n.txt" >&2; die "run $n: a row failed"; }
  [ "$(val rows "$WORK/run-$n.out")" = "$((IMAGES * 3))" ] || die "run $n: $(val rows "$WORK/run-$n.out") rows, not $((IMAGES * 3))"
}
verify() { # checks every copy in a fresh JVM, and the MD5s against the seeded files
  java -Xmx"$CLIENT_HEAP" -XX:+UseSerialGC -cp "$CP" ReplicateBench verify "$URL" "$SOURCE" "$TARGETS" "$PREFIX" \
    >"$WORK/verify.out" 2>&1 || { cat "$WORK/verify.out" >&2; die "verification failed to run"; }
  if grep -q '^problem=' "$WORK/verify.out"; then grep '^problem=' "$WORK/verify.out" >&2; die "copies differ"; fi
  [ "$(val copies_verified "$WORK/verify.out")" = "$((IMAGES * 3))" ] || { cat "$WORK/verify.out" >&2; die "not every copy verified"; }
  diff <(sort "$WORK/seeded.md5") <(grep '^md5 ' "$WORK/verify.out" | cut -d' ' -f2,3 | sort) >&2 \
    || die "the source images' MD5s are not those of the seeded data"
}

sample_disk & pids+=("$!")
emu_hwm_before=$(awk '/^VmHWM/ { print $2 }' "/proc/$emu_pid/status")
run 1
[ "$(val copied "$WORK/run-1.out")" = "$((IMAGES * 3))" ] || die "run 1 copied $(val copied "$WORK/run-1.out"), not $((IMAGES * 3))"
verify
emu_hwm_1=$(awk '/^VmHWM/ { print $2 }' "/proc/$emu_pid/status")
leftover=$(find "$WORK/emu" -path '*objects*' -type f -name '*.vhd' 2>/dev/null | wc -l)
run 2
[ "$(val skipped "$WORK/run-2.out")" = "$((IMAGES * 3))" ] || die "run 2 skipped $(val skipped "$WORK/run-2.out"), not $((IMAGES * 3))"
verify
emu_hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$emu_pid/status")
emu_threads=$(awk '/^Threads/ { print $2 }' "/proc/$emu_pid/status")
disk_max=$(cat "$WORK/disk.max" 2>/dev/null || echo 0)
# the service's heap at most: the largest "before" figure of its GC log (G1: "Pause Young ... 123M->45M(256M)"),
# and the largest after a young collection (what it kept: the 1 MiB buffers of the transfers in flight, and old data
# not yet collected)
emu_heap=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/emu-gc.log" | cut -dM -f1 | sort -n | tail -n 1)
emu_live=$(grep 'Pause Young' "$WORK/emu-gc.log" | grep -o '[0-9]*M->[0-9]*M' | cut -d'>' -f2 | tr -d M | sort -n \
  | tail -n 1)

# --- the table ----------------------------------------------------------------------------------------
r() { val "$1" "$WORK/run-$2.out"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
gib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1073741824 }'; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / 1048576 / s; else print "n/a" }'; }
total_bytes=$(( $(r image_bytes 1) * 3 ))
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$ROOT/bench/results"
{
  echo "## Replication of $IMAGES images of $DATA_MIB MiB from $SOURCE to $TARGETS ($stamp; $(nproc) cores)"
  echo
  echo "| measure | first run (copies) | second run (identical) |"
  echo "|---|---|---|"
  echo "| plugins of the client | $(r plugins 1) | $(r plugins 2) |"
  echo "| rows: copied / skipped / failed | $(r copied 1) / $(r skipped 1) / $(r failed 1) | $(r copied 2) / $(r skipped 2) / $(r failed 2) |"
  echo "| replication, listing included, s | $(r seconds 1) | $(r seconds 2) |"
  echo "| … image data delivered ($IMAGES × $DATA_MIB MiB × 3), MiB/s | $(rate "$total_bytes" "$(r seconds 1)") ($(gib "$total_bytes") GiB) | |"
  echo "| client JVM from start to exit, s | $(r wall 1) | $(r wall 2) |"
  echo "| client peak RSS / peak heap (-Xmx$CLIENT_HEAP, serial GC), MiB | $(( $(r rss_kib 1) / 1024 )) / $(r peak_heap_mib 1) | $(( $(r rss_kib 2) / 1024 )) / $(r peak_heap_mib 2) |"
  echo "| CPU time: client (user + system) / service, s | $(awk -v u="$(r user 1)" -v s="$(r sys 1)" 'BEGIN { printf "%.0f", u + s }') / $(r emu_cpu 1) | $(awk -v u="$(r user 2)" -v s="$(r sys 2)" 'BEGIN { printf "%.1f", u + s }') / $(r emu_cpu 2) |"
  echo "| service writes to the disk (write_bytes), GiB | $(gib "$(r emu_written 1)") | $(gib "$(r emu_written 2)") |"
  echo "| client threads at most | $(r peak_threads 1) | $(r peak_threads 2) |"
  echo "| HTTP requests by the client (not 2xx) | $(r requests 1) ($(r not_2xx 1)) | $(r requests 2) ($(r not_2xx 2)) |"
  echo "| … by kind | $(r requests_by_kind 1) | $(r requests_by_kind 2) |"
  echo "| … not 2xx | $(r not_2xx_by_kind 1) | $(r not_2xx_by_kind 2) |"
  echo "| bytes through the client: read / written (rchar / wchar) | $(gib "$(r rchar 1)") / $(gib "$(r wchar 1)") GiB | $(mib "$(r rchar 2)") / $(mib "$(r wchar 2)") MiB |"
  echo "| service peak RSS (-Xmx$EMU_HEAP): after seeding / after run 1 / at the end, MiB | $((emu_hwm_before / 1024)) / $((emu_hwm_1 / 1024)) / $((emu_hwm / 1024)) | |"
  echo "| service heap at most: before a GC / after a young GC (its GC log), MiB | ${emu_heap:-n/a} / ${emu_live:-n/a} | |"
  echo "| service threads at the end | $emu_threads | |"
  echo "| service data folder at most (sampled every 2 s), GiB | $(awk -v m="$disk_max" 'BEGIN { printf "%.1f", m / 1024 }') | |"
  echo "| export objects left in the stores after run 1 | $leftover | |"
  echo "| copies verified (one per name, active, size, MD5, SHA-512, tags, property) | $(( IMAGES * 3 )) of $(( IMAGES * 3 )) | $(( IMAGES * 3 )) of $(( IMAGES * 3 )) |"
  echo "| load average (1 min) before / after | $(cat "$WORK/load-1.before") / $(cat "$WORK/load-1.after") | $(cat "$WORK/load-2.before") / $(cat "$WORK/load-2.after") |"
  echo
  echo "Seeding ($IMAGES uploads by curl, data from /dev/urandom) took ${seed_s} s; concurrency $CONCURRENCY; --task-delay 0s; $(date -u +%Y-%m-%d)."
  echo
  echo "### The first run's report"
  echo
  echo '```'
  cat "$WORK/report-1.txt"
  echo '```'
  echo
  echo "### The second run's report"
  echo
  echo '```'
  cat "$WORK/report-2.txt"
  echo '```'
} | tee "$ROOT/bench/results/replicate-$stamp.md"
