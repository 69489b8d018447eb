# shellcheck shell=bash
# Topology: five namespaces joined by veth pairs created directly inside them (no interface,
# address or route in the root namespace), and the router's iptables.
#
#   vlab-outside  eth0 198.18.0.10/24 ── to-outside 198.18.0.1/24 ┐
#   vlab-allowed  eth0 198.18.1.10/24 ── to-allowed 198.18.1.1/24 ├ vlab-router
#   vlab-main     eth0 198.19.0.2/32  ── to-main    198.19.0.1/32 │  (routes 198.19.0.2 dev to-main,
#   vlab-login    eth0 198.19.0.3/32  ── to-login   198.19.0.1/32 ┘          198.19.0.3 dev to-login)
#
# Every namespace routes only 198.18.0.0/15 (no default route anywhere), so a daemon that tries
# to reach any other address fails inside its own namespace.

net_up() {
  local s ns
  for s in "${LAB_NS_ALL[@]}"; do
    ns=vlab-$s
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    nsx "$s" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  done
  # veth pairs, both ends created inside lab namespaces
  ip -n vlab-router link add to-outside type veth peer name eth0 netns vlab-outside
  ip -n vlab-router link add to-allowed type veth peer name eth0 netns vlab-allowed
  ip -n vlab-router link add to-main    type veth peer name eth0 netns vlab-main
  ip -n vlab-router link add to-login   type veth peer name eth0 netns vlab-login
  for s in outside allowed main login; do
    nsx "$s" sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
    nsx router sysctl -qw "net.ipv6.conf.to-$s.disable_ipv6=1"
  done

  ip -n vlab-outside addr add "$OUTSIDE_IP/24" dev eth0
  ip -n vlab-outside link set eth0 up
  ip -n vlab-outside route add "$LAB_NET" via "$OUTSIDE_GW"

  ip -n vlab-allowed addr add "$ALLOWED_IP/24" dev eth0
  ip -n vlab-allowed link set eth0 up
  ip -n vlab-allowed route add "$LAB_NET" via "$ALLOWED_GW"

  ip -n vlab-router addr add "$OUTSIDE_GW/24" dev to-outside
  ip -n vlab-router addr add "$ALLOWED_GW/24" dev to-allowed
  ip -n vlab-router addr add "$SERVER_GW/32" dev to-main
  ip -n vlab-router addr add "$SERVER_GW/32" dev to-login
  for s in outside allowed main login; do ip -n vlab-router link set "to-$s" up; done
  ip -n vlab-router route add "$MAIN_IP/32" dev to-main src "$SERVER_GW"
  ip -n vlab-router route add "$LOGIN_IP/32" dev to-login src "$SERVER_GW"

  local host ip
  for host in main login; do
    [ $host = main ] && ip=$MAIN_IP || ip=$LOGIN_IP
    ip -n "vlab-$host" addr add "$ip/32" dev eth0
    ip -n "vlab-$host" link set eth0 up
    ip -n "vlab-$host" route add "$SERVER_GW/32" dev eth0 src "$ip"
    ip -n "vlab-$host" route add "$LAB_NET" via "$SERVER_GW" src "$ip"
  done

  nsx router sysctl -qw net.ipv4.ip_forward=1
  net_firewall
}

# Router packet filter. Policy DROP; replies pass; new connections only to the listed ports.
net_firewall() {
  local ipt=(nsx router iptables -w 5)
  local main_tcp="25,53,80,110,113,443" main_udp="53,161"
  local login_tcp="21,22,23,113,$FTP_PASV_MIN:$FTP_PASV_MAX"
  has_variant redis && main_tcp="$main_tcp,6379"
  "${ipt[@]}" -P INPUT DROP
  "${ipt[@]}" -P FORWARD DROP
  "${ipt[@]}" -P OUTPUT ACCEPT
  "${ipt[@]}" -A INPUT -i lo -j ACCEPT
  "${ipt[@]}" -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
  "${ipt[@]}" -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
  "${ipt[@]}" -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
  "${ipt[@]}" -A FORWARD -m conntrack --ctstate INVALID -j DROP
  "${ipt[@]}" -A FORWARD -p icmp --icmp-type echo-request -d "$MAIN_IP,$LOGIN_IP" -j ACCEPT
  "${ipt[@]}" -A FORWARD -p tcp -d "$MAIN_IP" -m multiport --dports "$main_tcp" --syn -j ACCEPT
  "${ipt[@]}" -A FORWARD -p udp -d "$MAIN_IP" -m multiport --dports "$main_udp" -j ACCEPT
  "${ipt[@]}" -A FORWARD -p tcp -d "$LOGIN_IP" -m multiport --dports "$login_tcp" --syn -j ACCEPT
  # Two ports the router answers for itself, to show the other reasons a scanner meets:
  # main 8080: ICMP administratively prohibited; login 3389: TCP reset from the firewall.
  "${ipt[@]}" -A FORWARD -p tcp -d "$MAIN_IP" --dport 8080 -j REJECT --reject-with icmp-admin-prohibited
  "${ipt[@]}" -A FORWARD -p tcp -d "$LOGIN_IP" --dport 3389 -j REJECT --reject-with tcp-reset
  # Everything else: silently dropped (filtered).
}
