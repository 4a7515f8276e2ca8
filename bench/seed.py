#!/usr/bin/python3
"""Creates N images on a Glance v2 endpoint over one keep-alive connection; prints one image id.

usage: seed.py URL COUNT TAG
"""
import http.client
import json
import sys
import urllib.parse


def main():
    url, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    first = None
    for i in range(count):
        body = {"name": "bench-%05d" % i, "disk_format": "raw", "container_format": "bare",
                "visibility": "private", "tags": [tag], "os_distro": "bench", "bench_index": str(i)}
        conn.request("POST", "/v2/images", body=json.dumps(body), headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if resp.status != 201:
            sys.exit("seed: POST /v2/images answered %d: %s" % (resp.status, data[:200]))
        if first is None:
            first = json.loads(data)["id"]
    print(first)


if __name__ == "__main__":
    main()
