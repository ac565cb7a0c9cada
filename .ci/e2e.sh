#!/usr/bin/env bash
# End-to-end test of the VS Code extension in code-server 4.100.3 + headless Chromium.
# Installs what it needs (apt packages; code-server into .cache/code-server, reused when present),
# builds the .vsix and runs test/e2e/vscode.e2e.mjs. Skips (exit 0) only when the apt packages
# cannot be installed; any other failure fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
start=$SECONDS

CODE_SERVER_VERSION=4.100.3
cache="$root/.cache/code-server"
apt_packages=(chromium fonts-noto-cjk libkrb5-dev ripgrep build-essential pkg-config libx11-dev libxkbfile-dev libsecret-1-dev)

skip() {
  echo "e2e: SKIP vscode end-to-end test: $*"
  exit 0
}

# --- apt packages ---------------------------------------------------------------------------------
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || skip "apt-get is not available to install ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || skip "not root and no password-less sudo to install ${missing[*]}"
    SUDO="sudo -n"
  fi
  echo "e2e: installing ${missing[*]}"
  if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    skip "apt packages (${missing[*]}) could not be installed"
  fi
fi
for bin in /usr/bin/chromium /usr/bin/rg; do
  [ -x "$bin" ] || skip "$bin is missing after installing the apt packages"
done

# --- code-server into the cache folder --------------------------------------------------------------
installed_version() {
  node -e "console.log(require('$cache/node_modules/code-server/package.json').version)" 2>/dev/null || true
}
if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ] || [ ! -x "$cache/node_modules/.bin/code-server" ]; then
  echo "e2e: installing code-server@$CODE_SERVER_VERSION into .cache/code-server"
  t=$SECONDS
  rm -rf "$cache"
  mkdir -p "$cache"
  # @vscode/ripgrep downloads ripgrep from GitHub unless its cache holds the tarball: give it Debian's.
  tmp="${TMPDIR:-/tmp}"
  rgcache="$tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rgcache"
  rgdir=$(mktemp -d)
  cp /usr/bin/rg "$rgdir/rg"
  tar -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rgdir" rg
  rm -rf "$rgdir"
  echo '{ "name": "ximo-e2e-code-server", "private": true }' > "$cache/package.json"
  if ! (cd "$cache" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > install.log 2>&1); then
    tail -40 "$cache/install.log"
    echo "e2e: FAIL: npm install code-server@$CODE_SERVER_VERSION failed (log above)"
    exit 1
  fi
  echo "e2e: code-server installed in $((SECONDS - t)) s"
fi
[ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || { echo "e2e: FAIL: code-server $CODE_SERVER_VERSION not found in $cache"; exit 1; }

# --- the .vsix ---------------------------------------------------------------------------------------
t=$SECONDS
npm run package -w ximo-vscode --silent
echo "e2e: .vsix built in $((SECONDS - t)) s"

# --- the test ----------------------------------------------------------------------------------------
CODE_SERVER="$cache/node_modules/.bin/code-server" timeout 600 node test/e2e/vscode.e2e.mjs
echo "e2e: vscode end-to-end test passed in $((SECONDS - start)) s"
