#!/usr/bin/env python3
"""Benchmark helper: scenario layouts, scoring of scanner output against ground truth, summaries.

    vbench.py layout S1|S2|S3 --outdir DIR [--ports SPEC]   ground truth, listener binds, firewall
    vbench.py score  --truth T --tool vantage|nmap|masscan --file OUT [--json]
    vbench.py summary --scenario S --dir DIR --out FILE [--meta k=v ...]
    vbench.py table  FILE.json ...                           the final cross-scenario table

Ground truth (truth.json): {"scenario", "ports": "1-1000", "hosts": {ADDR: {"default": STATE,
"open": "1-10", "closed": "...", "filtered": "..."}}}; a scanned port not named under a state
has the host's default state. Standard library only.
"""

import argparse
import functools
import ipaddress
import json
import os
import statistics
import sys
import xml.etree.ElementTree as ET

OPENISH = ("open", "open-restricted")
TOOLS = ("vantage", "nmap", "masscan")


# ---------------------------------------------------------------- port specs

def expand(spec):
    """'1-3,7' -> [1, 2, 3, 7]; '' -> []."""
    out = []
    for part in (spec or "").replace(" ", "").split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def compress(ports):
    """[1, 2, 3, 7] -> '1-3,7'."""
    ports = sorted(set(ports))
    parts = []
    i = 0
    while i < len(ports):
        j = i
        while j + 1 < len(ports) and ports[j + 1] == ports[j] + 1:
            j += 1
        parts.append(str(ports[i]) if i == j else f"{ports[i]}-{ports[j]}")
        i = j + 1
    return ",".join(parts)


def norm_addr(a):
    try:
        return ipaddress.ip_address(a.strip("[]")).compressed
    except ValueError:
        return a


# ---------------------------------------------------------------- layouts

S1_OPEN = [1, 22, 25, 53, 80, 443, 1024, 2049, 3306, 5432,
           6379, 8080, 8443, 9200, 11211, 27017, 31337, 49152, 60000, 65535]


def layout(args):
    """Writes truth.json, binds.txt (listener), iptables.rules (target namespace) into outdir."""
    os.makedirs(args.outdir, exist_ok=True)
    binds = []
    rules = ["*filter"]
    if args.scenario == "S1":
        ports = "1-65535"
        hosts = {"127.0.0.1": {"default": "closed", "open": compress(S1_OPEN)}}
        binds = [("127.0.0.1", p) for p in S1_OPEN]
        targets = ["127.0.0.1"]
    elif args.scenario == "S2":
        ports = "1-1000"
        addr = args.target or "198.18.2.2"
        hosts = {addr: {"default": "closed", "open": "1-10", "closed": "11-500", "filtered": "501-1000"}}
        binds = [(addr, p) for p in range(1, 11)]
        rules.append(f"-A INPUT -d {addr}/32 -p tcp -m tcp --dport 501:1000 -j DROP")
        targets = [addr]
    elif args.scenario == "S3":
        if not args.ports:
            sys.exit("layout S3 needs --ports (nmap's top-100 TCP list)")
        plist = sorted(set(expand(args.ports)))
        ports = compress(plist)
        net = ipaddress.ip_network(args.target or "198.19.1.0/24")
        hosts = {}
        n = len(plist)
        for i, ip in enumerate(net):  # every address, .0 and .255 included
            a = plist[i % n]
            b = plist[(i * 37 + n // 2) % n]
            if b == a:
                b = plist[(i + 1) % n]
            addr = str(ip)
            hosts[addr] = {"default": "filtered", "open": compress([a, b])}
            for p in (a, b):
                binds.append((addr, p))
                rules.append(f"-A INPUT -d {addr}/32 -p tcp -m tcp --dport {p} -j ACCEPT")
        rules.append(f"-A INPUT -d {net} -p tcp -j DROP")
        targets = [str(net)]
    else:
        sys.exit(f"unknown scenario {args.scenario}")
    rules.append("COMMIT")
    truth = {"scenario": args.scenario, "ports": ports, "targets": targets, "hosts": hosts}
    with open(os.path.join(args.outdir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
    with open(os.path.join(args.outdir, "binds.txt"), "w", encoding="utf-8") as f:
        f.writelines(f"{a} {p}\n" for a, p in binds)
    with open(os.path.join(args.outdir, "iptables.rules"), "w", encoding="utf-8") as f:
        f.write("\n".join(rules) + "\n")
    print(f"PORTS={ports}")
    print(f"TARGETS={' '.join(targets)}")


# ---------------------------------------------------------------- truth

class Truth:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            t = json.load(f)
        self.scenario = t["scenario"]
        self.ports = expand(t["ports"])
        self.hosts = {}
        for addr, h in t["hosts"].items():
            m = {}
            for state in ("open", "closed", "filtered", "open-restricted"):
                for p in expand(h.get(state, "")):
                    m[p] = state
            self.hosts[norm_addr(addr)] = (h.get("default", "closed"), m)

    def state(self, addr, port):
        default, m = self.hosts[addr]
        return m.get(port, default)


# ---------------------------------------------------------------- tool output parsers
# Each returns {address: {port: state}}; a port absent from the inner map was not reported.

@functools.lru_cache(maxsize=4)
def vantage_json(path):
    """A Vantage result, read once however many scorers ask (a --show-all result is megabytes)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def parse_vantage(path, scanned):
    d = vantage_json(path)
    out = {}
    for h in d.get("hosts", []):
        addr = norm_addr(h.get("address") or h.get("name") or "?")
        states = {}
        # Range blocks ("closed", "filtered", any future "<state>" block with "ranges").
        for key, val in h.items():
            if isinstance(val, dict) and "ranges" in val:
                st = key.replace("_", "-")
                for p in expand(val.get("ranges", "")):
                    states[p] = st
        for p in h.get("ports", []):
            if p.get("protocol", "tcp") != "tcp":
                continue
            states[int(p["port"])] = p.get("state", "?")
        out[addr] = states
    return out


def parse_nmap(path, scanned):
    root = ET.parse(path).getroot()
    out = {}
    for h in root.iter("host"):
        addr = None
        for a in h.findall("address"):
            if a.get("addrtype") in ("ipv4", "ipv6"):
                addr = norm_addr(a.get("addr"))
        if addr is None:
            continue
        states = {}
        ports_el = h.find("ports")
        if ports_el is not None:
            listed = {}
            for p in ports_el.findall("port"):
                if p.get("protocol") != "tcp":
                    continue
                st = p.find("state")
                listed[int(p.get("portid"))] = st.get("state") if st is not None else "?"
            extras = ports_el.findall("extraports")
            leftover = None
            for ex in extras:
                ranged = False
                for r in ex.findall("extrareasons"):
                    if r.get("ports") is not None and r.get("proto", "tcp") == "tcp":
                        ranged = True
                        for port in expand(r.get("ports")):
                            states[port] = ex.get("state")
                if not ranged:
                    leftover = ex.get("state") if len(extras) == 1 else "ambiguous-extraports"
            if leftover is not None:
                for port in scanned:
                    states.setdefault(port, leftover)
            states.update(listed)
        out[addr] = states
    return out


def parse_masscan(path, scanned):
    """-oL lines: 'open tcp 80 198.19.1.5 1700000000'. masscan reports open ports only."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and parts[0] == "open" and parts[1] == "tcp":
                out.setdefault(norm_addr(parts[3]), {})[int(parts[2])] = "open"
    return out


def tool_elapsed(tool, path):
    """The tool's own idea of the scan time, in seconds: Vantage's elapsed_ms (the port scan
    phase), nmap's runstats elapsed; None for masscan."""
    try:
        if tool == "vantage":
            ms = vantage_json(path).get("elapsed_ms")
            return None if ms is None else round(ms / 1000.0, 3)
        if tool == "nmap":
            fin = ET.parse(path).getroot().find("runstats/finished")
            return None if fin is None else float(fin.get("elapsed"))
    except (OSError, ValueError, ET.ParseError, TypeError):
        pass
    return None


def scan_method(tool, path):
    """How Vantage asked the ports (its JSON's scan_method: syn or connect); None for the others."""
    if tool != "vantage":
        return None
    try:
        return vantage_json(path).get("scan_method")
    except (OSError, ValueError):
        return None


PARSERS = {"vantage": parse_vantage, "nmap": parse_nmap, "masscan": parse_masscan}


def score(truth, tool, path):
    """Accuracy of one run. masscan reports only open ports, so for it an unreported port counts
    as 'not open' and only open/not-open is judged."""
    open_only = tool == "masscan"
    res = {"ok": False, "error": None}
    if not path or not os.path.isfile(path) or os.path.getsize(path) == 0:
        res["error"] = "no output file"
        return res
    try:
        reported = PARSERS[tool](path, truth.ports)
    except Exception as e:  # noqa: BLE001 - a broken file is a result, not a crash
        res["error"] = f"unreadable output: {e}"
        return res
    expected_open = found = false_open = wrong = critical = unreported = restricted = 0
    confusion = {}
    for addr in truth.hosts:
        rep = reported.get(addr, {})
        for port in truth.ports:
            t = truth.state(addr, port)
            r = rep.get(port)
            if open_only:
                r = "open" if r == "open" else "not-open"
            elif r is None:
                r = "unreported"
                unreported += 1
            key = f"{t}->{r}"
            confusion[key] = confusion.get(key, 0) + 1
            if t == "open":
                expected_open += 1
                if r == "open":
                    found += 1
            if r == "open-restricted":
                restricted += 1
            if r in OPENISH and t != "open":
                false_open += 1
            same = (r == "open") == (t == "open") if open_only else r == t
            if not same:
                wrong += 1
            if t == "filtered" and (r in OPENISH or r == "closed"):
                critical += 1
    extra_hosts = sorted(set(reported) - set(truth.hosts))
    for addr in extra_hosts:
        n = sum(1 for s in reported[addr].values() if s in OPENISH)
        false_open += n
        wrong += n
    res.update(ok=True, tool_elapsed_s=tool_elapsed(tool, path), scan_method=scan_method(tool, path), open_expected=expected_open, open_found=found, false_open=false_open,
               wrong=wrong, critical=critical, unreported=unreported, open_restricted=restricted,
               open_only=open_only, extra_hosts=extra_hosts[:10], confusion=confusion)
    return res


def score_line(s):
    if not s.get("ok"):
        return f"NOT SCORED ({s.get('error')})"
    line = (f"open {s['open_found']}/{s['open_expected']}  wrong-state {s['wrong']}"
            f"  filtered-reported-open/closed {s['critical']}")
    if s["open_only"]:
        line += "  (open/not-open only)"
    if s["false_open"]:
        line += f"  false-open {s['false_open']}"
    if s["unreported"]:
        line += f"  unreported {s['unreported']}"
    if s["open_restricted"]:
        line += f"  open-restricted {s['open_restricted']}"
    if s.get("tool_elapsed_s") is not None:
        line += f"  (tool-reported {s['tool_elapsed_s']:.2f} s)"
    if s.get("scan_method"):
        line += f"  [{s['scan_method']}]"
    if s["wrong"]:
        top = sorted(((v, k) for k, v in s["confusion"].items()
                      if k.split("->")[0] != k.split("->")[1]
                      and not (s["open_only"] and k.endswith("not-open") and not k.startswith("open"))),
                     reverse=True)[:4]
        if top:
            line += "  [" + ", ".join(f"{k} {v}" for v, k in top) + "]"
    return line


def cmd_score(args):
    truth = Truth(args.truth)
    s = score(truth, args.tool, args.file)
    print(json.dumps(s) if args.json else score_line(s))


# ---------------------------------------------------------------- summaries

def fmt_s(x):
    return "-" if x is None else f"{x:.2f}"


def rng(vals):
    vals = [v for v in vals if v is not None]
    if not vals:
        return "-"
    lo, hi = min(vals), max(vals)
    return str(lo) if lo == hi else f"{lo}-{hi}"


def cmd_summary(args):
    truth = Truth(os.path.join(args.dir, "truth.json"))
    runs = []
    with open(os.path.join(args.dir, "runs.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            run, tool, secs, rc, out = cols[:5]
            runs.append({"run": int(run), "tool": tool, "seconds": float(secs), "rc": int(rc), "file": out,
                         "netem": cols[5] if len(cols) > 5 else ""})
    commands = {}
    cpath = os.path.join(args.dir, "commands.tsv")
    if os.path.exists(cpath):
        with open(cpath, encoding="utf-8") as f:
            for line in f:
                if "\t" in line:
                    k, v = line.rstrip("\n").split("\t", 1)
                    commands[k] = v
    meta = dict(m.split("=", 1) for m in args.meta)
    tools = {}
    for r in runs:
        s = score(truth, r["tool"], r["file"])
        if r["rc"] != 0 and s.get("ok"):
            s["note"] = f"exit status {r['rc']}"
        r["score"] = s
        r["valid"] = r["rc"] == 0 and s.get("ok", False)
        tools.setdefault(r["tool"], []).append(r)
    summary = {"scenario": args.scenario, "meta": meta, "commands": commands,
               "ground_truth": {"ports": truth.ports and compress(truth.ports), "hosts": len(truth.hosts),
                                "open": sum(1 for a in truth.hosts for p in truth.ports
                                            if truth.state(a, p) == "open")},
               "tools": {}, "ratios": {}}
    print(f"\n=== {args.scenario} summary  ({meta.get('title', '')})")
    if meta.get("netem"):
        print(f"link emulation: {meta['netem']}")
    if meta.get("vantage_jar"):
        print(f"vantage jar: {meta['vantage_jar']}")
    if meta.get("vantage_jar_changed", "no") != "no":
        print(f"WARNING: vantage.jar changed during the runs: {meta['vantage_jar_changed']}")
    print(f"{'tool':9} {'run':>3} {'seconds':>8}  accuracy")
    for tool in [t for t in TOOLS if t in tools] + [t for t in tools if t not in TOOLS]:
        for r in sorted(tools[tool], key=lambda x: x["run"]):
            flag = "" if r["valid"] else f"  (run invalid: rc={r['rc']})"
            print(f"{tool:9} {r['run']:>3} {r['seconds']:>8.2f}  {score_line(r['score'])}{flag}")
            if r["netem"]:
                print(f"{'':14}netem-nfq: {r['netem']}")
    print()
    print(f"{'tool':9} {'median s':>9} {'min':>7} {'max':>7} {'valid':>6}  {'open found':>11} "
          f"{'wrong-state':>11} {'filt->open/closed':>17} {'tool-reported s':>15}")
    for tool, rs in tools.items():
        ok = [r for r in rs if r["valid"]]
        times = [r["seconds"] for r in ok]
        sc = [r["score"] for r in ok]
        exp = sc[0]["open_expected"] if sc else None
        t = {"runs": [{"run": r["run"], "seconds": round(r["seconds"], 3), "rc": r["rc"], "valid": r["valid"],
                       "netem_nfq": r["netem"] or None,
                       **{k: v for k, v in r["score"].items() if k != "confusion"},
                       "confusion": r["score"].get("confusion")} for r in rs],
             "median_s": round(statistics.median(times), 3) if times else None,
             "min_s": round(min(times), 3) if times else None,
             "max_s": round(max(times), 3) if times else None,
             "valid_runs": len(ok), "total_runs": len(rs),
             "tool_reported_median_s": (statistics.median([s["tool_elapsed_s"] for s in sc])
                                        if sc and all(s.get("tool_elapsed_s") is not None for s in sc) else None),
             "open_expected": exp,
             "open_found": [s["open_found"] for s in sc],
             "wrong_state": [s["wrong"] for s in sc],
             "critical": [s["critical"] for s in sc],
             "open_only": bool(sc and sc[0]["open_only"])}
        summary["tools"][tool] = t
        print(f"{tool:9} {fmt_s(t['median_s']):>9} {fmt_s(t['min_s']):>7} {fmt_s(t['max_s']):>7} "
              f"{len(ok):>3}/{len(rs):<2}  {rng(t['open_found']) + '/' + str(exp):>11} "
              f"{rng(t['wrong_state']):>11} {rng(t['critical']):>17} {fmt_s(t['tool_reported_median_s']):>15}"
              + ("   (reports open ports only)" if t["open_only"] else ""))
    v = summary["tools"].get("vantage", {}).get("median_s")
    for other in ("nmap", "masscan"):
        o = summary["tools"].get(other, {}).get("median_s")
        if v and o:
            summary["ratios"][f"vantage/{other}"] = round(v / o, 3)
            print(f"ratio vantage/{other} (median wall time): {v / o:.2f}")
    if "vantage" not in tools:
        print(f"vantage: not run ({meta.get('vantage_status', 'unavailable')})")
    for k, v in commands.items():
        print(f"cmd {k}: {v}")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    print(f"summary written to {args.out}")


def cmd_table(args):
    rows = []
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as f:
                rows.append(json.load(f))
        except (OSError, ValueError) as e:
            print(f"(no summary {path}: {e})")
    print("\n=== Vantage benchmark summary (median wall time over valid runs; accuracy as min-max over runs)")
    print(f"{'scen':5} {'tool':8} {'median s':>9} {'valid':>6} {'open found':>11} {'wrong-state':>11} "
          f"{'filt->open/closed':>17} {'vantage/tool':>12} {'tool-reported s':>15}")
    for s in rows:
        for tool, t in s["tools"].items():
            ratio = s["ratios"].get(f"vantage/{tool}")
            print(f"{s['scenario']:5} {tool:8} {fmt_s(t['median_s']):>9} {t['valid_runs']:>3}/{t['total_runs']:<2} "
                  f"{rng(t['open_found']) + '/' + str(t['open_expected']):>11} {rng(t['wrong_state']):>11} "
                  f"{rng(t['critical']):>17} {fmt_s(ratio) if ratio else '':>12} "
                  f"{fmt_s(t.get('tool_reported_median_s')):>15}")
        if "vantage" not in s["tools"]:
            print(f"{s['scenario']:5} {'vantage':8} {'not run: ' + s['meta'].get('vantage_status', '?')}")
        if s["meta"].get("netem"):
            print(f"{'':5} link emulation: {s['meta']['netem']}")
        if s["meta"].get("vantage_jar_changed", "no") != "no":
            print(f"{'':5} WARNING: vantage.jar changed during the runs: {s['meta']['vantage_jar_changed']}")


def cmd_heartbeat(args):
    """One small UDP datagram to ADDR:PORT every --every seconds, for at most --max-seconds.
    Keeps a quiet veth from looking dead to masscan's receive thread (see README)."""
    import socket
    import time
    fam = socket.AF_INET6 if ":" in args.to else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_DGRAM)
    end = time.monotonic() + args.max_seconds
    while time.monotonic() < end:
        try:
            s.sendto(b"vb-heartbeat", (args.to, args.port))
        except OSError:
            pass
        time.sleep(args.every)


def main():
    ap = argparse.ArgumentParser(description="Vantage benchmark helper")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("layout")
    p.add_argument("scenario")
    p.add_argument("--outdir", required=True)
    p.add_argument("--ports")
    p.add_argument("--target")
    p.set_defaults(fn=layout)
    p = sub.add_parser("score")
    p.add_argument("--truth", required=True)
    p.add_argument("--tool", required=True, choices=TOOLS)
    p.add_argument("--file", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_score)
    p = sub.add_parser("summary")
    p.add_argument("--scenario", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--meta", action="append", default=[])
    p.set_defaults(fn=cmd_summary)
    p = sub.add_parser("table")
    p.add_argument("files", nargs="+")
    p.set_defaults(fn=cmd_table)
    p = sub.add_parser("heartbeat")
    p.add_argument("--to", required=True)
    p.add_argument("--port", type=int, default=9)
    p.add_argument("--every", type=float, default=1.0)
    p.add_argument("--max-seconds", type=float, default=3600.0)
    p.set_defaults(fn=cmd_heartbeat)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
