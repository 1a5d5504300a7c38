#!/usr/bin/env bash
# Install the Debian packages symptomdb's tests or its fleet need. As root with apt-get we
# install them; otherwise we say exactly what to install and stop.
#
#   ensure_system_packages.sh         the test suite: PostgreSQL (a real server for the
#                                     PostgreSQL run), Chromium (pages are tested in a real
#                                     browser), gettext (xgettext, which makemessages runs to
#                                     find the interface strings the Spanish catalogue must
#                                     translate), redis-server (the fleet test's shared cache)
#   ensure_system_packages.sh fleet   `make fleet`: PostgreSQL, redis-server (the shared cache)
#                                     and haproxy (the load balancer); see docs/operators.md
set -euo pipefail

want=${1:-test}
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "$want" = fleet ]; then
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
else
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v xgettext >/dev/null 2>&1 || missing+=(gettext)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # `make fleet` runs throwaway instances of its own on loopback ports: where Debian started
  # the packaged services, stop them rather than leave them listening.
  for service in redis-server haproxy; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
      systemctl stop "$service" || true
    fi
  done
  exit 0
fi

echo "symptomdb needs these Debian packages, which are not installed: ${missing[*]}" >&2
echo "Install them, then run the make target again:" >&2
echo "    sudo apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
