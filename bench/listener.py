#!/usr/bin/env python3
"""Open TCP ports for the benchmarks: listen on ADDR:PORT pairs, accept, hold, close.

    listener.py --binds FILE --ready FILE [--max-seconds 900] [--hold-seconds 5]

FILE lists one "ADDR PORT" per line ('#' comments allowed; ADDR may be an IPv6 literal).
Every accepted connection is held open until the peer closes it or --hold-seconds pass, so a
scanner sees an ordinary open port, not one that resets at once. The process writes --ready once
every socket is bound and exits by itself after --max-seconds, on SIGTERM or on SIGINT.
Standard library only; run it inside the namespace that owns the addresses.
"""

import argparse
import os
import selectors
import signal
import socket
import sys
import time

MAX_HELD = 4000  # beyond this, accepted connections are closed at once (fd budget)


def read_binds(path):
    binds = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            addr, port = line.split()
            binds.append((addr, int(port)))
    return binds


def open_listener(addr, port):
    family = socket.AF_INET6 if ":" in addr else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(4096)
    s.setblocking(False)
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binds", required=True)
    ap.add_argument("--ready", required=True)
    ap.add_argument("--max-seconds", type=float, default=900.0)
    ap.add_argument("--hold-seconds", type=float, default=5.0)
    args = ap.parse_args()

    stop = False

    def on_signal(_s, _f):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))

    sel = selectors.DefaultSelector()
    binds = read_binds(args.binds)
    for addr, port in binds:
        try:
            sel.register(open_listener(addr, port), selectors.EVENT_READ, "listen")
        except OSError as e:
            sys.stderr.write(f"listener: cannot listen on {addr} port {port}: {e}\n")
            return 1
    with open(args.ready + ".tmp", "w", encoding="utf-8") as f:
        f.write(f"{len(binds)} listening\n")
    os.replace(args.ready + ".tmp", args.ready)

    held = {}  # socket -> deadline
    accepted = 0
    deadline = time.monotonic() + args.max_seconds
    while not stop and time.monotonic() < deadline:
        for key, _ev in sel.select(timeout=0.5):
            sock = key.fileobj
            if key.data == "listen":
                for _ in range(256):
                    try:
                        conn, _peer = sock.accept()
                    except (BlockingIOError, InterruptedError):
                        break
                    except OSError:
                        break
                    accepted += 1
                    if len(held) >= MAX_HELD:
                        conn.close()
                        continue
                    conn.setblocking(False)
                    held[conn] = time.monotonic() + args.hold_seconds
                    sel.register(conn, selectors.EVENT_READ, "conn")
            else:
                try:
                    data = sock.recv(4096)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if not data:  # peer closed or reset
                    sel.unregister(sock)
                    held.pop(sock, None)
                    sock.close()
        now = time.monotonic()
        for conn in [c for c, d in held.items() if d <= now]:
            sel.unregister(conn)
            del held[conn]
            conn.close()
    for key in list(sel.get_map().values()):
        key.fileobj.close()
    sys.stderr.write(f"listener: {len(binds)} sockets, {accepted} connections accepted\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
