# shellcheck shell=bash
# Common definitions for the Vantage lab. Sourced by lab/up, lab/down, lab/status, lab/exec.
#
# Network rule: every address used here is in 198.18.0.0/15 or loopback, every namespace is
# named vlab-*, nothing is attached to the root namespace.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LAB_RUN=${VLAB_RUN:-/run/vantage-lab}
LAB_TEMPLATES=$LAB_DIR/templates

# Namespaces (short name -> full name is "vlab-<short>").
LAB_NS_ALL=(outside allowed router main login)

# Addresses.
OUTSIDE_IP=198.18.0.10
OUTSIDE_GW=198.18.0.1
ALLOWED_IP=198.18.1.10
ALLOWED_GW=198.18.1.1
ALLOWED_NET=198.18.1.0/24
SERVER_GW=198.19.0.1
MAIN_IP=198.19.0.2
LOGIN_IP=198.19.0.3
LAB_NET=198.18.0.0/15
LAB_ZONE=lab.test

# Variants and what they do (the README lists the same).
LAB_VARIANTS_ALL=(open-relay vrfy anon-ftp anon-ftp-write open-resolver axfr redis https tls10 login-open)

# FTP passive ports on login (forwarded by the router).
FTP_PASV_MIN=40000
FTP_PASV_MAX=40009

log()  { printf '[lab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[lab %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (network namespaces, iptables, apt-get)"; }

ns_name() {  # short or full -> full (vlab-...); refuses anything else
  local n=$1
  case "$n" in
    vlab-*) n=${n#vlab-} ;;
  esac
  local s
  for s in "${LAB_NS_ALL[@]}"; do
    [ "$s" = "$n" ] && { echo "vlab-$n"; return 0; }
  done
  return 1
}

nsx() {  # nsx SHORT CMD... : run a command inside a lab namespace
  local ns; ns=$(ns_name "$1") || die "unknown namespace $1"; shift
  ip netns exec "$ns" "$@"
}

ns_exists() { [ -e "/run/netns/$1" ]; }

# has_variant NAME: true if NAME was requested for this run (reads $LAB_VARIANTS as set by up).
has_variant() {
  local v
  for v in ${LAB_VARIANTS:-}; do [ "$v" = "$1" ] && return 0; done
  return 1
}

# Start a long-running foreground daemon inside a namespace, in its own session, and record its PID.
# start_daemon SHORTNS NAME CMD...
start_daemon() {
  local short=$1 name=$2; shift 2
  local ns; ns=$(ns_name "$short") || die "unknown namespace $short"
  mkdir -p "$LAB_RUN/pids" "$LAB_RUN/log"
  # setsid execs (we are not a process-group leader in a script), ip netns exec execs: $! is the daemon.
  setsid ip netns exec "$ns" "$@" </dev/null >>"$LAB_RUN/log/$short-$name.out" 2>&1 9>&- &
  local pid=$!
  echo "$pid" >"$LAB_RUN/pids/$short-$name.pid"
  echo "$ns" >"$LAB_RUN/pids/$short-$name.ns"
  log "started $name in $ns (pid $pid)"
}

# Render a template: replaces @KEY@ with the value of shell variable T_KEY for each T_* variable set.
render() {
  local src=$1 dst=$2 v sedargs=()
  for v in $(compgen -v T_); do
    local val=${!v}
    val=${val//\\/\\\\}; val=${val//|/\\|}; val=${val//&/\\&}
    val=${val//$'\n'/\\n}
    sedargs+=(-e "s|@${v#T_}@|${val}|g")
  done
  mkdir -p "$(dirname "$dst")"
  sed "${sedargs[@]}" "$src" >"$dst"
  if grep -q '@[A-Z_][A-Z0-9_]*@' "$dst"; then
    die "unrendered placeholder in $dst: $(grep -o '@[A-Z_][A-Z0-9_]*@' "$dst" | sort -u | tr '\n' ' ')"
  fi
}

# Connect and report what happens: "closed-at-once" if the server closes without sending a byte,
# "data" if it sends something, "refused"/"timeout" otherwise.  tcp_behaviour SHORTNS HOST PORT
tcp_behaviour() {
  local short=$1 host=$2 port=$3
  nsx "$short" timeout 6 bash -c '
    exec 3<>"/dev/tcp/$1/$2" 2>/dev/null || { echo refused; exit 0; }
    if IFS= read -r -N 1 -t 4 c <&3; then echo data
    elif [ $? -gt 128 ]; then echo open-silent
    else echo closed-at-once; fi
  ' _ "$host" "$port" 2>/dev/null || echo timeout
}

# One lab operation at a time on this machine: lab/up and lab/down hold an flock on
# ${LAB_RUN}.lock (an empty file left in place; removing it would break the lock for a waiter).
lab_lock() {
  [ -n "${VLAB_LOCK_HELD:-}" ] && return 0
  exec 9>"${LAB_RUN}.lock"
  flock -w 600 9 || die "another lab/up or lab/down is running (lock ${LAB_RUN}.lock)"
  export VLAB_LOCK_HELD=1
}

# dead_daemons: names of recorded daemons whose PID is gone (or left its namespace)
dead_daemons() {
  local f pid ns
  for f in "$LAB_RUN"/pids/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f"); ns=$(cat "${f%.pid}.ns")
    if [ "$(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null)" != "$(stat -L -c %i "/run/netns/$ns" 2>/dev/null)" ]; then
      basename "$f" .pid
    fi
  done
}
