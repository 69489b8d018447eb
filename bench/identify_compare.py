#!/usr/bin/env python3
"""S4 comparison: Vantage's service identification next to nmap -sV's, and the wall times.

    identify_compare.py --dir bench/results/S4 --out bench/results/S4.json [--meta k=v ...]

Reads DIR/runs.tsv (run, vantage, tool, seconds, rc, file, start epoch) and every output it names
(nmap -oX XML, Vantage --format json), and prints:
  1. per vantage, host and port: nmap's service/product/version (raw) next to Vantage's (raw) and
     a match verdict, for the last valid run of each tool (and whether every run said the same);
  2. wall times per vantage and tool, medians, and the ratio Vantage/nmap;
  3. where Vantage's time went in its last run (from the -Dvantage.trace=true lines in its log);
  4. the targets: ratio <= 0.25, every service nmap identified identified alike, ident named.
Standard library only.

How values are compared (both raw values are always shown):
  - service names: nmap's names mapped to Vantage's (domain -> dns, auth -> ident, ...); a TLS
    tunnel on either side adds "/tls";
  - product and version: compared case-insensitively with runs of blanks collapsed, after a short
    alias table for spellings that differ only in form (PRODUCT_ALIASES); nothing else is
    stripped, so "9.2p1 Debian 2+deb12u10" must equal "9.2p1 Debian 2+deb12u10";
  - nmap "identified" a port when it says method="probed" and a name other than tcpwrapped;
    method="table" is a guess from the port number (printed by nmap as "ident?");
  - nmap's tcpwrapped (connection accepted, then closed at once) is Vantage's open-restricted.
"""

import argparse
import json
import os
import re
import statistics
import xml.etree.ElementTree as ET

SERVICE_ALIASES = {
    "domain": "dns", "auth": "ident", "microsoft-ds": "smb", "netbios-ssn": "netbios",
    "ms-wbt-server": "rdp", "postgresql": "postgresql", "mongod": "mongodb", "mongodb": "mongodb",
    "https": "http/tls", "imaps": "imap/tls", "pop3s": "pop3/tls", "smtps": "smtp/tls",
    "submission": "smtp", "vnc": "vnc", "afp": "afp", "memcache": "memcached",
}
# Spellings of one product that differ only in form, mapped to one name on both sides.
PRODUCT_ALIASES = {
    "redis key-value store": "redis",
    "elasticsearch rest api": "elasticsearch",
    "mysql": "mysql", "mariadb": "mariadb",
}
TARGET_RATIO = 0.25


def norm(text):
    return re.sub(r"\s+", " ", (text or "").strip()).lower()


def norm_service(name, tls=False):
    n = SERVICE_ALIASES.get(norm(name), norm(name))
    if tls and not n.endswith("/tls"):
        n += "/tls"
    return n


def norm_product(p):
    n = norm(p)
    return PRODUCT_ALIASES.get(n, n)


# ---------------------------------------------------------------- parsers

def parse_nmap(path):
    """{(addr, port, proto): {state, name, product, version, extrainfo, method, tunnel}}"""
    out = {}
    root = ET.parse(path).getroot()
    for h in root.iter("host"):
        addr = next((a.get("addr") for a in h.findall("address") if a.get("addrtype") in ("ipv4", "ipv6")), None)
        if addr is None:
            continue
        for p in h.iter("port"):
            st = p.find("state")
            sv = p.find("service")
            g = (lambda k: sv.get(k) if sv is not None else None)
            out[(addr, int(p.get("portid")), p.get("protocol"))] = {
                "state": st.get("state") if st is not None else "?",
                "name": g("name"), "product": g("product"), "version": g("version"),
                "extrainfo": g("extrainfo"), "method": g("method"), "tunnel": g("tunnel")}
    return out


def parse_vantage(path):
    """{(addr, port, proto): {state, name, product, version, tls}} for the ports Vantage lists."""
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    out = {}
    for h in d.get("hosts", []):
        addr = h.get("address")
        for p in h.get("ports", []):
            s = p.get("service") or {}
            out[(addr, int(p["port"]), p.get("protocol", "tcp"))] = {
                "state": p.get("state"), "name": s.get("name"), "product": s.get("product"),
                "version": s.get("version"), "tls": bool(s.get("tls")), "key": p.get("service_key")}
    return out


# ---------------------------------------------------------------- verdicts

def nmap_identified(n):
    return n is not None and n["state"] == "open" and n["method"] == "probed" and n["name"] not in (None, "tcpwrapped")


def verdict(n, v):
    """(verdict, counts-as) where counts-as is one of: match, miss, named, na, diff."""
    if n is None or n["state"] not in ("open",):
        if v is None:
            return "-", "na"
        if n is None:
            return "only Vantage lists it", "na"
        return f"nmap says {n['state']}", "diff"
    if v is None:
        return "MISSING in Vantage", "miss" if nmap_identified(n) else "diff"
    if n["name"] == "tcpwrapped":
        ok = v["state"] == "open-restricted"
        return ("match (tcpwrapped = open-restricted)", "match") if ok else (f"DIFF (Vantage: {v['state']})", "diff")
    if n["method"] != "probed":
        if v["name"] and v["name"] != "unknown":
            same = norm_service(v["name"], v["tls"]) == norm_service(n["name"])
            return (f"Vantage names it (nmap guesses {n['name']}? from the port)"
                    + ("" if same else f"; names differ"), "named")
        return "neither identifies it", "na"
    problems = []
    if norm_service(v["name"], v["tls"]) != norm_service(n["name"], n["tunnel"] == "ssl"):
        problems.append("service")
    if n["product"] and norm_product(n["product"]) != norm_product(v["product"]):
        problems.append("product")
    if n["version"] and norm(n["version"]) != norm(v["version"]):
        problems.append("version")
    if problems:
        return "DIFF: " + ", ".join(problems), "miss"
    extra = []
    if v["product"] and not n["product"]:
        extra.append("+product")
    if v["version"] and not n["version"]:
        extra.append("+version")
    return "match" + (f" ({' '.join(extra)})" if extra else ""), "match"


def show(x, keys):
    if x is None:
        return "-"
    parts = [x.get(k) for k in keys]
    return " / ".join(p if p else "-" for p in parts)


def nmap_cell(n):
    if n is None:
        return "-"
    if n["state"] != "open":
        return f"({n['state']}) {n['name'] or ''}".strip()
    name = (n["name"] or "?") + ("?" if n["method"] != "probed" else "")
    if n["tunnel"] == "ssl":
        name = "ssl/" + name
    return " / ".join([name, n["product"] or "-", n["version"] or "-"])


def vantage_cell(v):
    if v is None:
        return "-"
    if v["state"] != "open":
        return f"({v['state']}) {v.get('key') or ''}".strip()
    name = (v["name"] or "?") + ("/tls" if v["tls"] else "")
    return " / ".join([name, v["product"] or "-", v["version"] or "-"])


# ---------------------------------------------------------------- trace

TRACE = re.compile(r"^vantage-trace (\d+\.\d+)\s+([\d.]+) ms (.*)$")


def trace_summary(log, start):
    """Phases and the slowest items of one Vantage run, from its trace lines."""
    items = []
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = TRACE.match(line.strip())
                if m:
                    items.append((float(m.group(1)), float(m.group(2)), m.group(3)))
    except OSError:
        return []
    if not items:
        return []
    lines = []
    scans = [t for t, _, w in items if w.startswith("scan-done")]
    end = max(t for t, _, _ in items)
    if scans:
        lines.append(f"start -> TCP scan of a host done (JVM start + scan): first {min(scans) - start:.2f} s, "
                     f"last {max(scans) - start:.2f} s")
    lines.append(f"start -> last traced step ends: {end - start:6.2f} s")
    slow = sorted(items, key=lambda x: -x[1])[:8]
    for t, ms, what in slow:
        lines.append(f"  {ms / 1000:6.2f} s  ends at +{t - start:5.2f} s  {what}")
    return lines


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--meta", action="append", default=[])
    args = ap.parse_args()
    meta = dict(m.split("=", 1) for m in args.meta)
    runs = []
    with open(os.path.join(args.dir, "runs.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            r, v, tool, secs, rc, path, start = line.rstrip("\n").split("\t")[:7]
            rec = {"run": int(r), "vantage": v, "tool": tool, "seconds": float(secs), "rc": int(rc),
                   "file": path, "start": float(start), "parsed": None}
            try:
                if rec["rc"] == 0 and os.path.getsize(path) > 0:
                    rec["parsed"] = (parse_nmap if tool == "nmap" else parse_vantage)(path)
            except (OSError, ValueError, ET.ParseError) as e:
                rec["error"] = str(e)
            runs.append(rec)
    vantages = list(dict.fromkeys(r["vantage"] for r in runs))
    result = {"scenario": "S4", "meta": meta, "vantages": {}, "ratios": {}, "targets": {}}
    all_ok_ident = True
    ident_named = True
    any_compared = False
    print("\n=== S4: service identification, Vantage vs nmap -sV, on the lab (TCP 1-1024, both hosts)")
    print("columns: nmap = service / product / version as nmap -sV reports them ('name?' = a guess from the port "
          "number); Vantage = the same from its JSON; both raw")
    for v in vantages:
        mine = [r for r in runs if r["vantage"] == v]
        last = {}
        stable = {}
        for tool in ("nmap", "vantage"):
            ok = [r for r in mine if r["tool"] == tool and r["parsed"] is not None]
            last[tool] = ok[-1]["parsed"] if ok else None
            sig = [json.dumps({str(key): val for key, val in sorted(r["parsed"].items())}, sort_keys=True) for r in ok]
            stable[tool] = len(set(sig)) <= 1
        n_ports = last["nmap"] or {}
        v_ports = last["vantage"] or {}
        keys = sorted(set(k for k, x in n_ports.items() if x["state"] == "open") | set(v_ports),
                      key=lambda k: (tuple(int(o) for o in k[0].split(".")) if "." in k[0] else (k[0],), k[2], k[1]))
        print(f"\n--- from {v}  (identification {'identical in every run' if all(stable.values()) else 'NOT the same in every run: ' + str(stable)})")
        print(f"{'host':12} {'port':9} {'nmap -sV (raw)':48} {'Vantage (raw)':48} match")
        rows = []
        counts = {"match": 0, "miss": 0, "named": 0, "na": 0, "diff": 0}
        for k in keys:
            n = n_ports.get(k) if k[2] == "tcp" else None
            x = v_ports.get(k)
            if k[2] == "udp":
                verdict_text, kind = "not scanned by nmap -sT (UDP key set)", "na"
            else:
                verdict_text, kind = verdict(n, x)
            counts[kind] += 1
            if kind in ("miss",):
                all_ok_ident = False
            if n is not None and n.get("name") in ("ident", "auth") and n["method"] != "probed":
                if kind != "named":
                    ident_named = False
            any_compared = any_compared or last["nmap"] is not None
            print(f"{k[0]:12} {str(k[1]) + '/' + k[2]:9} {nmap_cell(n)[:48]:48} {vantage_cell(x)[:48]:48} {verdict_text}")
            rows.append({"host": k[0], "port": k[1], "proto": k[2], "nmap": n, "vantage": x, "verdict": verdict_text,
                         "kind": kind})
        nmap_ident = sum(1 for k in keys if k[2] == "tcp" and nmap_identified(n_ports.get(k)))
        print(f"nmap identified {nmap_ident} port(s) (probed, not tcpwrapped); Vantage: {counts['match']} match "
              f"(tcpwrapped = open-restricted included), {counts['miss']} missed or different, "
              f"{counts['named']} named where nmap only guessed from the port number")
        times = {}
        for tool in ("nmap", "vantage"):
            ts = [r["seconds"] for r in mine if r["tool"] == tool and r["rc"] == 0 and r["parsed"] is not None]
            times[tool] = {"runs": [round(r["seconds"], 2) for r in mine if r["tool"] == tool],
                           "rc": [r["rc"] for r in mine if r["tool"] == tool],
                           "median_s": round(statistics.median(ts), 2) if ts else None,
                           "min_s": round(min(ts), 2) if ts else None, "max_s": round(max(ts), 2) if ts else None,
                           "valid_runs": len(ts)}
        ratio = (times["vantage"]["median_s"] / times["nmap"]["median_s"]
                 if times["vantage"]["median_s"] and times["nmap"]["median_s"] else None)
        result["vantages"][v] = {"rows": rows, "counts": counts, "nmap_identified": nmap_ident, "times": times,
                                 "ratio": round(ratio, 3) if ratio else None, "stable": stable}
        if ratio:
            result["ratios"][v] = round(ratio, 3)
    print("\n--- wall time (whole command: JVM start and nmap start included), seconds")
    print(f"{'vantage':8} {'tool':8} {'runs':32} {'median':>7} {'min':>7} {'max':>7}")
    for v, d in result["vantages"].items():
        for tool in ("nmap", "vantage"):
            t = d["times"][tool]
            runs_txt = " ".join(f"{s:.2f}" + ("" if rc == 0 else f"(rc={rc})") for s, rc in zip(t["runs"], t["rc"]))
            med = "-" if t["median_s"] is None else f"{t['median_s']:.2f}"
            lo = "-" if t["min_s"] is None else f"{t['min_s']:.2f}"
            hi = "-" if t["max_s"] is None else f"{t['max_s']:.2f}"
            print(f"{v:8} {tool:8} {runs_txt[:32]:32} {med:>7} {lo:>7} {hi:>7}")
        if d["ratio"]:
            print(f"{v:8} ratio vantage/nmap (medians): {d['ratio']:.3f}")
    for v in vantages:
        vr = [r for r in runs if r["vantage"] == v and r["tool"] == "vantage" and r["rc"] == 0]
        if vr:
            lines = trace_summary(vr[-1]["file"].rsplit(".", 1)[0] + ".log", vr[-1]["start"])
            if lines:
                print(f"\n--- where Vantage's time went (run {vr[-1]['run']} from {v}, {vr[-1]['seconds']:.2f} s; "
                      "-Dvantage.trace=true)")
                print("\n".join(lines))
    worst = max(result["ratios"].values()) if result["ratios"] else None
    result["targets"] = {"ratio_max": worst, "ratio_target": TARGET_RATIO,
                         "ratio_ok": worst is not None and worst <= TARGET_RATIO,
                         "identification_ok": any_compared and all_ok_ident, "ident_named": ident_named}
    print("\n--- targets")
    print(f"Vantage wall time <= {TARGET_RATIO} x nmap -sV (worst vantage): "
          + ("-" if worst is None else f"{worst:.3f}") + ("  PASS" if result["targets"]["ratio_ok"] else "  FAIL"))
    print("every service nmap identifies, identified with the same product and version: "
          + ("PASS" if result["targets"]["identification_ok"] else "FAIL"))
    print("the ident service nmap leaves as 'ident?' is named: " + ("PASS" if ident_named else "FAIL"))
    if meta.get("vantage_jar_changed", "no") != "no":
        print(f"WARNING: vantage.jar changed during the runs: {meta['vantage_jar_changed']}")
    cpath = os.path.join(args.dir, "commands.tsv")
    if os.path.exists(cpath):
        with open(cpath, encoding="utf-8") as f:
            for line in f:
                if "\t" in line:
                    print("cmd " + line.rstrip("\n").replace("\t", ": ", 1))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"summary written to {args.out}")


if __name__ == "__main__":
    main()
