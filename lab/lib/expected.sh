# shellcheck shell=bash
# The expected view of the lab from each vantage, for the variants of this run.
# Columns (tab separated; "-" = nothing):
#   vantage host address port proto state reason service product version package package_version tls findings
# state:  open | open-restricted | closed | filtered | open|filtered
# reason: syn-ack | closed-at-once | reset | reset-by-firewall | no-response | icmp-admin-prohibited
#         | icmp-port-unreachable | udp-response
# version: upstream version of the installed Debian package (what the product really is, whether
#         or not the service shows it); package_version: the full Debian version (dpkg-query).
# findings: comma-separated ids of the misconfigurations the variants switch on at that port.

EXPECTED_COLUMNS="vantage host address port proto state reason service product version package package_version tls findings"
EXPECTED_TCP_PORTS="21 22 23 25 53 80 110 113 443 3389 6379 8080"
EXPECTED_UDP_PORTS="53 161"

pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo -; }
upstream_version() {
  local v; v=$(pkg_version "$1")
  [ "$v" = - ] && { echo -; return; }
  v=${v#*:}; v=${v%-*}; v=${v%%+dfsg*}; v=${v%%~*}
  echo "$v"
}

# svc HOSTNAME PORT -> "service<TAB>product<TAB>package<TAB>tls" of what listens there (if anything)
svc() {
  case "$1:$2" in
    main:25)   printf 'smtp\tPostfix\tpostfix\tstarttls' ;;
    main:53)   printf 'domain\tISC BIND\tbind9\t-' ;;
    main:80)   printf 'http\tnginx\tnginx\t-' ;;
    main:110)  printf 'pop3\tDovecot\tdovecot-core\tstls' ;;
    main:113|login:113) printf 'ident\toidentd\toidentd\t-' ;;
    main:443)  printf 'https\tnginx\tnginx\ttls' ;;
    main:6379) printf 'redis\tRedis\tredis-server\t-' ;;
    login:21)  printf 'ftp\tvsftpd\tvsftpd\t-' ;;
    login:22)  printf 'ssh\tOpenSSH\topenssh-server\t-' ;;
    login:23)  printf 'telnet\tGNU inetutils telnetd\tinetutils-telnetd\t-' ;;
    *) return 1 ;;
  esac
}

# expected_state VANTAGE HOSTNAME PORT PROTO -> "state<TAB>reason<TAB>listening(0/1)<TAB>findings"
expected_state() {
  local v=$1 h=$2 p=$3 proto=$4 f=()
  if [ "$proto" = udp ]; then
    case "$h:$p" in
      main:53)  has_variant open-resolver && f+=(dns-open-resolver)
                printf 'open\tudp-response\t1\t%s' "$(IFS=,; echo "${f[*]:--}")" ;;
      main:161) printf 'closed\ticmp-port-unreachable\t0\t-' ;;
      *)        printf 'open|filtered\tno-response\t0\t-' ;;
    esac
    return
  fi
  case "$h:$p" in
    main:25)   has_variant open-relay && f+=(smtp-open-relay); has_variant vrfy && f+=(smtp-vrfy)
               printf 'open\tsyn-ack\t1' ;;
    main:53)   has_variant axfr && f+=(dns-zone-transfer); printf 'open\tsyn-ack\t1' ;;
    main:80|main:110|main:113|login:113) printf 'open\tsyn-ack\t1' ;;
    main:443)  if has_variant https || has_variant tls10; then
                 has_variant tls10 && f+=(tls-legacy-protocol)
                 printf 'open\tsyn-ack\t1'
               else printf 'closed\treset\t0'; fi ;;
    main:6379) if has_variant redis; then f+=(redis-no-auth); printf 'open\tsyn-ack\t1'
               else printf 'filtered\tno-response\t0'; fi ;;
    main:8080) printf 'filtered\ticmp-admin-prohibited\t0' ;;
    login:3389) printf 'closed\treset-by-firewall\t0' ;;
    login:21|login:22|login:23)
               local public=0
               has_variant login-open && public=1
               if [ "$p" = 21 ] && { has_variant anon-ftp || has_variant anon-ftp-write; }; then
                 public=1; f+=(ftp-anonymous); has_variant anon-ftp-write && f+=(ftp-anonymous-write)
               fi
               if [ "$v" = allowed ] || [ $public = 1 ]; then printf 'open\tsyn-ack\t1'
               else printf 'open-restricted\tclosed-at-once\t1'; f=(); fi ;;
    *)         printf 'filtered\tno-response\t0' ;;
  esac
  printf '\t%s' "$(IFS=,; echo "${f[*]:--}")"
}

# expected_rows: all rows (without header) for this run's variants
expected_rows() {
  local v h addr p proto st reason listening findings s service product pkg tls ver pver
  for v in outside allowed; do
    for h in main login; do
      [ $h = main ] && addr=$MAIN_IP || addr=$LOGIN_IP
      for proto in tcp udp; do
        local ports=$EXPECTED_TCP_PORTS; [ $proto = udp ] && ports=$EXPECTED_UDP_PORTS
        for p in $ports; do
          IFS=$'\t' read -r st reason listening findings <<<"$(expected_state $v $h $p $proto)"
          service=- product=- pkg=- tls=- ver=- pver=-
          if [ "$listening" = 1 ] && s=$(svc $h $p); then
            IFS=$'\t' read -r service product pkg tls <<<"$s"
            ver=$(upstream_version "$pkg"); pver=$(pkg_version "$pkg")
            if [ "$st" = open-restricted ]; then product=-; ver=-; pkg=-; pver=-; tls=-; fi
          fi
          printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
            $v $h $addr $p $proto "$st" "$reason" "$service" "$product" "$ver" "$pkg" "$pver" "$tls" "$findings"
        done
      done
    done
  done
}
