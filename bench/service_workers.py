#!/usr/bin/env python3
"""Load generator for bench/service-workers (standard library only).

Runs inside the target namespace, so that a self-check proof is genuine: each target address is
proven by connecting to the service *from* that address. Subcommands:

  setup --base URL --targets 198.19.2.1-40 --state FILE
      signs up, adds every target and proves control of it (self-check); writes token and ids.
  round --base URL --state FILE --checks N --ports P --label L [--deadline S]
      places N level-1 orders (one per target, round-robin) at once, polls GET /orders until all
      have ended, prints the wall time (first order created -> last order finished, from the
      service's own timestamps) and the queue's claim latency (order created -> its run claimed
      by a worker) as p50/p99; prints one JSON line for the wrapper ("RESULT {...}").
"""

import argparse
import http.client
import json
import sys
import threading
import time


def call(base, method, path, body=None, token=None, source=None, timeout=60):
    host, port = base.split("//", 1)[1].rsplit(":", 1)
    c = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=(source, 0) if source else None)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c.request(method, "/api/v1" + path, body=None if body is None else json.dumps(body), headers=headers)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, json.loads(data or b"null")


def addresses(spec):
    prefix, rng = spec.rsplit(".", 1)
    lo, hi = (int(x) for x in rng.split("-"))
    return ["%s.%d" % (prefix, i) for i in range(lo, hi + 1)]


def pct(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.5)) - 1))
    return v[k]


def setup(a):
    email = "bench-workers-%d@example.org" % int(time.time() * 1000)
    pw = "bench password long enough"
    st, _ = call(a.base, "POST", "/accounts", {"email": email, "password": pw})
    assert st == 201, ("sign-up", st)
    st, tok = call(a.base, "POST", "/tokens", {"email": email, "password": pw, "name": "bench"})
    assert st == 201, ("token", st, tok)
    token = tok["token"]
    targets = []
    for addr in addresses(a.targets):
        st, t = call(a.base, "POST", "/targets", {"host": addr}, token)
        assert st == 201, ("add target", addr, st, t)
        st, v = call(a.base, "POST", "/targets/%s/verify" % t["id"], {"method": "self"}, token, source=addr)
        assert st == 200, ("self-check from", addr, st, v)
        targets.append(t["id"])
    with open(a.state, "w") as f:
        json.dump({"token": token, "targets": targets}, f)
    print("setup: account %s, %d targets proven by self-check" % (email, len(targets)))


def run_round(a):
    with open(a.state) as f:
        state = json.load(f)
    token, targets = state["token"], state["targets"]
    ids, errors = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(a.checks)

    def place(i):
        barrier.wait()
        st, o = call(a.base, "POST", "/orders", {"target": targets[i % len(targets)], "level": 1, "ports": a.ports}, token)
        with lock:
            (ids.append(o["id"]) if st == 202 else errors.append("HTTP %s %s" % (st, o)))

    threads = [threading.Thread(target=place, args=(i,)) for i in range(a.checks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    if errors:
        print("%s: %d orders refused: %s" % (a.label, len(errors), errors[:3]))
        return 1
    end_by = time.monotonic() + a.deadline
    want = set(ids)
    seen = {}
    while time.monotonic() < end_by:
        st, orders = call(a.base, "GET", "/orders", token=token)
        if st == 200:
            for o in orders:
                if o["id"] in want and o["status"] not in ("queued", "running"):
                    seen[o["id"]] = o
        if len(seen) == len(want):
            break
        time.sleep(0.5)
    if len(seen) != len(want):
        print("%s: only %d of %d orders ended within %d s" % (a.label, len(seen), len(want), a.deadline))
        return 1
    failed = [o for o in seen.values() if o["status"] != "done"]
    if failed:
        print("%s: %d orders failed, e.g. %s" % (a.label, len(failed), failed[0].get("error")))
        return 1
    created = min(o["created_at"] for o in seen.values())
    finished = max(o["finished_at"] for o in seen.values())
    claims = [o["runs"][0]["started_at"] - o["created_at"] for o in seen.values()]
    workers = sorted({o["runs"][0]["worker"] for o in seen.values()})
    wall = (finished - created) / 1000.0
    # The first `slots` claims met an idle worker: they measure the queue itself (poll, fetch, lock),
    # the rest also wait for a worker to finish a check.
    idle = sorted(claims)[:max(1, min(a.slots, len(claims)))]
    print("%s: %d checks in %.2f s (first order created -> last finished); claim latency p50 %d ms, p99 %d ms "
          "(%d orders that met an idle worker: p50 %d ms, max %d ms); %d worker(s) took part"
          % (a.label, len(seen), wall, pct(claims, 50), pct(claims, 99), len(idle), pct(idle, 50), max(idle), len(workers)))
    print("RESULT " + json.dumps({"label": a.label, "checks": len(seen), "seconds": wall, "claim_p50_ms": pct(claims, 50),
                                  "claim_p99_ms": pct(claims, 99), "idle_claim_p50_ms": pct(idle, 50),
                                  "idle_claim_max_ms": max(idle), "workers": len(workers)}))
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--base", required=True)
    s.add_argument("--targets", required=True)
    s.add_argument("--state", required=True)
    r = sub.add_parser("round")
    r.add_argument("--base", required=True)
    r.add_argument("--state", required=True)
    r.add_argument("--checks", type=int, required=True)
    r.add_argument("--ports", required=True)
    r.add_argument("--label", required=True)
    r.add_argument("--deadline", type=float, default=600)
    r.add_argument("--slots", type=int, default=1, help="workers x jobs: the orders that find a free worker at once")
    a = ap.parse_args()
    if not a.base.startswith("http://198.18."):
        sys.exit("service_workers.py: the service must be on a 198.18.0.0/15 bench address")
    sys.exit(setup(a) if a.cmd == "setup" else run_round(a))


if __name__ == "__main__":
    main()
