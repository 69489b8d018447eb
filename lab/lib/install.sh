# shellcheck shell=bash
# Installs the Debian packages the lab needs, if missing, without starting or enabling any
# system service: a policy-rc.d that returns 101 is in place during the install, and the
# systemd units of the packages installed here are disabled afterwards.

LAB_PKGS_BASE=(iproute2 iptables openssl bind9-dnsutils
  postfix bind9 nginx dovecot-pop3d oidentd
  vsftpd openssh-server xinetd inetutils-telnetd)
LAB_PKGS_REDIS=(redis-server)

# lab_boot_units PKG...: the systemd units (and SysV-only init scripts) these packages ship
lab_boot_units() {
  local p
  for p in "$@"; do
    dpkg -L "$p" 2>/dev/null | grep -E '^/(usr/)?lib/systemd/system/[^/@]+\.(service|socket)$' | xargs -r -n1 basename
    if [ -x "/etc/init.d/$p" ] && [ ! -e "/lib/systemd/system/$p.service" ]; then echo "$p"; fi
  done
}

pkg_installed() { dpkg-query -W -f='${db:Status-Status}\n' "$1" 2>/dev/null | grep -qx installed; }

lab_install_packages() {
  local want=("${LAB_PKGS_BASE[@]}") missing=() p
  has_variant redis && want+=("${LAB_PKGS_REDIS[@]}")
  for p in "${want[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && { log "packages: all present"; return 0; }
  log "packages: installing ${missing[*]}"
  command -v apt-get >/dev/null || die "apt-get not found (the lab needs Debian/Ubuntu packages)"

  local prc=/usr/sbin/policy-rc.d saved="" created=0
  if [ -e "$prc" ] && grep -q 'exit 101' "$prc" && [ "$(grep -cv '^\s*\(#.*\)\?$' "$prc")" -le 1 ]; then
    :  # an existing policy-rc.d already forbids every start
  else
    if [ -e "$prc" ]; then saved="$LAB_RUN/policy-rc.d.saved"; cp -p "$prc" "$saved"; fi
    printf '#!/bin/sh\n# vantage lab: no service starts during package installs\nexit 101\n' >"$prc"
    chmod 755 "$prc"; created=1
  fi
  local rc=0 opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  # postfix asks one debconf question; answer it for a non-interactive install.
  if printf '%s\n' "${missing[@]}" | grep -qx postfix && command -v debconf-set-selections >/dev/null; then
    printf 'postfix postfix/main_mailer_type select No configuration\n' | debconf-set-selections
  fi
  local before; before=$(dpkg-query -W -f='${db:Status-Status} ${Package}\n' | awk '$1=="installed"{print $2}' | sort)
  DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" update -qq || rc=$?
  if [ $rc -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" || rc=$?
  fi
  if [ $created = 1 ]; then
    if [ -n "$saved" ]; then cp -p "$saved" "$prc"; rm -f "$saved"; else rm -f "$prc"; fi
  fi
  [ $rc -eq 0 ] || die "apt-get failed (rc=$rc)"

  # Disable what the new packages (and their new dependencies) enabled for boot, so the host
  # never runs them: systemd units and SysV links (systemctl disable handles both).
  local new units=()
  new=$(comm -13 <(echo "$before") <(dpkg-query -W -f='${db:Status-Status} ${Package}\n' | awk '$1=="installed"{print $2}' | sort))
  echo "$new" >"$LAB_RUN/packages-installed-by-lab.txt"
  # shellcheck disable=SC2086
  mapfile -t units < <(lab_boot_units $new)
  if [ ${#units[@]} -gt 0 ] && command -v systemctl >/dev/null; then
    log "packages: disabling units ${units[*]}"
    systemctl disable "${units[@]}" >/dev/null 2>&1 || true
    if [ -d /run/systemd/system ]; then systemctl stop "${units[@]}" >/dev/null 2>&1 || true; fi
  fi
  # inetutils-telnetd registers itself in /etc/inetd.conf through update-inetd; switch that
  # entry off so no system inetd ever serves telnet on the host.
  if printf '%s\n' "${missing[@]}" | grep -qx inetutils-telnetd && command -v update-inetd >/dev/null &&
     [ -f /etc/inetd.conf ] && grep -Eq '^telnet[[:space:]]' /etc/inetd.conf; then
    update-inetd --disable telnet >/dev/null 2>&1 || true
  fi
  for p in "${missing[@]}"; do pkg_installed "$p" || die "package $p did not install"; done
  log "packages: done"
}
