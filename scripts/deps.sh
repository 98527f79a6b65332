# Installs what a fresh Debian/Ubuntu machine lacks for Gardesh, skipping what is present.
# Sourced by scripts/run and scripts/test. Usage: gardesh_deps run|test
set -euo pipefail

GARDESH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gardesh/target}"
TAURI_DRIVER_VERSION=2.1.0

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

gardesh_deps() {
  local purpose="$1"
  local pkgs=(libwebkit2gtk-4.1-dev build-essential pkg-config curl file)
  if [ "$purpose" = test ]; then
    pkgs+=(xvfb xauth webkit2gtk-driver chromium imagemagick poppler-utils)
  fi
  if ! command -v node >/dev/null 2>&1; then pkgs+=(nodejs npm); fi
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "apt: installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
  fi

  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
    exit 1
  fi
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$node_major" -lt 20 ]; then
    echo "Node.js 20 or newer is needed (found $(node --version))." >&2
    exit 1
  fi

  # npm packages: reinstall only when the lock file changed since the last install.
  if [ ! -f "$GARDESH_ROOT/ui/node_modules/.package-lock.json" ] ||
     [ "$GARDESH_ROOT/ui/package-lock.json" -nt "$GARDESH_ROOT/ui/node_modules/.package-lock.json" ]; then
    say "npm: installing the UI's packages"
    npm --prefix "$GARDESH_ROOT/ui" ci --no-audit --no-fund
  fi

  if [ "$purpose" = test ] && ! tauri-driver --help >/dev/null 2>&1; then
    say "cargo: installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
  fi
  export PATH="$HOME/.cargo/bin:$PATH"
}
