#!/usr/bin/env bash
# Install the Debian packages the test suite needs: PostgreSQL (a real server for the
# PostgreSQL run), Chromium (pages are tested in a real browser) and gettext (xgettext, which
# makemessages runs to find the interface strings the Spanish catalogue must translate). As root with apt-get we
# install them; otherwise we say exactly what to install and stop.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xgettext >/dev/null 2>&1 || missing+=(gettext)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The test suite needs these Debian packages, which are not installed: ${missing[*]}" >&2
echo "Install them, then run 'make test' again:" >&2
echo "    sudo apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
