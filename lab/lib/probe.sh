# shellcheck shell=bash
# One-shot probes run from inside a vantage namespace. Output: "STATE<TAB>BANNER".
# STATE: open, open-restricted (handshake then closed without a byte), closed (refused),
# unreachable (ICMP host/admin unreachable), filtered (no answer in time).
# BANNER: what the service says first (for HTTP the Server header, for DNS version.bind),
# "-" if nothing printable.

probe_payload() {  # port -> bytes to send when the server stays silent
  case "$1" in
    80)   printf 'HEAD / HTTP/1.0\\r\\nHost: www.%s\\r\\n\\r\\n' "$LAB_ZONE" ;;
    113)  printf '113, 1\\r\\n' ;;
    6379) printf 'PING\\r\\n' ;;
    *)    printf '' ;;
  esac
}

probe_tcp() {  # probe_tcp VANTAGE HOST PORT
  local v=$1 host=$2 port=$3
  if [ "$port" = 53 ]; then probe_dns "$v" "$host" tcp; return; fi
  if [ "$port" = 443 ]; then probe_https "$v" "$host"; return; fi
  local out errf
  mkdir -p "$LAB_RUN/tmp"; errf=$LAB_RUN/tmp/probe.$$.$RANDOM
  out=$(nsx "$v" timeout 6 bash -c '
    if ! exec 2>"$4" 3<>"/dev/tcp/$1/$2"; then
      err=$(cat "$4")
      case "$err" in
        *refused*) echo closed ;;
        *"No route"*|*unreachable*) echo unreachable ;;
        *) echo "closed-other $err" ;;
      esac
      exit 0
    fi
    line=""
    if [ -n "$3" ]; then   # client speaks first (HTTP, ident, Redis)
      printf "%b" "$3" >&3 2>/dev/null
      IFS= read -r -t 3 line <&3; rc=$?
      if [ $rc -ne 0 ] && [ $rc -le 128 ] && [ -z "$line" ]; then echo open-restricted; exit 0; fi
      if [ "$2" = 80 ]; then   # HTTP: report the Server header
        while IFS= read -r -t 2 h <&3; do
          h=${h%$'"'"'\r'"'"'}; [ -z "$h" ] && break
          case "${h,,}" in server:*) line=$h ;; esac
        done
      fi
    else                   # server speaks first, or closes at once
      IFS= read -r -t 2 line <&3; rc=$?
      if [ $rc -ne 0 ] && [ $rc -le 128 ] && [ -z "$line" ]; then echo open-restricted; exit 0; fi
    fi
    line=${line%$'"'"'\r'"'"'}
    if [ -z "$line" ] || [[ "$line" == *[^[:print:]]* ]]; then line="-"; fi
    printf "open\t%s\n" "$line"
  ' _ "$host" "$port" "$(probe_payload "$port")" "$errf" 2>/dev/null)
  rm -f "$errf"
  [ -z "$out" ] && out=filtered
  case "$out" in open*) ;; *) out="$out"$'\t-' ;; esac
  printf '%s\n' "$out"
}

probe_dns() {  # probe_dns VANTAGE HOST tcp|udp
  local v=$1 host=$2 proto=$3 flag=+notcp out st
  [ "$proto" = tcp ] && flag=+tcp
  out=$(nsx "$v" dig $flag +time=2 +tries=1 +norecurse @"$host" version.bind chaos txt 2>&1)
  st=$(sed -n 's/.*status: \([A-Z]*\).*/\1/p' <<<"$out" | head -1)
  if [ -n "$st" ]; then
    local ver; ver=$(awk '/^version\.bind\./ {sub(/.*TXT[ \t]+/, ""); gsub(/"/, ""); print; exit}' <<<"$out")
    printf 'open\t%s\n' "${ver:--}"
  elif grep -q 'refused' <<<"$out"; then printf 'closed\t-\n'
  else printf 'filtered\t-\n'; fi
}

probe_https() {  # probe_https VANTAGE HOST
  local v=$1 host=$2 out
  out=$(printf 'HEAD / HTTP/1.0\r\nHost: www.%s\r\n\r\n' "$LAB_ZONE" |
    nsx "$v" timeout 6 openssl s_client -connect "$host:443" -servername "www.$LAB_ZONE" -quiet 2>&1)
  if grep -qi '^server:' <<<"$out"; then
    printf 'open\t%s\n' "$(grep -i '^server:' <<<"$out" | head -1 | tr -d '\r')"
  elif grep -qi 'refused' <<<"$out"; then printf 'closed\t-\n'
  elif grep -qi 'no route\|unreachable' <<<"$out"; then printf 'unreachable\t-\n'
  elif grep -qi 'connect' <<<"$out"; then printf 'filtered\t-\n'
  else printf 'open\t-\n'; fi
}
