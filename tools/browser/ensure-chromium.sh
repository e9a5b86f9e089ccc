#!/usr/bin/env bash
# Makes sure Debian's Chromium is on this machine for the browser tests (ADR 051) and prints its path.
# Playwright's own browser download cannot work here (only the package registries are reached), so the
# browser comes from Debian's `chromium` package and playwright-core drives it by executablePath.
#
# Quiet and quick when the browser runs (`--version`); otherwise `apt-get update` then
# `apt-get install -y --no-install-recommends chromium`, as root or through `sudo -n`.
# The path is $CHROMIUM_PATH when set, else /usr/bin/chromium.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

die() { echo "ensure-chromium: $*" >&2; exit 1; }

runs() { "$chromium" --version >/dev/null 2>&1; }

if runs; then
  echo "$chromium"
  exit 0
fi

if [ "$chromium" != /usr/bin/chromium ]; then
  die "CHROMIUM_PATH=$chromium does not run ($chromium --version failed); unset it to install Debian's chromium"
fi
command -v apt-get >/dev/null || die "no $chromium and no apt-get to install it: install Chromium and set CHROMIUM_PATH"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  die "no $chromium, and installing it needs root: run 'apt-get install -y --no-install-recommends chromium' as root"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Two test runs on one fresh machine may install at once: wait for the other's dpkg lock instead of failing.
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends chromium; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  die "apt-get could not install chromium (last lines above)"
fi
runs || die "chromium was installed but '$chromium --version' fails"
echo "$chromium"
