# shellcheck shell=bash
# Shared plumbing for bench/s1, bench/s2, bench/s3, bench/s4-identify (sourced, not run).
#
# Safety rules every scenario keeps: all traffic stays on loopback or between network namespaces
# this script creates (names start with "vb-", addresses from 198.18.0.0/15); every scanner runs
# inside such a namespace, which has no route to the real network; every loop and command is
# bounded; on any exit the trap stops the processes started here (by PID) and deletes the
# namespaces (and with them the veths).

set -euo pipefail
export LC_ALL=C

VB_BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VB_REPO=$(git -C "$VB_BENCH" rev-parse --show-toplevel 2>/dev/null || (cd "$VB_BENCH/.." && pwd))
VB_NETEM_NFQ="$VB_REPO/../shared/tools/netem-nfq.py"
VANTAGE=${VANTAGE:-$VB_REPO/vantage}
export VANTAGE_NO_BUILD=1   # the launcher must never rebuild during a timing run

VB_PIDS=()      # background processes started here (killed by PID on exit)
VB_NETNS=()     # namespaces created here (deleted on exit)
VB_NFQ_NS=()    # namespaces whose mangle table queues to netem-nfq (flushed first)
VB_NETEM_PID=""
VB_NETEM_LOG=/dev/null
VB_NETEM_STATS=""
VB_NFQ_ARGS=()
VB_NFQ_PRIO=()
VB_MASSCAN_NET=()
VB_NETEM_KIND=""
VB_NETEM_DESC="none"
VB_MASSCAN_STATUS=""
VB_VANTAGE_STATUS="ok"
VB_SCEN=bench

vb_log() { printf '[%s] %s\n' "$VB_SCEN" "$*"; }
vb_die() { printf '[%s] error: %s\n' "$VB_SCEN" "$*" >&2; exit 1; }
vb_has_tool() { [[ ",$VB_TOOLS," == *",$1,"* ]]; }
vb_drop_tool() { VB_TOOLS=$(printf '%s' ",$VB_TOOLS," | sed "s/,$1,/,/; s/^,//; s/,\$//"); }

vb_usage() {
  cat <<EOF
usage: bench/${0##*/} [options]
  --runs N           timed runs per tool (default ${VB_DEFAULT_RUNS:-5}); tools alternate order every run
  --tools LIST       comma list from: $VB_ALLOWED_TOOLS (default: $VB_DEFAULT_TOOLS)
  --time-limit SEC   hard limit for the whole scenario (default $VB_DEFAULT_LIMIT)
  --cmd-timeout SEC  hard limit for one scanner command (default 300)
  --netem MODE       link emulation: auto (default), tc, nfq
  --masscan-wait SEC masscan --wait (default 10, masscan's own default)
  --vantage-args STR extra arguments for vantage check, word-split (also env VANTAGE_ARGS)
  --no-rt            run netem-nfq.py at normal priority instead of SCHED_FIFO 20
  --no-heartbeat     S3: no 1-per-second UDP datagram towards the scanner (see README: masscan
                     then hangs past its --wait on the otherwise silent veth)
environment: VANTAGE=path to the launcher (default <repo>/vantage); VANTAGE_NO_BUILD=1 is forced.
Must run as root. Results: bench/results/$VB_SCEN.json and bench/results/$VB_SCEN/ (raw outputs).
EOF
}

# vb_init SCENARIO DEFAULT_TOOLS ALLOWED_TOOLS DEFAULT_LIMIT "$@"
vb_init() {
  VB_SCEN=$1 VB_DEFAULT_TOOLS=$2 VB_ALLOWED_TOOLS=$3 VB_DEFAULT_LIMIT=$4
  shift 4
  local orig=("$@")
  VB_RUNS=${VB_DEFAULT_RUNS:-5} VB_TOOLS=$VB_DEFAULT_TOOLS VB_LIMIT=$VB_DEFAULT_LIMIT VB_CMD_LIMIT=300
  VB_NETEM_MODE=auto VB_MASSCAN_WAIT=10 VB_HEARTBEAT=1 VB_NFQ_RT=1 VB_VANTAGE_ARGS=${VANTAGE_ARGS:-}
  while [ $# -gt 0 ]; do
    case $1 in
      --runs) VB_RUNS=${2:?}; shift 2 ;;
      --tools) VB_TOOLS=${2:?}; shift 2 ;;
      --time-limit) VB_LIMIT=${2:?}; shift 2 ;;
      --cmd-timeout) VB_CMD_LIMIT=${2:?}; shift 2 ;;
      --netem) VB_NETEM_MODE=${2:?}; shift 2 ;;
      --masscan-wait) VB_MASSCAN_WAIT=${2:?}; shift 2 ;;
      --no-heartbeat) VB_HEARTBEAT=0; shift ;;
      --no-rt) VB_NFQ_RT=0; shift ;;
      --vantage-args) VB_VANTAGE_ARGS=${2?}; shift 2 ;;
      -h|--help) vb_usage; exit 0 ;;
      *) vb_usage >&2; vb_die "unknown option '$1'" ;;
    esac
  done
  local n
  for n in "$VB_RUNS" "$VB_LIMIT" "$VB_CMD_LIMIT" "$VB_MASSCAN_WAIT"; do
    [[ $n =~ ^[0-9]+$ ]] || vb_die "'$n' is not a whole number"
  done
  [ "$VB_RUNS" -ge 1 ] && [ "$VB_RUNS" -le 100 ] || vb_die "--runs must be between 1 and 100"
  [[ $VB_NETEM_MODE =~ ^(auto|tc|nfq)$ ]] || vb_die "--netem must be auto, tc or nfq"
  local t
  for t in ${VB_TOOLS//,/ }; do
    [[ $t =~ ^(vantage|nmap|masscan)$ ]] || vb_die "unknown tool '$t' (known: vantage, nmap, masscan)"
    if [[ ",$VB_ALLOWED_TOOLS," != *",$t,"* ]]; then
      [ "${VB_TIMED:-}" = "$VB_SCEN" ] || vb_log "$t is not part of $VB_SCEN (allowed: $VB_ALLOWED_TOOLS); skipped"
      vb_drop_tool "$t"
    fi
  done
  [ "$(id -u)" = 0 ] || vb_die "must run as root (creates network namespaces, veths and firewall rules); try: sudo $0"

  if [ "${VB_TIMED:-}" != "$VB_SCEN" ]; then
    vb_ensure_deps
    # Re-run this script under a hard overall limit; the trap below cleans up when it fires.
    export VB_TIMED=$VB_SCEN
    exec timeout --foreground -k 30 "$VB_LIMIT" bash "$0" "${orig[@]}"
  fi
  vb_ensure_deps   # quick now; sets the masscan status again in this process

  trap vb_cleanup EXIT
  trap 'vb_log "signal or time limit (${VB_LIMIT} s) reached; cleaning up"; exit 124' INT TERM HUP

  VB_RESULTS="$VB_BENCH/results"
  VB_WORK="$VB_RESULTS/$VB_SCEN"
  VB_RAW="$VB_WORK/raw"
  rm -rf "$VB_WORK"
  rm -f "$VB_RESULTS/$VB_SCEN.json"
  mkdir -p "$VB_RAW"
  vb_log "repo $VB_REPO; $(nproc) cores; kernel $(uname -r); runs $VB_RUNS; tools $VB_TOOLS; limit ${VB_LIMIT} s"
}

vb_ensure_deps() {
  local need=() c
  for c in nmap iptables python3 ip tc timeout; do
    command -v "$c" >/dev/null 2>&1 || need+=("$c")
  done
  if vb_has_tool masscan && ! command -v masscan >/dev/null 2>&1; then need+=(masscan); fi
  if [ ${#need[@]} -gt 0 ]; then
    local pkgs=() p
    for p in "${need[@]}"; do
      case $p in ip|tc) pkgs+=(iproute2) ;; timeout) pkgs+=(coreutils) ;; *) pkgs+=("$p") ;; esac
    done
    if command -v apt-get >/dev/null 2>&1; then
      vb_log "installing ${pkgs[*]} (apt-get) ..."
      timeout 600 apt-get update -qq >/dev/null 2>&1 || vb_log "apt-get update failed"
      for p in $(printf '%s\n' "${pkgs[@]}" | sort -u); do
        DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "$p" >/dev/null 2>&1 \
          || vb_log "apt-get install $p failed"
      done
    fi
  fi
  for c in nmap iptables python3 ip tc timeout; do
    command -v "$c" >/dev/null 2>&1 || vb_die "'$c' is missing and could not be installed"
  done
  if vb_has_tool masscan && ! command -v masscan >/dev/null 2>&1; then
    VB_MASSCAN_STATUS="masscan is not installed and apt-get could not install it"
    vb_log "masscan skipped: $VB_MASSCAN_STATUS"
    vb_drop_tool masscan
  fi
}

# ---------------------------------------------------------------- processes

vb_alive() { [ -r "/proc/$1/status" ] && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }

vb_forget_pid() {
  local keep=() p
  for p in "${VB_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  VB_PIDS=("${keep[@]}")
}

vb_stop_pid() {  # TERM, up to 5 s grace, then KILL; reaps it
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do vb_alive "$pid" || break; sleep 0.1; done
  vb_alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
  vb_forget_pid "$pid"
}

# vb_bg LOG cmd...  -> VB_BG_PID
vb_bg() {
  local log=$1; shift
  "$@" >"$log" 2>&1 </dev/null &
  VB_BG_PID=$!
  VB_PIDS+=("$VB_BG_PID")
}

# vb_wait_file FILE SECONDS PID: until FILE is non-empty, PID dies, or the time is up
vb_wait_file() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [ -s "$1" ] && return 0
    vb_alive "$3" || return 1
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- namespaces

vb_ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx -- "$1"; }

vb_ns_purge() {  # only ever vb-* namespaces: stop what runs inside, then delete
  local ns=$1 p
  [[ $ns == vb-* ]] || vb_die "refusing to touch namespace '$ns'"
  vb_ns_exists "$ns" || return 0
  for p in $(ip netns pids "$ns" 2>/dev/null); do kill -TERM "$p" 2>/dev/null || true; done
  sleep 0.3
  for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
  ip netns del "$ns" 2>/dev/null || true
}

vb_ns_add() {
  local ns=$1
  [[ $ns == vb-* ]] || vb_die "namespace names must start with vb- (got '$ns')"
  if vb_ns_exists "$ns"; then
    vb_log "removing stale namespace $ns from an earlier run"
    vb_ns_purge "$ns"
  fi
  ip netns add "$ns"
  VB_NETNS+=("$ns")
  ip -n "$ns" link set lo up
}

# vb_veth NS_A IF_A ADDR_A/LEN NS_B IF_B ADDR_B/LEN  (created inside NS_A, nothing in the root ns)
vb_veth() {
  ip -n "$1" link add "$2" type veth peer name "$5" netns "$4"
  ip -n "$1" addr add "$3" dev "$2"
  ip -n "$4" addr add "$6" dev "$5"
  ip -n "$1" link set "$2" up
  ip -n "$4" link set "$5" up
}

vb_mac() { ip -n "$1" -o link show "$2" | grep -o 'link/ether [0-9a-f:]*' | cut -d' ' -f2; }

vb_check_isolated() {  # the scanner namespace must have no default route
  if ip -n "$1" route show default | grep -q .; then vb_die "namespace $1 has a default route"; fi
  if ip -n "$1" -6 route show default | grep -q .; then vb_die "namespace $1 has an IPv6 default route"; fi
}

# ---------------------------------------------------------------- listeners

vb_start_listener() {  # NS BINDS_FILE
  local ready="$VB_WORK/listener.ready"
  rm -f "$ready"
  vb_bg "$VB_WORK/listener.log" ip netns exec "$1" python3 "$VB_BENCH/listener.py" \
    --binds "$2" --ready "$ready" --max-seconds "$VB_LIMIT" --hold-seconds 5
  if ! vb_wait_file "$ready" 30 "$VB_BG_PID"; then
    cat "$VB_WORK/listener.log" >&2 || true
    vb_die "the listener did not start in namespace $1"
  fi
  vb_log "listener: $(cat "$ready") in $1 (pid $VB_BG_PID)"
}

# A datagram per second from NS to ADDR (UDP port 9, answered by ICMP port-unreachable): the
# background traffic any real link has. Without it masscan's receive thread can sit in a blocking
# read on the silent veth long after --wait has run out (masscan issue #144).
vb_start_heartbeat() {  # NS ADDR
  [ "$VB_HEARTBEAT" = 1 ] || { vb_log "heartbeat off (--no-heartbeat)"; return 0; }
  vb_bg "$VB_WORK/heartbeat.log" ip netns exec "$1" python3 "$VB_BENCH/vbench.py" heartbeat \
    --to "$2" --every 1 --max-seconds "$VB_LIMIT"
  vb_log "heartbeat: 1 UDP datagram/s from $1 to $2 port 9 (pid $VB_BG_PID)"
}

# ---------------------------------------------------------------- link emulation

vb_netem_pick() {
  local ns="vb-probe-$$" err="$VB_WORK/netem-probe.err"
  VB_NETEM_KIND=""
  if [ "$VB_NETEM_MODE" != nfq ]; then
    vb_ns_add "$ns"
    if ip -n "$ns" link add vbprobe0 type veth peer name vbprobe1 2>"$err" \
       && tc -n "$ns" qdisc add dev vbprobe0 root netem delay 1ms 2>>"$err"; then
      VB_NETEM_KIND=tc
    fi
    vb_ns_purge "$ns"
    vb_forget_ns "$ns"
    if [ -z "$VB_NETEM_KIND" ]; then
      [ "$VB_NETEM_MODE" = tc ] && vb_die "--netem tc: the kernel refuses netem ($(tr '\n' ' ' <"$err"))"
      vb_log "tc netem unavailable ($(tr '\n' ' ' <"$err" | sed 's/ *$//')); using netem-nfq.py"
    fi
  fi
  if [ -z "$VB_NETEM_KIND" ]; then
    [ -f "$VB_NETEM_NFQ" ] || vb_die "no link emulation: kernel lacks sch_netem and $VB_NETEM_NFQ is missing"
    VB_NETEM_KIND=nfq
  fi
}

vb_forget_ns() {
  local keep=() n
  for n in "${VB_NETNS[@]}"; do [ "$n" = "$1" ] || keep+=("$n"); done
  VB_NETNS=("${keep[@]}")
}

# vb_netem_apply NS_T IF_T NS_S IF_S DELAY_MS JITTER_MS LOSS_PCT: impair both directions.
# tc: qdiscs on both veth ends, for the whole scenario. nfq: only records the settings; the bench
# loop starts a fresh netem-nfq.py around every timed command (vb_netem_on / vb_netem_off), so
# each run gets its own counters (packets, drops, most packets held, CPU seconds).
vb_netem_apply() {
  local nst=$1 ift=$2 nss=$3 ifs=$4 d=$5 j=$6 l=$7
  local jtxt="" ltxt=""
  [ "$j" != 0 ] && jtxt=" ± $j ms"
  [ "$l" != 0 ] && ltxt=", $l % loss"
  if [ "$VB_NETEM_KIND" = tc ]; then
    local args=(limit 100000 delay "${d}ms")
    [ "$j" != 0 ] && args+=("${j}ms")
    [ "$l" != 0 ] && args+=(loss "${l}%")
    tc -n "$nst" qdisc add dev "$ift" root netem "${args[@]}"
    tc -n "$nss" qdisc add dev "$ifs" root netem "${args[@]}"
    VB_NETEM_DESC="tc netem (kernel sch_netem) on both veth ends: ${d} ms${jtxt}${ltxt} each way"
  else
    VB_NFQ_ARGS=("$nst" "$ift" "$d" "$j" "$l")
    # Kernel netem runs in softirq context, ahead of every user process. The nearest userspace
    # equivalent is a real-time priority, so a CPU-hungry scanner on this 2-core machine does not
    # slow the emulated link down (rt throttling still leaves 5 % of each second to others).
    local prio="normal priority"
    VB_NFQ_PRIO=()
    if [ "$VB_NFQ_RT" = 1 ] && command -v chrt >/dev/null 2>&1 && chrt -f 20 true 2>/dev/null; then
      VB_NFQ_PRIO=(chrt -f 20)
      prio="SCHED_FIFO 20"
    fi
    VB_NETEM_DESC="netem-nfq.py (userspace NFQUEUE, $prio; kernel lacks sch_netem) at the target end: ${d} ms${jtxt}${ltxt} each way"
  fi
  vb_log "link emulation: $VB_NETEM_DESC"
}

vb_netem_on() {  # LOGFILE; no-op unless netem-nfq is in use
  [ "$VB_NETEM_KIND" = nfq ] && [ ${#VB_NFQ_ARGS[@]} -gt 0 ] || return 0
  local nst=${VB_NFQ_ARGS[0]} ift=${VB_NFQ_ARGS[1]} ready="$VB_WORK/netem.ready"
  VB_NETEM_LOG=$1
  rm -f "$ready"
  vb_bg "$VB_NETEM_LOG" "${VB_NFQ_PRIO[@]}" ip netns exec "$nst" python3 "$VB_NETEM_NFQ" --queue 17 \
    --delay-ms "${VB_NFQ_ARGS[2]}" --jitter-ms "${VB_NFQ_ARGS[3]}" --loss-pct "${VB_NFQ_ARGS[4]}" \
    --ready "$ready" --max-seconds "$((VB_CMD_LIMIT + 60))"
  VB_NETEM_PID=$VB_BG_PID
  if ! vb_wait_file "$ready" 30 "$VB_NETEM_PID"; then
    cat "$VB_NETEM_LOG" >&2 || true
    vb_die "netem-nfq.py did not start"
  fi
  VB_NFQ_NS+=("$nst")
  ip netns exec "$nst" iptables -t mangle -A PREROUTING -i "$ift" -j NFQUEUE --queue-num 17
  ip netns exec "$nst" iptables -t mangle -A POSTROUTING -o "$ift" -j NFQUEUE --queue-num 17
}

vb_netem_off() {  # rules first, then the process, so no packet is queued to a dead queue
  local ns
  VB_NETEM_STATS=""
  for ns in "${VB_NFQ_NS[@]}"; do ip netns exec "$ns" iptables -t mangle -F 2>/dev/null || true; done
  VB_NFQ_NS=()
  if [ -n "$VB_NETEM_PID" ]; then
    vb_stop_pid "$VB_NETEM_PID"
    VB_NETEM_PID=""
    VB_NETEM_STATS=$(sed -n 's/^vbnetem: //p' "$VB_NETEM_LOG" 2>/dev/null | tail -n 1)
  fi
}

# ---------------------------------------------------------------- vantage

vb_check_vantage() {
  vb_has_tool vantage || { VB_VANTAGE_STATUS="not selected (--tools)"; return 0; }
  local out
  if [ ! -x "$VANTAGE" ]; then
    VB_VANTAGE_STATUS="launcher $VANTAGE not found or not executable"
  elif ! out=$(timeout 120 "$VANTAGE" check --help 2>&1 </dev/null); then
    VB_VANTAGE_STATUS="'VANTAGE_NO_BUILD=1 $VANTAGE check --help' failed: $(printf '%s' "$out" | head -n 3 | tr '\n' ' ')"
  else
    VB_VANTAGE_STATUS=ok
    VB_JAR_ID=$(vb_jar_id)
    vb_log "vantage: $VANTAGE (jar $VB_JAR_ID)"
    return 0
  fi
  vb_log "*** VANTAGE NOT AVAILABLE: $VB_VANTAGE_STATUS"
  vb_log "*** running the other tools only (build it with ./vantage --help, or set VANTAGE=...)"
  vb_drop_tool vantage
}

# The jar the default launcher runs, as "mtime sha256-prefix"; lets a run notice a rebuild midway.
VB_JAR_ID=""
vb_jar_id() {
  local jar="$VB_REPO/app/target/vantage.jar"
  if [ "$VANTAGE" = "$VB_REPO/vantage" ] && [ -f "$jar" ]; then
    printf '%s %s' "$(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ)" "$(sha256sum "$jar" | cut -c1-12)"
  else
    printf 'unknown'
  fi
}

vb_check_jar() {
  [ -n "$VB_JAR_ID" ] && [ "$VB_JAR_ID" != unknown ] || return 0
  local now
  now=$(vb_jar_id)
  if [ "$now" != "$VB_JAR_ID" ]; then
    vb_log "WARNING: vantage.jar changed during the benchmark ($VB_JAR_ID -> $now); runs mix builds"
    VB_JAR_CHANGED="$VB_JAR_ID -> $now"
    VB_JAR_ID=$now
  fi
}
VB_JAR_CHANGED=""

# ---------------------------------------------------------------- the timed runs

# vb_tool_cmd TOOL OUTFILE PORTS TARGETS... -> VB_CMD (array). Uses VB_SCAN_NS, VB_MASSCAN_NET.
vb_tool_cmd() {
  local tool=$1 out=$2 ports=$3
  shift 3
  case $tool in
    nmap) VB_CMD=(ip netns exec "$VB_SCAN_NS" nmap -sT -Pn -n -T4 -p "$ports" -oX "$out" "$@") ;;
    vantage)
      local extra=()
      [ -n "$VB_VANTAGE_ARGS" ] && read -r -a extra <<<"$VB_VANTAGE_ARGS"
      # --scan-only: reachability alone, the job nmap -sT does (no identification, no relay check).
      VB_CMD=(ip netns exec "$VB_SCAN_NS" "$VANTAGE" check --scan-only -p "$ports" --format json --show-all
              "${extra[@]}" -o "$out" "$@") ;;
    masscan) VB_CMD=(ip netns exec "$VB_SCAN_NS" masscan -p "$ports" --rate 10000 --wait "$VB_MASSCAN_WAIT"
                     "${VB_MASSCAN_NET[@]}" -oL "$out" "$@") ;;
    *) vb_die "unknown tool $tool" ;;
  esac
}

vb_ext() { case $1 in nmap) echo xml ;; vantage) echo json ;; masscan) echo txt ;; esac; }

# vb_timed LOG cmd... -> VB_SECS, VB_RC. Wall time of the whole command, bounded by --cmd-timeout.
vb_timed() {
  local log=$1 pid t0 t1
  shift
  t0=$EPOCHREALTIME
  timeout -k 5 "$VB_CMD_LIMIT" "$@" >"$log" 2>&1 </dev/null &
  pid=$!
  VB_PIDS+=("$pid")
  VB_RC=0
  wait "$pid" || VB_RC=$?
  t1=$EPOCHREALTIME
  vb_forget_pid "$pid"
  VB_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  [ "$VB_RC" = 124 ] && vb_log "command hit --cmd-timeout ${VB_CMD_LIMIT} s: $*"
  return 0
}

# Untimed warm-up (page cache; the launcher's class-data archive) against loopback in the scanner ns.
vb_warmup() {
  local tool
  for tool in ${VB_TOOLS//,/ }; do
    [ "$tool" = masscan ] && continue
    vb_tool_cmd "$tool" "$VB_RAW/warmup-$tool.$(vb_ext "$tool")" 1-1000 127.0.0.1
    vb_timed "$VB_RAW/warmup-$tool.log" "${VB_CMD[@]}"
    vb_log "warm-up $tool (127.0.0.1, 1000 ports, untimed): ${VB_SECS} s rc=$VB_RC"
  done
}

# vb_bench PORTS TARGETS...: N runs, tools alternating order, then the summary.
vb_bench() {
  local ports=$1
  shift
  local tools=(${VB_TOOLS//,/ }) r tool order out log acc i
  [ ${#tools[@]} -gt 0 ] || vb_die "no tool left to run"
  : >"$VB_WORK/commands.tsv"
  for tool in "${tools[@]}"; do
    vb_tool_cmd "$tool" OUTFILE "$ports" "$@"
    printf '%s\t%s\n' "$tool" "${VB_CMD[*]}" >>"$VB_WORK/commands.tsv"
  done
  printf '#run\ttool\tseconds\trc\tfile\tnetem\n' >"$VB_WORK/runs.tsv"
  vb_warmup
  for ((r = 1; r <= VB_RUNS; r++)); do
    order=()
    if ((r % 2)); then order=("${tools[@]}"); else for ((i = ${#tools[@]} - 1; i >= 0; i--)); do order+=("${tools[i]}"); done; fi
    for tool in "${order[@]}"; do
      out="$VB_RAW/run$r-$tool.$(vb_ext "$tool")"
      log="$VB_RAW/run$r-$tool.log"
      rm -f "$out"
      vb_tool_cmd "$tool" "$out" "$ports" "$@"
      vb_netem_on "$VB_RAW/run$r-$tool.netem.log"
      vb_timed "$log" "${VB_CMD[@]}"
      vb_netem_off
      [ "$tool" = vantage ] && vb_check_jar
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$tool" "$VB_SECS" "$VB_RC" "$out" "$VB_NETEM_STATS" \
        >>"$VB_WORK/runs.tsv"
      acc=$(python3 "$VB_BENCH/vbench.py" score --truth "$VB_WORK/truth.json" --tool "$tool" --file "$out" 2>&1) \
        || acc="scoring failed: $acc"
      vb_log "$(printf 'run %d/%d  %-8s %8.2f s  rc=%s  %s' "$r" "$VB_RUNS" "$tool" "$VB_SECS" "$VB_RC" "$acc")"
      [ -n "$VB_NETEM_STATS" ] && vb_log "             netem-nfq: $VB_NETEM_STATS"
      if [ "$VB_RC" != 0 ]; then tail -n 3 "$log" | sed "s/^/[$VB_SCEN]   | /" || true; fi
      sleep 1   # let delayed packets of this command drain before the next one
    done
  done
}

vb_summary() {  # extra k=v meta pairs as arguments
  python3 "$VB_BENCH/vbench.py" summary --scenario "$VB_SCEN" --dir "$VB_WORK" \
    --out "$VB_RESULTS/$VB_SCEN.json" \
    --meta "netem=$VB_NETEM_DESC" --meta "vantage_status=$VB_VANTAGE_STATUS" \
    --meta "masscan_status=${VB_MASSCAN_STATUS:-ok}" --meta "runs=$VB_RUNS" \
    --meta "cores=$(nproc)" --meta "kernel=$(uname -r)" \
    --meta "nmap=$(nmap --version | head -n 1)" \
    --meta "masscan=$( (masscan --version 2>/dev/null || true) | grep -m1 -o 'Masscan version [0-9.]*' || echo none)" \
    --meta "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" --meta "vantage_jar=${VB_JAR_ID:-}" \
    --meta "vantage_jar_changed=${VB_JAR_CHANGED:-no}" "$@"
}

# ---------------------------------------------------------------- teardown

vb_cleanup() {
  local rc=$? p ns
  set +e
  trap - INT TERM HUP
  vb_netem_off
  for p in "${VB_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${VB_PIDS[@]}"; do vb_stop_pid "$p"; done
  for ns in "${VB_NETNS[@]}"; do vb_ns_purge "$ns"; done
  VB_NETNS=()
  vb_log "cleaned up (namespaces and started processes removed)"
  exit "$rc"
}
