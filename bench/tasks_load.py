#!/usr/bin/python3
"""Load generator for the tasks API: creates COUNT import tasks of one Cloud Files object as fast as THREADS
keep-alive connections allow, then polls every task until it has ended, and samples the service's thread count
(/proc/PID/status) all along. Prints one line of results as JSON; exits 1 when a request failed.

usage: tasks_load.py URL PID CONTAINER/OBJECT COUNT THREADS
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
POLL_PAUSE = 0.05  # between two sweeps over the unfinished tasks, so the pollers leave the service some CPU


class Connections(threading.local):
    """One keep-alive connection per thread, reopened after an error."""

    def __init__(self, host, port):
        self.host, self.port, self.conn = host, port, None

    def call(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            self.conn.request(method, path, body=body, headers=HEADERS)
            resp = self.conn.getresponse()
            return resp.status, resp.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise


def threads_of(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return 0


def run_workers(count, work):
    workers = [threading.Thread(target=work) for _ in range(count)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    url, pid, source, count, nthreads = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    parts = urllib.parse.urlsplit(url)
    conns = Connections(parts.hostname, parts.port)
    lock = threading.Lock()
    errors = []

    sampling = threading.Event()
    samples = []

    def sample():
        while not sampling.is_set():
            samples.append(threads_of(pid))
            time.sleep(0.05)

    threads_before = threads_of(pid)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()

    # --- creations ---
    next_index = iter(range(count))
    ids, latencies = [], []

    def create():
        while True:
            with lock:
                i = next(next_index, None)
            if i is None or errors:
                return
            body = json.dumps({"type": "import", "input": {"import_from": source, "import_from_format": "vhd",
                                                           "image_properties": {"name": "load-%04d" % i}}})
            began = time.monotonic()
            try:
                status, data = conns.call("POST", "/v2/tasks", body)
            except Exception as e:  # noqa: BLE001 - reported, not hidden
                with lock:
                    errors.append("POST /v2/tasks: %r" % e)
                return
            took = time.monotonic() - began
            with lock:
                if status != 201:
                    errors.append("POST /v2/tasks answered %d: %s" % (status, data[:200]))
                    return
                ids.append(json.loads(data)["id"])
                latencies.append(took)

    started = time.monotonic()
    run_workers(nthreads, create)
    created_in = time.monotonic() - started

    # --- polling: sweeps over the unfinished tasks, shared by the threads, until none is left ---
    unfinished = list(ids)
    outcome = {"success": 0, "failure": 0}
    failures = []
    polls = 0
    while unfinished and not errors:
        queue = iter(list(unfinished))
        still = []

        def poll():
            nonlocal polls
            while True:
                with lock:
                    task_id = next(queue, None)
                if task_id is None or errors:
                    return
                try:
                    status, data = conns.call("GET", "/v2/tasks/" + task_id)
                except Exception as e:  # noqa: BLE001
                    with lock:
                        errors.append("GET /v2/tasks/%s: %r" % (task_id, e))
                    return
                with lock:
                    polls += 1
                    if status != 200:
                        errors.append("GET /v2/tasks/%s answered %d: %s" % (task_id, status, data[:200]))
                        return
                    task = json.loads(data)
                    if task["status"] == "success":
                        if not (task.get("result") or {}).get("image_id"):
                            errors.append("task %s succeeded without result.image_id: %s" % (task_id, data[:300]))
                        outcome["success"] += 1
                    elif task["status"] == "failure":
                        outcome["failure"] += 1
                        failures.append(task.get("message"))
                    else:
                        still.append(task_id)

        run_workers(nthreads, poll)
        unfinished = still
        if unfinished:
            time.sleep(POLL_PAUSE)
    finished_in = time.monotonic() - started
    sampling.set()
    sampler.join()

    print(json.dumps({
        "created": len(ids), "created_in_s": round(created_in, 2),
        "creations_per_s": round(len(ids) / created_in, 1) if created_in else 0,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99) * 1000, 1) if latencies else None,
        "all_ended_in_s": round(finished_in, 2), "polls": polls,
        "success": outcome["success"], "failure": outcome["failure"], "first_failure": failures[:1],
        "threads_before": threads_before, "threads_max": max(samples) if samples else None,
        "errors": errors[:5],
    }))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
