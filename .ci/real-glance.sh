#!/usr/bin/env bash
# real-glance.sh -- run a REAL OpenStack Glance (image service, v2 API) on 127.0.0.1,
# without Keystone, to check a client or an emulator against the real thing.
#
# Uses Debian's packaged Glance (glance-api 2:25.x = OpenStack Zed, Debian 12): sqlite database,
# file store, legacy tasks API and interoperable import (glance-direct, web-download) enabled.
# Keystone is replaced by a small paste filter (real-glance/glance_peer_auth.py) that gives every
# request the project "peer-project", user "peer-user", roles "admin,member,reader"; a request may
# override them with X-Project-Id / X-User-Id / X-Roles headers.
#
# Usage:
#   real-glance.sh install        install the packages (root or sudo; apt, ~90 s the first time;
#                                 quick no-op when already installed). Output: DIR/apt-install.log
#   real-glance.sh start [PORT]   (install if needed,) write a fresh config/state under DIR, start
#                                 glance-api in the background and wait until it answers; prints one
#                                 line on stdout: the endpoint, e.g. http://127.0.0.1:9393
#                                 Default PORT 9393. Refuses if the port is already taken.
#   real-glance.sh stop           stop the instance started from DIR (only the stored pid)
#   real-glance.sh status         print url, pid, state dir and the HOME to use for the glance CLI;
#                                 exit status 3 when not running
#
# Environment:
#   GLANCE_PEER_DIR              state dir (config, sqlite db, images, logs, pid); default /tmp/glance-peer.
#                                `start` wipes the previous state in it.
#   GLANCE_PEER_TOKEN            if set, every /v2 request needs "X-Auth-Token: <value>", otherwise
#                                401 with a Keystone-shaped JSON body (/ and /healthcheck stay open).
#                                Keep it to letters and digits: glanceclient rejects a token with '%'.
#   GLANCE_PEER_IMAGE_SIZE_CAP   Glance's image_size_cap in bytes (default 1099511627776 = 1 TiB)
#   GLANCE_PEER_IMPORT_HOSTS     extra hosts (comma separated) allowed as web-download / task import
#                                sources; 127.0.0.1 and localhost are always allowed, on any port
#
# Clients (no Keystone):
#   openstack --os-auth-type none --os-endpoint http://127.0.0.1:9393 image list
#   openstack --os-auth-type admin_token --os-endpoint http://127.0.0.1:9393/v2 --os-token TOKEN image list
#   HOME=DIR/cli-home glance --os-image-url http://127.0.0.1:9393 --os-auth-token x image-list
#   (python3-glanceclient 4.1 chokes on the cached Zed image schema -- "conflicting option string:
#   --stores" -- so `start` pre-seeds DIR/cli-home/.glanceclient with the schema minus "stores".)
#
# Logs: DIR/log/glance-api.log (server), DIR/log/stdout.log, DIR/log/db_sync.log.

set -euo pipefail

readonly PACKAGES=(glance-api python3-glanceclient python3-openstackclient)
readonly PY=/usr/bin/python3
readonly GLANCE_API=/usr/bin/glance-api
readonly GLANCE_MANAGE=/usr/bin/glance-manage
readonly DEFAULT_PORT=9393
readonly START_TIMEOUT=60

ASSETS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/real-glance"
DIR="${GLANCE_PEER_DIR:-/tmp/glance-peer}"
DIR="${DIR%/}"
PIDFILE="$DIR/glance-api.pid"
PORTFILE="$DIR/port"
CONF="$DIR/etc/glance-api.conf"

log() { printf 'real-glance: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

tail_logs() {
    local f
    for f in "$@"; do
        if [ -s "$f" ]; then
            printf -- '----- last lines of %s -----\n' "$f" >&2
            tail -n 40 "$f" >&2
        fi
    done
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "root (or sudo) is needed to install packages"
    fi
}

installed() {
    local p status
    [ -x "$GLANCE_API" ] && [ -x "$GLANCE_MANAGE" ] && [ -x "$PY" ] || return 1
    for p in "${PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)" || return 1
        [ "${status:0:2}" = ii ] || return 1
    done
}

cmd_install() {
    if installed; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found (needs Debian 12 / glance-api 2:25.x)"
    mkdir -p "$DIR"
    local aptlog="$DIR/apt-install.log" t0=$SECONDS rc=0
    : >"$aptlog"
    log "installing ${PACKAGES[*]} (log: $aptlog) ..."
    # Do not let debconf set up a database or Keystone, nor register an endpoint.
    as_root debconf-set-selections <<'EOF'
glance-common glance/configure_db boolean false
glance-common glance/configure_ksat boolean false
glance-api glance/configure_api-endpoint boolean false
EOF
    # Keep the maintainer scripts from starting the packaged service (it would take port 9292).
    local own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        as_root sh -c 'printf "#!/bin/sh\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
        own_policy=1
    fi
    {
        as_root apt-get update &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PACKAGES[@]}"
    } >>"$aptlog" 2>&1 </dev/null || rc=$?
    if [ "$own_policy" = 1 ]; then
        as_root rm -f /usr/sbin/policy-rc.d
    fi
    if [ "$rc" != 0 ]; then
        tail_logs "$aptlog"
        die "package installation failed (exit $rc)"
    fi
    # On a systemd host make sure the packaged service does not run (now or at boot).
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
        as_root systemctl disable --now glance-api.service >>"$aptlog" 2>&1 || true
    fi
    installed || { tail_logs "$aptlog"; die "packages still missing after apt-get install"; }
    local version
    version="$(dpkg-query -W -f='${Version}' glance-api)"
    case "$version" in
        2:25.*) ;;
        *) log "warning: glance-api $version installed; this script was written for 2:25.x (Zed)" ;;
    esac
    log "installed glance-api $version in $((SECONDS - t0)) s"
}

# pid of the running instance of this DIR, or nothing
running_pid() {
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    # guard against a recycled pid: must be glance-api with our config
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "glance-api.*--config-file $CONF" || return 1
    grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null && return 1
    echo "$pid"
}

wipe_state() {
    # only the entries this script creates (DIR may be a user-chosen folder)
    local d
    for d in etc lib data images staging work cache lock www log cli-home; do
        rm -rf "${DIR:?}/$d"
    done
    rm -f "$PIDFILE" "$PORTFILE" "$DIR/healthcheck_disable"
}

# value for paste.deploy ini files (ConfigParser-style interpolation of '%')
paste_escape() { printf '%s' "${1//%/%%}"; }

write_config() {
    local port="$1" size_cap="$2" hosts="127.0.0.1,localhost" h
    local IFS=','
    for h in ${GLANCE_PEER_IMPORT_HOSTS:-}; do
        h="${h// /}"
        [ -n "$h" ] && hosts="$hosts,$h"
    done
    unset IFS

    mkdir -p "$DIR"/{etc/policy.d,lib,data,images,staging,work,cache,lock,www,log,cli-home/.glanceclient}
    cp "$ASSETS/glance_peer_auth.py" "$DIR/lib/"
    local schema
    for schema in /usr/share/glance-common/schema-image.json /etc/glance/schema-image.json; do
        if [ -f "$schema" ]; then cp "$schema" "$DIR/etc/schema-image.json"; break; fi
    done

    cat >"$CONF" <<EOF
# Generated by real-glance.sh -- glance 25.x (Zed), no keystone, sqlite, file store
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $port
# 0 = serve from the launching process itself (no forked children), so the
# pid in glance-api.pid is the only process to stop.
workers = 0
debug = False
log_file = $DIR/log/glance-api.log
use_stderr = false
image_cache_dir = $DIR/cache
image_size_cap = $size_cap
show_image_direct_url = false
show_multiple_locations = false
# interoperable image import (POST /v2/images/{id}/import)
enabled_import_methods = [glance-direct,web-download,copy-image]
node_staging_uri = file://$DIR/staging
enforce_secure_rbac = false

[database]
connection = sqlite:///$DIR/data/glance.sqlite

[paste_deploy]
# empty flavor = pipeline [pipeline:glance-api] of the paste file below
flavor =
config_file = $DIR/etc/glance-api-paste.ini

[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $DIR/images

[task]
# the legacy tasks API (POST /v2/tasks type=import) downloads into work_dir
task_executor = taskflow
work_dir = $DIR/work
task_time_to_live = 48

[taskflow_executor]
engine_mode = serial
max_workers = 4

[oslo_policy]
policy_file = $DIR/etc/policy.yaml
# an own (empty) policy.d: an empty policy_dirs would load every file of the
# config dir as a policy file (and fail on the paste ini)
policy_dirs = $DIR/etc/policy.d
enforce_new_defaults = false
enforce_scope = false

[oslo_concurrency]
lock_path = $DIR/lock

[wsgi]
python_interpreter = $PY

[image_import_opts]
image_import_plugins = []

[import_filtering_opts]
# Glance refuses loopback/link-local sources unless the host is listed here;
# allowed_ports [] = any port (the default allows only 80 and 443).
# These ListOpts need the [brackets]: a malformed value is NOT reported at
# startup, it only makes every URI fail the filter.
allowed_schemes = [http,https]
allowed_hosts = [$hosts]
allowed_ports = []
EOF

    cat >"$DIR/etc/glance-api-paste.ini" <<EOF
# Generated by real-glance.sh from Debian's /etc/glance/glance-api-paste.ini:
# its "glance-api-keystone" pipeline with authtoken replaced by peerauth.
[pipeline:glance-api]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler peerauth context rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = $(paste_escape "$DIR")/healthcheck_disable

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:peerauth]
paste.filter_factory = glance_peer_auth:filter_factory
token = $(paste_escape "${GLANCE_PEER_TOKEN:-}")
project_id = peer-project
user_id = peer-user
roles = admin,member,reader

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_program = glance-api

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF
    chmod 600 "$DIR/etc/glance-api-paste.ini"

    cat >"$DIR/etc/policy.yaml" <<'EOF'
# Generated by real-glance.sh: only widened so that a non-admin identity
# (X-Roles: member,reader) can use /v2/tasks too; everything else is Glance's default.
"tasks_api_access": "role:admin or role:member"
EOF
}

# run a Debian python tool with a clean python environment (a pyenv/venv python on
# PATH, PYTHONPATH or user site-packages must not leak in)
clean_env_args() {
    CLEAN_ENV=(-u PYTHONHOME -u PYTHONSTARTUP -u VIRTUAL_ENV
        PYTHONPATH="$DIR/lib" PYTHONNOUSERSITE=1
        NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
        no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}"
        PATH="/usr/sbin:/usr/bin:/sbin:/bin")
}
clean_env() { env "${CLEAN_ENV[@]}" "$@"; }

cmd_start() {
    local port="${1:-$DEFAULT_PORT}" t0=$SECONDS
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "invalid port: $port"
    local size_cap="${GLANCE_PEER_IMAGE_SIZE_CAP:-1099511627776}"
    [[ "$size_cap" =~ ^[0-9]+$ ]] || die "GLANCE_PEER_IMAGE_SIZE_CAP must be a number of bytes: $size_cap"

    local pid
    if pid="$(running_pid)"; then
        die "already running from $DIR (pid $pid, $(url_of_running)); run '$0 stop' first"
    fi
    installed || cmd_install
    clean_env_args
    if clean_env "$PY" "$ASSETS/peer_util.py" port-busy "$port"; then
        die "port $port on 127.0.0.1 is already in use"
    fi

    wipe_state
    write_config "$port" "$size_cap"

    if ! clean_env "$GLANCE_MANAGE" --config-file "$CONF" db_sync >"$DIR/log/db_sync.log" 2>&1 </dev/null; then
        tail_logs "$DIR/log/db_sync.log"
        die "glance-manage db_sync failed"
    fi

    # setsid: own session, survives the calling shell and its terminal; the child writes
    # its own pid, then execs glance-api (workers = 0: that pid is the whole server).
    env "${CLEAN_ENV[@]}" setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PIDFILE" \
        "$GLANCE_API" --config-file "$CONF" >"$DIR/log/stdout.log" 2>&1 </dev/null &
    local launcher=$!
    local i
    for i in $(seq 50); do
        [ -s "$PIDFILE" ] && break
        sleep 0.1
    done
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    [ -n "$pid" ] || pid=$launcher
    echo "$port" >"$PORTFILE"

    local url="http://127.0.0.1:$port" rc=0
    clean_env "$PY" "$ASSETS/peer_util.py" wait "$url" "$pid" "$START_TIMEOUT" || rc=$?
    if [ "$rc" != 0 ]; then
        [ "$rc" = 1 ] && log "glance-api (pid $pid) exited during startup" \
                      || log "glance-api (pid $pid) did not answer $url/healthcheck within $START_TIMEOUT s"
        kill -KILL "$pid" 2>/dev/null || true
        rm -f "$PIDFILE"
        tail_logs "$DIR/log/stdout.log" "$DIR/log/glance-api.log"
        exit 1
    fi

    if ! clean_env "$PY" "$ASSETS/peer_util.py" seed-schemas "$url" "${GLANCE_PEER_TOKEN:-}" \
            "$DIR/cli-home/.glanceclient" 2>"$DIR/log/seed-schemas.log"; then
        log "warning: could not pre-seed the glance CLI schema cache (see $DIR/log/seed-schemas.log)"
    fi
    chmod -R a+rX "$DIR/cli-home" 2>/dev/null || true

    log "glance-api pid $pid answering on $url after $((SECONDS - t0)) s (state: $DIR)"
    echo "$url"
}

url_of_running() {
    printf 'http://127.0.0.1:%s' "$(cat "$PORTFILE" 2>/dev/null || echo '?')"
}

cmd_stop() {
    local pid i
    if ! pid="$(running_pid)"; then
        rm -f "$PIDFILE"
        log "not running ($DIR)"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 100); do
        running_pid >/dev/null || break
        sleep 0.1
    done
    if running_pid >/dev/null; then
        log "pid $pid still alive after 10 s, sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    rm -f "$PIDFILE"
    log "stopped pid $pid"
}

cmd_status() {
    local pid
    if pid="$(running_pid)"; then
        echo "url=$(url_of_running)"
        echo "pid=$pid"
        echo "dir=$DIR"
        echo "glance_cli_home=$DIR/cli-home"
        echo "# e.g. HOME=$DIR/cli-home glance --os-image-url $(url_of_running) --os-auth-token ${GLANCE_PEER_TOKEN:+TOKEN}${GLANCE_PEER_TOKEN:-x} image-list"
    else
        echo "not running ($DIR)"
        return 3
    fi
}

usage() {
    sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 64
}

case "${1:-}" in
    install) [ $# -le 1 ] || usage; cmd_install ;;
    start)   [ $# -le 2 ] || usage; cmd_start "${2:-}" ;;
    stop)    [ $# -le 1 ] || usage; cmd_stop ;;
    status)  [ $# -le 1 ] || usage; cmd_status ;;
    -h|--help|help) usage ;;
    *) usage ;;
esac
