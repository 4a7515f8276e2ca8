"""Small helpers for real-glance.sh (run with the system /usr/bin/python3).

  peer_util.py port-busy PORT               exit 0 if 127.0.0.1:PORT is taken, 1 if free
  peer_util.py wait URL PID SECONDS         poll URL/healthcheck until it answers 200;
                                            exit 1 if PID dies, 2 on timeout
  peer_util.py seed-schemas URL TOKEN DIR   write glanceclient's schema cache into DIR
                                            (image schema without 'stores', see below)
"""
import errno
import json
import os
import socket
import sys
import time
import urllib.request

# never go through an HTTP proxy for the loopback server
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def port_busy(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(1)
    try:
        if s.connect_ex(('127.0.0.1', port)) == 0:
            return True
    finally:
        s.close()
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(('127.0.0.1', port))
        return False
    except OSError as e:
        return e.errno in (errno.EADDRINUSE, errno.EACCES)
    finally:
        s.close()


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (exited, not yet reaped) counts as dead
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] != 'Z'
    except OSError:
        return True


def wait(url, pid, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with _OPENER.open(url + '/healthcheck', timeout=2) as r:
                if r.status == 200:
                    return 0
        except Exception:
            pass
        if not alive(pid):
            return 1
        if time.monotonic() >= deadline:
            return 2
        time.sleep(0.2)


def get_json(url, token):
    req = urllib.request.Request(url, headers={'Accept': 'application/json'})
    if token:
        req.add_header('X-Auth-Token', token)
    with _OPENER.open(req, timeout=10) as r:
        return json.load(r)


def seed_schemas(url, token, cache_dir):
    # python3-glanceclient 4.1 caches the server's image schema in
    # ~/.glanceclient/image_schema.json and builds CLI options from it; Zed's schema
    # has a 'stores' property that clashes with the client's own --stores option
    # ("argument --stores: conflicting option string"). With all three cache files
    # present the client does not download them again.
    os.makedirs(cache_dir, exist_ok=True)
    for resource, name in (('image', 'image'),
                           ('metadefs/namespace', 'namespace'),
                           ('metadefs/resource_type', 'resource_type')):
        schema = get_json('%s/v2/schemas/%s' % (url, resource), token)
        if name == 'image':
            schema.get('properties', {}).pop('stores', None)
        path = os.path.join(cache_dir, name + '_schema.json')
        with open(path, 'w') as f:
            json.dump(schema, f)
        os.chmod(path, 0o644)
    return 0


def main(argv):
    cmd = argv[1]
    if cmd == 'port-busy':
        return 0 if port_busy(int(argv[2])) else 1
    if cmd == 'wait':
        return wait(argv[2], int(argv[3]), float(argv[4]))
    if cmd == 'seed-schemas':
        return seed_schemas(argv[2], argv[3], argv[4])
    sys.stderr.write(__doc__)
    return 64


if __name__ == '__main__':
    sys.exit(main(sys.argv))
