#!/usr/bin/env bash
# Installs SoftHSM2 (Debian's softhsm2 package), the PKCS#11 token the PKI's HSM signer is tested
# against. Does nothing when it is already there; prints the PKCS#11 library path on success.
set -euo pipefail

library=/usr/lib/softhsm/libsofthsm2.so

if [ ! -e "$library" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "softhsm: $library is missing; run as root (or: sudo apt-get install -y softhsm2)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends softhsm2 >/dev/null
fi

echo "$library"
