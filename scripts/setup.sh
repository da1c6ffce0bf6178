#!/usr/bin/env bash
# Installs everything fazhi needs on Debian 12, as root. Idempotent: a second run only checks.
#  - Debian packages: Python venv, Chromium (browser tests), CJK fonts, nginx and openssl (HTTPS; the tests make a certificate), poppler-utils.
#  - FandolFang/FandolKai (仿宋/楷体 for the PDFs) exist in Debian only inside texlive-lang-chinese
#    (~50 MB of TeX we do not need), so we download that .deb and extract just the Fandol .otf
#    files into /usr/local/share/fonts/fandol.
#  - A virtualenv in .venv with the project and its test extras (pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3 python3-venv python3-pip git chromium fonts-noto-cjk fonts-arphic-ukai
  nginx poppler-utils fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
  zbar-tools openssl)
FANDOL_DIR=/usr/local/share/fonts/fandol
FANDOL_FILES=(FandolFang-Regular.otf FandolKai-Regular.otf)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: 安装 Debian 软件包: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

fandol_present() { for f in "${FANDOL_FILES[@]}"; do [ -f "$FANDOL_DIR/$f" ] || return 1; done; }
if ! fandol_present; then
  echo "setup: 从 texlive-lang-chinese 提取 Fandol 字体到 $FANDOL_DIR"
  tmp=$(mktemp -d)
  (cd "$tmp" && chmod 777 . && as_root apt-get download texlive-lang-chinese >/dev/null 2>&1 \
    || { as_root apt-get update -q && as_root apt-get download texlive-lang-chinese; })
  as_root mkdir -p "$FANDOL_DIR"
  dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb \
    | tar -x -C "$tmp" --wildcards '*/fandol/Fandol*.otf'
  as_root cp "$tmp"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol*.otf "$FANDOL_DIR"/
  rm -rf "$tmp"
  fc-cache -f >/dev/null 2>&1 || true
fi

PY=${PYTHON:-python3}
stamp=.venv/.fazhi-installed
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ]; then
  echo "setup: 创建 Python 虚拟环境 .venv"
  "$PY" -m venv .venv
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: 安装 Python 依赖"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi

# axe-core for the accessibility browser tests, pinned in package.json / package-lock.json.
# Node.js and npm come from Debian 12 when the machine has no npm of its own (a Node.js already
# installed, e.g. from NodeSource, is kept: Debian's npm package would conflict with it).
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: 安装 Node.js 和 npm（Debian 软件包）"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
fi
if ! cmp -s package-lock.json node_modules/.fazhi-installed-lock; then
  echo "setup: 安装 npm 依赖（axe-core）"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.fazhi-installed-lock
fi
