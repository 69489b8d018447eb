#!/usr/bin/env python3
"""Load generator for bench/service-orders (standard library only; loopback only).

Signs up one account through the JSON API, adds and proves 127.0.0.1 (self-check), opens three
listeners on 127.0.0.1, then, in each of --rounds rounds (the first on a cold JVM), places --orders level-1 orders at the same moment (one thread each,
released together by a barrier), each checking the three open ports and one closed port, and
polls every order until it is done. Prints throughput and the p50/p95/p99 of the time to accept
an order (POST /orders answered) and of the time until its report exists.
"""

import argparse
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request


def call(base, method, path, body=None, token=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + "/api/v1" + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def listeners(n):
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(256)
        socks.append(s)

    def serve(s):
        while True:
            try:
                c, _ = s.accept()
            except OSError:
                return
            c.settimeout(2)
            try:
                c.recv(1)
            except OSError:
                pass
            c.close()

    for s in socks:
        threading.Thread(target=serve, args=(s,), daemon=True).start()
    return [s.getsockname()[1] for s in socks]


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def pct(values, p):
    """Nearest-rank percentile."""
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.5)) - 1))
    return v[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--orders", type=int, default=50)
    ap.add_argument("--poll-ms", type=int, default=100)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--deadline", type=float, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    if not a.base.startswith("http://127.0.0.1:"):
        sys.exit("service_orders.py: loopback only")

    email = "bench-%d@example.org" % int(time.time())
    st, _ = call(a.base, "POST", "/accounts", {"email": email, "password": "bench password long enough"})
    assert st == 201, st
    st, tok = call(a.base, "POST", "/tokens", {"email": email, "password": "bench password long enough", "name": "bench"})
    token = tok["token"]
    st, target = call(a.base, "POST", "/targets", {"host": "127.0.0.1"}, token)
    assert st == 201, (st, target)
    st, v = call(a.base, "POST", "/targets/%s/verify" % target["id"], {"method": "self"}, token)
    assert st == 200, (st, v)
    ports = listeners(3) + [closed_port()]
    port_list = ",".join(str(p) for p in ports)
    print("(finish times include up to %d ms of polling delay; every order polls its status)" % a.poll_ms)
    ok = True
    for r in range(1, a.rounds + 1):
        label = "round %d of %d%s" % (r, a.rounds, " (cold JVM)" if r == 1 else " (warm)")
        ok = run_round(a, label, token, target, port_list, len(ports)) and ok
    sys.exit(0 if ok else 1)


def run_round(a, label, token, target, port_list, nports):
    barrier = threading.Barrier(a.orders)
    accept, finish, failed = [], [], []
    lock = threading.Lock()
    end_by = time.monotonic() + a.deadline / max(1, a.rounds) - 5
    marks = {}

    def one(i):
        barrier.wait()
        t0 = time.monotonic()
        st, o = call(a.base, "POST", "/orders", {"target": target["id"], "level": 1, "ports": port_list}, token)
        t1 = time.monotonic()
        if st != 202:
            with lock:
                failed.append("HTTP %s" % st)
            return
        with lock:
            accept.append(t1 - t0)
            marks["first"] = min(marks.get("first", t0), t0)
        while time.monotonic() < end_by:
            time.sleep(a.poll_ms / 1000.0)
            st, s = call(a.base, "GET", "/orders/" + o["id"], token=token)
            if st == 200 and s["status"] not in ("queued", "running"):
                t2 = time.monotonic()
                with lock:
                    if s["status"] == "done":
                        finish.append(t2 - t0)
                        marks["last"] = max(marks.get("last", 0), t2)
                    else:
                        failed.append(s["status"] + ": " + str(s.get("error")))
                return
        with lock:
            failed.append("timeout")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(a.orders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(a.deadline)

    wall = marks.get("last", 0) - marks.get("first", 0)
    ms = lambda x: "%.0f ms" % (x * 1000)
    print("%s: %d orders placed at once, %d done, %d failed; %d workers; %d ports per order (%d open, 1 closed)"
          % (label, a.orders, len(finish), len(failed), a.workers, nports, nports - 1))
    if failed:
        print("  failures: %s" % ", ".join(sorted(set(failed))[:5]))
    if finish:
        print("  throughput: %.1f orders/s (%d orders in %.2f s, first POST to last report)" % (len(finish) / wall, len(finish), wall))
        print("  accept  (POST /orders answered): p50 %s  p95 %s  p99 %s  max %s"
              % (ms(pct(accept, 50)), ms(pct(accept, 95)), ms(pct(accept, 99)), ms(max(accept))))
        print("  finish  (order placed -> report): p50 %s  p95 %s  p99 %s  max %s"
              % (ms(pct(finish, 50)), ms(pct(finish, 95)), ms(pct(finish, 99)), ms(max(finish))))
    return not failed


if __name__ == "__main__":
    main()
