#!/usr/bin/env bash
# Sets up publishing on `git push` on the web server, as root. Idempotent: run it again after
# an update of the program (git pull in this folder) to refresh the hooks.
#
#   bash deploy/install-server.sh [REPO_DIR] [SITE_DIR] [--no-nginx] [--owner USER]
#                                 [--cert FILE --key FILE] [--server-name NAME]
#
#   REPO_DIR  the bare repository staff push to (default /srv/git/fazhi.git)
#   SITE_DIR  releases, the `current` link nginx serves, the PDF cache (default /srv/fazhi)
#   --no-nginx  leave nginx alone; --owner USER  the account pushes arrive as (owns both folders)
#   --cert, --key  the bureau's TLS certificate (with its chain) and private key (default
#               /etc/ssl/fazhi/fullchain.pem, /etc/ssl/fazhi/privkey.pem); --server-name its domain.
#               Remembered in the repository's git config (fazhi.cert, fazhi.key, fazhi.servername).
#
# The hooks run this folder's program (fazhi.project) with its interpreter (fazhi.python;
# FAZHI_PYTHON overrides, default .venv/bin/python made by scripts/setup.sh). FAZHI_PDF=0
# at install time publishes without PDFs (git config fazhi.pdf). A new, empty repository
# receives this folder's commit and the site is published for the first time.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  cat <<'TEXT'
用法：bash deploy/install-server.sh [仓库目录] [网站目录] [--no-nginx] [--owner 账号]
                                    [--cert 证书文件 --key 私钥文件] [--server-name 域名]
  仓库目录   工作人员推送的 git 裸仓库（默认 /srv/git/fazhi.git）
  网站目录   发布版本 releases/、在线链接 current、缓存 cache/（默认 /srv/fazhi）
  --no-nginx 不改动 nginx
  --owner    推送所用的账号（如 git），仓库和网站目录归它所有
  --cert     HTTPS 证书文件，含中间证书（默认 /etc/ssl/fazhi/fullchain.pem）
  --key      证书的私钥文件（默认 /etc/ssl/fazhi/privkey.pem）
  --server-name 网站域名（如 mzj.example.gov.cn；默认接受任何域名）
  证书、私钥和域名记在仓库的 git 配置中，再次运行时不必重写。
可重复运行。安装时设置 FAZHI_PDF=0 则发布时不生成 PDF。详见 deploy/README.md。
TEXT
}

positional=() nginx=1 owner="" cert="" key="" server_name=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-nginx) nginx=0 ;;
    --owner) owner=$2; shift ;;
    --cert) cert=$(realpath -m "$2"); shift ;;
    --key) key=$(realpath -m "$2"); shift ;;
    --server-name) server_name=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "install-server: 未知选项 $1（见 --help）" >&2; exit 2 ;;
    *) positional+=("$1") ;;
  esac
  shift
done
REPO=$(realpath -m "${positional[0]:-/srv/git/fazhi.git}")
SITE=$(realpath -m "${positional[1]:-/srv/fazhi}")
PYTHON=${FAZHI_PYTHON:-$PROJECT/.venv/bin/python}
BRANCH=main

if [ ! -x "$PYTHON" ]; then
  echo "install-server: 安装依赖（scripts/setup.sh）"
  bash "$PROJECT/scripts/setup.sh"
fi

if [ ! -f "$REPO/HEAD" ]; then
  echo "install-server: 新建仓库 $REPO"
  git init -q --bare -b "$BRANCH" "$REPO"
fi
cfg() { git --git-dir="$REPO" config "$@"; }
cfg receive.denyNonFastForwards true   # published history is never rewritten
cfg receive.denyDeletes true
cfg fazhi.project "$PROJECT"
cfg fazhi.python "$PYTHON"
cfg fazhi.site "$SITE"
cfg fazhi.branch "$BRANCH"
cfg fazhi.keep >/dev/null || cfg fazhi.keep 10
# Certificate, key and domain: a flag given now, else what an earlier run recorded, else the default.
remember() { if [ -n "$2" ]; then cfg "fazhi.$1" "$2"; fi; cfg "fazhi.$1" 2>/dev/null || echo "$3"; }
cert=$(remember cert "$cert" /etc/ssl/fazhi/fullchain.pem)
key=$(remember key "$key" /etc/ssl/fazhi/privkey.pem)
server_name=$(remember servername "$server_name" _)
host=$server_name; [ "$host" != _ ] || host=$(hostname -f 2>/dev/null || hostname)
# The public address: mkdocs.yml's site_url (a portal's column: https://…/zt/fzjs/), else the domain.
site_url=$(PYTHONPATH="$PROJECT" "$PYTHON" -c 'import sys, pathlib; from fazhi.publish.nginx import project_site_url
print(project_site_url(pathlib.Path(sys.argv[1])))' "$PROJECT")
cfg fazhi.url >/dev/null || cfg fazhi.url "${site_url:-https://${host%% *}/}"
case "${FAZHI_PDF:-1}" in 0|off|false|no) cfg fazhi.pdf false ;; *) cfg fazhi.pdf true ;; esac
for hook in pre-receive post-receive; do
  install -m 755 "$PROJECT/deploy/git-hook.sh" "$REPO/hooks/$hook"
done
mkdir -p "$SITE/releases" "$SITE/staging" "$SITE/cache" "$SITE/acme"
[ -z "$owner" ] || chown -R "$owner": "$REPO" "$SITE"

if [ "$nginx" = 1 ]; then
  # Rendered first (it refuses a missing certificate), then tested; a refused configuration is
  # taken back, so the running site is never left with one nginx will not load.
  conf=/etc/nginx/sites-available/fazhi
  # Served under the path of mkdocs.yml's site_url (a column of the county portal: /zt/fzjs/).
  rendered=$(PYTHONPATH="$PROJECT" "$PYTHON" -m fazhi.publish.nginx --root "$SITE/current" --acme "$SITE/acme" \
    --cert "$cert" --key "$key" --server-name "$server_name" --project "$PROJECT") || exit 1
  [ ! -f "$conf" ] || cp "$conf" "$conf.bak"
  printf '%s\n' "$rendered" > "$conf"
  ln -sf "$conf" /etc/nginx/sites-enabled/fazhi
  rm -f /etc/nginx/sites-enabled/default
  if ! nginx -t; then
    echo "install-server: nginx 不接受新配置（见上面的提示），已恢复原配置" >&2
    if [ -f "$conf.bak" ]; then mv "$conf.bak" "$conf"; else rm -f "$conf" /etc/nginx/sites-enabled/fazhi; fi
    exit 1
  fi
  rm -f "$conf.bak"
  systemctl reload nginx 2>/dev/null || nginx -s reload 2>/dev/null || nginx
fi

as_owner() { if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }
if ! git --git-dir="$REPO" rev-parse -q --verify "refs/heads/$BRANCH" >/dev/null; then
  echo "install-server: 把 $PROJECT 的当前提交推送到新仓库（经过检查并首次发布）"
  as_owner git -C "$PROJECT" push -q "$REPO" "HEAD:refs/heads/$BRANCH"
elif [ ! -L "$SITE/current" ]; then
  echo "install-server: 首次发布 $BRANCH 分支"
  head=$(git --git-dir="$REPO" rev-parse "refs/heads/$BRANCH")
  (cd "$REPO" && echo "0000000000000000000000000000000000000000 $head refs/heads/$BRANCH" \
    | as_owner env PYTHONPATH="$PROJECT" "$PYTHON" -m fazhi.publish.hooks post-receive)
fi
echo "install-server: 完成。推送地址：ssh://<本机>$REPO（分支 $BRANCH），网站目录：$SITE/current"
