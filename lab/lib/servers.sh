# shellcheck shell=bash
# Configures and starts the daemons of the "main" and "login" servers. Every config file, key,
# log, spool and pid file is under $LAB_RUN; every daemon runs inside its namespace.

SBIN_POSTFIX_MASTER=/usr/lib/postfix/sbin/master

lab_common_vars() {
  T_ZONE=$LAB_ZONE
  T_MAIN_IP=$MAIN_IP
  T_LOGIN_IP=$LOGIN_IP
  T_ALLOWED_NET=$ALLOWED_NET
  T_TLS_CERT=$LAB_RUN/tls/server.pem
  T_TLS_CHAIN=$LAB_RUN/tls/server-chain.pem
  T_TLS_KEY=$LAB_RUN/tls/server.key
  T_FTP_PASV_MIN=$FTP_PASV_MIN
  T_FTP_PASV_MAX=$FTP_PASV_MAX
}

# A small CA of the lab and one server certificate for every lab name. Tests may trust
# $LAB_RUN/tls/ca.pem.
lab_make_ca() {
  local d=$LAB_RUN/tls
  mkdir -p "$d"; chmod 755 "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -subj "/O=Vantage lab/CN=Vantage Lab CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$d/ca.key" -out "$d/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "/O=Vantage lab/CN=www.$LAB_ZONE" \
    -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=DNS:www.$LAB_ZONE,DNS:mail.$LAB_ZONE,DNS:pop.$LAB_ZONE,DNS:login.$LAB_ZONE,DNS:$LAB_ZONE,IP:$MAIN_IP,IP:$LOGIN_IP" \
    "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" >"$d/server.ext"
  openssl x509 -req -sha256 -days 30 -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" \
    -CAcreateserial -extfile "$d/server.ext" -out "$d/server.pem" 2>/dev/null
  cat "$d/server.pem" "$d/ca.pem" >"$d/server-chain.pem"
  chmod 600 "$d/ca.key" "$d/server.key"
}

# ---------------------------------------------------------------------------------------- main
main_up() {
  local d=$LAB_RUN/main
  mkdir -p "$d"
  lab_common_vars

  # Postfix (SMTP 25)
  local pf=$d/postfix
  mkdir -p "$pf/conf" "$pf/spool" "$pf/data"
  chown postfix "$pf/data"
  T_PF_CONF=$pf/conf T_PF_QUEUE=$pf/spool T_PF_DATA=$pf/data T_PF_LOG=$pf/maillog T_PF_DIR=$pf
  if has_variant open-relay; then T_PF_MYNETWORKS="0.0.0.0/0"; else T_PF_MYNETWORKS="127.0.0.0/8 $MAIN_IP/32"; fi
  if has_variant vrfy; then T_PF_DISABLE_VRFY=no; else T_PF_DISABLE_VRFY=yes; fi
  render "$LAB_TEMPLATES/main/postfix-main.cf" "$pf/conf/main.cf"
  render "$LAB_TEMPLATES/main/postfix-master.cf" "$pf/conf/master.cf"
  printf '%s\n' "postmaster: root" "abuse: root" "hostmaster: root" "webmaster: root" >"$pf/conf/aliases"
  nsx main postalias -c "$pf/conf" "$pf/conf/aliases"
  nsx main postfix -c "$pf/conf" check >>"$LAB_RUN/log/main-postfix-check.out" 2>&1 ||
    die "postfix check failed: see $LAB_RUN/log/main-postfix-check.out and $pf/maillog"
  start_daemon main postfix "$SBIN_POSTFIX_MASTER" -c "$pf/conf" -s

  # BIND9 (DNS 53 tcp+udp), authoritative for lab.test
  local nd=$d/named
  mkdir -p "$nd"
  T_NAMED_DIR=$nd
  if has_variant open-resolver; then T_NAMED_ALLOW_RECURSION="any;"; else T_NAMED_ALLOW_RECURSION="localhost;"; fi
  if has_variant axfr; then T_NAMED_ALLOW_TRANSFER="any;"; else T_NAMED_ALLOW_TRANSFER="none;"; fi
  render "$LAB_TEMPLATES/main/named.conf" "$nd/named.conf"
  render "$LAB_TEMPLATES/main/db.zone" "$nd/db.$LAB_ZONE"
  render "$LAB_TEMPLATES/main/db.rev" "$nd/db.198.19.0"
  render "$LAB_TEMPLATES/main/root.hints" "$nd/root.hints"
  chown -R bind:bind "$nd"
  named-checkconf "$nd/named.conf" || die "named-checkconf failed for $nd/named.conf"
  named-checkzone -q "$LAB_ZONE" "$nd/db.$LAB_ZONE" || die "bad zone $nd/db.$LAB_ZONE"
  start_daemon main named /usr/sbin/named -4 -f -u bind -c "$nd/named.conf"
  if has_variant open-resolver; then
    local rd=$d/root-named
    mkdir -p "$rd"
    T_ROOT_DIR=$rd
    render "$LAB_TEMPLATES/main/root-named.conf" "$rd/named.conf"
    render "$LAB_TEMPLATES/main/db.root" "$rd/db.root"
    chown -R bind:bind "$rd"
    named-checkconf "$rd/named.conf" || die "named-checkconf failed for $rd/named.conf"
    start_daemon main root-named /usr/sbin/named -4 -f -u bind -c "$rd/named.conf"
  fi

  # nginx (HTTP 80; HTTPS 443 in the https / tls10 variants)
  local ng=$d/nginx
  mkdir -p "$ng/html" "$ng/tmp"
  T_NGX_DIR=$ng
  T_NGX_HTTPS=""
  if has_variant https || has_variant tls10; then
    if has_variant tls10; then
      T_NGX_SSL_PROTOCOLS="TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"
      T_NGX_SSL_CIPHERS="DEFAULT:@SECLEVEL=0"
    else
      T_NGX_SSL_PROTOCOLS="TLSv1.2 TLSv1.3"
      T_NGX_SSL_CIPHERS="HIGH:!aNULL:!MD5"
    fi
    render "$LAB_TEMPLATES/main/nginx-https.conf" "$ng/https.part"
    T_NGX_HTTPS=$(cat "$ng/https.part")
  fi
  render "$LAB_TEMPLATES/main/nginx.conf" "$ng/nginx.conf"
  printf '<!doctype html>\n<title>Vantage lab</title>\n<h1>www.%s</h1>\n<p>Vantage lab web server.</p>\n' \
    "$LAB_ZONE" >"$ng/html/index.html"
  chmod -R a+rX "$ng/html"
  nsx main nginx -t -q -e "$ng/error.log" -c "$ng/nginx.conf" || die "nginx -t failed for $ng/nginx.conf"
  start_daemon main nginx /usr/sbin/nginx -e "$ng/error.log" -c "$ng/nginx.conf" -g "daemon off;"

  # Dovecot (POP3 110, STLS)
  local dc=$d/dovecot
  mkdir -p "$dc/mail"
  chown nobody:nogroup "$dc/mail"
  T_DC_DIR=$dc
  render "$LAB_TEMPLATES/main/dovecot.conf" "$dc/dovecot.conf"
  printf 'labuser:{PLAIN}labpass\n' >"$dc/users"
  chown root:dovecot "$dc/users"; chmod 640 "$dc/users"
  # Dovecot records its instances in /var/lib/dovecot/instances (compiled-in path); give it the
  # run dir's copy instead. `ip netns exec` runs in its own mount namespace (slave of the root
  # one), so this bind mount is seen by this dovecot only and vanishes with it.
  mkdir -p "$dc/state"
  start_daemon main dovecot sh -c 'mount -n --bind "$0" /var/lib/dovecot && exec "$@"' "$dc/state" \
    /usr/sbin/dovecot -F -c "$dc/dovecot.conf"

  # oidentd (ident 113)
  local oi=$d/oidentd
  mkdir -p "$oi"
  cp "$LAB_TEMPLATES/main/oidentd.conf" "$oi/oidentd.conf"
  start_daemon main oidentd /usr/sbin/oidentd -i -S -a "$MAIN_IP" -C "$oi/oidentd.conf" -u nobody -g nogroup

  # Redis without auth (redis variant)
  if has_variant redis; then
    local rdd=$d/redis
    mkdir -p "$rdd"
    T_RD_DIR=$rdd
    render "$LAB_TEMPLATES/main/redis.conf" "$rdd/redis.conf"
    chown -R redis:redis "$rdd"
    start_daemon main redis setpriv --reuid=redis --regid=redis --init-groups /usr/bin/redis-server "$rdd/redis.conf"
  fi
}

# --------------------------------------------------------------------------------------- login
login_up() {
  local d=$LAB_RUN/login
  mkdir -p "$d"
  lab_common_vars
  T_XI_DIR=$d
  local restricted=$ALLOWED_NET open=0.0.0.0/0
  T_XI_FTP_FROM=$restricted T_XI_SSH_FROM=$restricted T_XI_TELNET_FROM=$restricted
  if has_variant anon-ftp || has_variant anon-ftp-write; then T_XI_FTP_FROM=$open; fi
  if has_variant login-open; then T_XI_FTP_FROM=$open T_XI_SSH_FROM=$open T_XI_TELNET_FROM=$open; fi
  T_FTP_ANON=NO T_FTP_WRITE=NO
  if has_variant anon-ftp || has_variant anon-ftp-write; then T_FTP_ANON=YES; fi
  if has_variant anon-ftp-write; then T_FTP_WRITE=YES; fi

  # vsftpd (FTP 21, per connection from xinetd)
  mkdir -p "$d/vsftpd-empty" "$d/ftp-root/pub"
  chmod 755 "$d/vsftpd-empty"; chmod 555 "$d/ftp-root"
  printf 'Vantage lab anonymous FTP.\n' >"$d/ftp-root/pub/README"
  chmod -R a+rX "$d/ftp-root"
  if has_variant anon-ftp-write; then
    mkdir -p "$d/ftp-root/incoming"; chown ftp:ftp "$d/ftp-root/incoming"; chmod 755 "$d/ftp-root/incoming"
  fi
  # The user list is an allow-list (userlist_deny=NO); it also gates anonymous logins.
  if [ "$T_FTP_ANON" = YES ]; then printf 'anonymous\nftp\n' >"$d/vsftpd.user_list"; else : >"$d/vsftpd.user_list"; fi
  render "$LAB_TEMPLATES/login/vsftpd.conf" "$d/vsftpd.conf"

  # OpenSSH (SSH 22, sshd -i per connection from xinetd)
  mkdir -p "$d/ssh"
  ssh-keygen -q -t ed25519 -N '' -C vlab-login -f "$d/ssh/ssh_host_ed25519_key"
  ssh-keygen -q -t ecdsa -N '' -C vlab-login -f "$d/ssh/ssh_host_ecdsa_key"
  ssh-keygen -q -t rsa -b 2048 -N '' -C vlab-login -f "$d/ssh/ssh_host_rsa_key"
  render "$LAB_TEMPLATES/login/sshd_config" "$d/ssh/sshd_config"
  # sshd insists on /run/sshd (compiled in); lib/private-run gives the login daemons a /run of
  # their own that has it, so nothing is created on the host.
  nsx login "$LAB_DIR/lib/private-run" "$LAB_RUN" /usr/sbin/sshd -t -f "$d/ssh/sshd_config" ||
    die "sshd -t failed for $d/ssh/sshd_config"

  # xinetd with the access rules for FTP, SSH, TELNET
  render "$LAB_TEMPLATES/login/xinetd.conf" "$d/xinetd.conf"
  start_daemon login xinetd "$LAB_DIR/lib/private-run" "$LAB_RUN" /usr/sbin/xinetd -dontfork -pidfile "$d/xinetd.pid" -f "$d/xinetd.conf"

  # oidentd (ident 113)
  mkdir -p "$d/oidentd"
  cp "$LAB_TEMPLATES/main/oidentd.conf" "$d/oidentd/oidentd.conf"
  start_daemon login oidentd /usr/sbin/oidentd -i -S -a "$LOGIN_IP" -C "$d/oidentd/oidentd.conf" -u nobody -g nogroup
}
