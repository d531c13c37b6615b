#!/usr/bin/env bash
# A tested deployment: does what docs/deploy.md tells an operator to do, on this machine, and checks the result.
#
#   scripts/deploy-check.sh
#
# 1. PostgreSQL (installed from Debian when absent; needs root): a throw-away cluster on a spare TCP port of
#    127.0.0.1, a database `jixiao` and a least-privilege role `jixiao` (login, no superuser, no createdb, no
#    createrole) owning only its schema `jixiao`; PUBLIC may not create in `public`.
# 2. `dotnet publish src/Jixiao.Cli` (the CLI carries the web app, its settings and wwwroot); `jixiao db init`;
#    `jixiao users add admin --role 管理员` with the password on stdin, when this build has `jixiao users`.
# 3. The app in Production from the publish folder, with deploy/jixiao.service's Environment= lines and
#    ExecStart arguments (port rewritten); nginx (installed from Debian when absent) with
#    deploy/nginx-jixiao.conf on spare ports, TLS with a throw-away self-signed certificate.
# 4. Checks with curl: /healthz/ready, the login page, the styles, a seed file imported with `jixiao import`
#    against the same database, a form page, its PDF (when Chromium is installed), JSON logs, HSTS and the
#    https redirect through nginx, and no demo account (admin / Jixiao#2026 is refused).
# Ends with `deploy-check: N checks passed, N failed`; stops what it started and deletes its folder in any case.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/jixiao-deploy.XXXXXX)
chmod 755 "$work"
passed=0
failed=0
app_pid=
nginx_pid=

find_pg() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_root_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "deploy-check: $1 is not installed and this is not root: apt-get install -y $1" >&2
    return 1
  fi
  echo "deploy-check: installing $1 from Debian" >&2
  apt-get install -y -qq --no-install-recommends "$1" </dev/null >/dev/null 2>&1 \
    || { apt-get update -qq </dev/null >/dev/null && apt-get install -y -qq --no-install-recommends "$1" </dev/null >/dev/null; }
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pg=$(find_pg)
if [ -z "$pg" ] || [ ! -x "$pg/initdb" ]; then
  as_root_install postgresql
  pg=$(find_pg)
fi
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  as_root_install nginx
  # Debian's package starts a site on port 80 as it installs: this check runs its own nginx only.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop nginx >/dev/null 2>&1 || true; fi
  [ -f /run/nginx.pid ] && kill "$(cat /run/nginx.pid)" 2>/dev/null || true
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  set +e
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
  [ -d "$work/pg/data" ] && as_pg "$pg/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

check() { # check NAME COMMAND...: one line per check, counted
  local name=$1
  shift
  if "$@" >"$work/check.out" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/     /' "$work/check.out" | head -n 20
  fi
}

# --- 1. PostgreSQL: cluster, database and least-privilege role --------------------------------------------------
pg_port=$(free_port)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
as_pg "$pg/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/pg/initdb.log" 2>&1 \
  || { cat "$work/pg/initdb.log" >&2; exit 1; }
# The superuser only on the Unix socket; the app's role over TCP with its password.
as_pg sh -c "cat > '$work/pg/data/pg_hba.conf'" <<EOF
local all postgres trust
host  jixiao jixiao 127.0.0.1/32 scram-sha-256
EOF
as_pg "$pg/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-k $work/pg -c listen_addresses=127.0.0.1 -p $pg_port -c fsync=off -c password_encryption=scram-sha-256" start >/dev/null \
  || { cat "$work/pg/server.log" >&2; exit 1; }
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
psql_su() { as_pg psql -h "$work/pg" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_su -d postgres <<EOF
CREATE ROLE jixiao LOGIN PASSWORD '$password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
CREATE DATABASE jixiao;
REVOKE ALL ON DATABASE jixiao FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE jixiao TO jixiao;
EOF
psql_su -d jixiao <<EOF
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA jixiao AUTHORIZATION jixiao;
ALTER ROLE jixiao IN DATABASE jixiao SET search_path = jixiao;
EOF
export ConnectionStrings__Jixiao="Host=127.0.0.1;Port=$pg_port;Database=jixiao;Username=jixiao;Password=$password"
unset JIXIAO_DB JIXIAO_SEEDS
echo "deploy-check: PostgreSQL $("$pg/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port, role jixiao"

# --- 2. publish, schema, first administrator ----------------------------------------------------------------------
echo "deploy-check: dotnet publish src/Jixiao.Cli"
dotnet publish "$repo/src/Jixiao.Cli" -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
jixiao=$work/app/jixiao
check "publish has the web app's styles and settings" test -s "$work/app/wwwroot/css/site.css" -a -s "$work/app/appsettings.json"
check "jixiao db init as the least-privilege role" "$jixiao" db init
check "the role is no superuser and cannot create in public" sh -c "
  [ \"\$(PGPASSWORD='$password' psql -h 127.0.0.1 -p $pg_port -U jixiao -d jixiao -tAc 'SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user')\" = f ] &&
  ! PGPASSWORD='$password' psql -h 127.0.0.1 -p $pg_port -U jixiao -d jixiao -c 'CREATE TABLE public.intruder (x int)' 2>/dev/null &&
  [ \"\$(PGPASSWORD='$password' psql -h 127.0.0.1 -p $pg_port -U jixiao -d jixiao -tAc \"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'jixiao' AND table_name = 'DataProtectionKeys'\")\" = 1 ]"

admin_password="Deploy-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')#1"
has_users=0
if "$jixiao" --help 2>/dev/null | grep -qE '^ +users( |$)'; then
  has_users=1
  check "jixiao users add admin --role 管理员 (password on stdin)" sh -c "printf '%s\n' '$admin_password' | '$jixiao' users add admin --role 管理员"
else
  echo "skip jixiao users add: this build has no \`jixiao users\` command"
fi

seed=$(ls "$repo"/../shared/seeds/*.txt 2>/dev/null | head -n 1 || true)
if [ -n "$seed" ]; then
  check "jixiao import $(basename "$seed")" "$jixiao" import "$seed"
else
  echo "skip import: no ../shared/seeds beside the repository"
fi

# --- 3. the app as the systemd unit runs it, nginx in front -------------------------------------------------------
unit="$repo/deploy/jixiao.service"
app_port=$(free_port)
mkdir -p "$work/state"
env_args=()
while IFS= read -r line; do env_args+=("${line#Environment=}"); done < <(grep '^Environment=' "$unit")
exec_start=$(grep '^ExecStart=' "$unit" | sed -e 's/^ExecStart=//' -e "s|/opt/jixiao/|$work/app/|" -e "s|127.0.0.1:5080|127.0.0.1:$app_port|")
read -r -a exec_args <<<"$exec_start"
(cd "$work/state" && exec env "${env_args[@]}" "${exec_args[@]}") >"$work/app.log" 2>&1 </dev/null &
app_pid=$!
base="http://127.0.0.1:$app_port"
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/healthz/live" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.5
done

http_port=$(free_port)
https_port=$(free_port)
mkdir -p "$work/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=jixiao.example.gov.cn" \
  -keyout "$work/nginx/jixiao.key" -out "$work/nginx/jixiao.pem" >/dev/null 2>&1
sed -e "s|server 127.0.0.1:5080;|server 127.0.0.1:$app_port;|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$https_port ssl;|" \
    -e "s|https://\$host\$request_uri|https://\$host:$https_port\$request_uri|" \
    -e "s|/etc/ssl/certs/jixiao.pem|$work/nginx/jixiao.pem|" \
    -e "s|/etc/ssl/private/jixiao.key|$work/nginx/jixiao.key|" \
    "$repo/deploy/nginx-jixiao.conf" >"$work/nginx/site.conf"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  include $work/nginx/site.conf;
}
EOF
"$nginx_bin" -c "$work/nginx/nginx.conf" -g 'daemon off;' >"$work/nginx/stdout.log" 2>&1 &
nginx_pid=$!
for _ in $(seq 1 40); do
  curl -ksS -o /dev/null "https://127.0.0.1:$https_port/healthz/live" 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || break
  sleep 0.25
done

# --- 4. checks ------------------------------------------------------------------------------------------------------
check "/healthz/ready 200 (database reachable, schema current)" sh -c "[ \"\$(curl -sS -o '$work/ready' -w '%{http_code}' '$base/healthz/ready')\" = 200 ] || { cat '$work/ready'; tail -n 30 '$work/app.log'; exit 1; }"
check "login page 200, Chinese first" sh -c "curl -fsS '$base/account/login' | grep -q '登录'"
check "/css/site.css 200 text/css from the publish folder" sh -c "curl -fsS -D - -o /dev/null '$base/css/site.css' | grep -qi '^content-type: text/css'"
check "logs are JSON lines in Production" sh -c "grep -m1 '^{' '$work/app.log' | python3 -c 'import json,sys; e=json.loads(sys.stdin.readline()); assert \"LogLevel\" in e and \"Message\" in e, e'"
if [ -n "$seed" ]; then
  form=$(curl -fsS "$base/api/v1/forms" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"] if d else "")' 2>/dev/null || true)
  check "the imported forms are served (/api/v1/forms)" test -n "$form"
  check "a form page 200" sh -c "[ \"\$(curl -sS -o /dev/null -w '%{http_code}' '$base/forms/$form')\" = 200 ]"
  if command -v chromium >/dev/null 2>&1 || [ -n "${JIXIAO_CHROMIUM:-}" ]; then
    check "the form's PDF 200 (Chromium)" sh -c "[ \"\$(curl -sS -o '$work/form.pdf' -w '%{http_code}' --max-time 120 '$base/forms/$form/pdf')\" = 200 ] && head -c 5 '$work/form.pdf' | grep -q '%PDF-'"
  else
    echo "skip PDF: Chromium is not installed"
  fi
fi

login() { # login USER PASSWORD → the status of the POST (302 signed in, 200 refused)
  local jar="$work/cookies.$RANDOM" token
  token=$(curl -fsS -c "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
}
demo_status=$(login admin 'Jixiao#2026' || true)
check "no demo account: admin / Jixiao#2026 is refused (answer $demo_status, 200 = form again)" test "$demo_status" = 200
if [ "$has_users" = 1 ]; then
  admin_status=$(login admin "$admin_password" || true)
  check "the administrator added with jixiao users signs in (answer $admin_status)" test "$admin_status" = 302
fi

check "nginx: http redirects to https" sh -c "curl -sS -o /dev/null -D - 'http://127.0.0.1:$http_port/' | grep -qi '^location: https://'"
check "nginx: /healthz/ready 200 through the proxy" sh -c "[ \"\$(curl -ksS -o /dev/null -w '%{http_code}' 'https://127.0.0.1:$https_port/healthz/ready')\" = 200 ]"
check "nginx: forwarded https seen by the app (HSTS header)" sh -c "curl -ksS -o /dev/null -D - -H 'Host: jixiao.example.gov.cn' 'https://127.0.0.1:$https_port/account/login' | grep -qi '^strict-transport-security: max-age='"
check "nginx: sign-in redirect keeps https and the public host" sh -c "curl -ksS -o /dev/null -D - -H 'Host: jixiao.example.gov.cn' 'https://127.0.0.1:$https_port/drafts' | grep -qi '^location: https://jixiao.example.gov.cn/account/login'"
check "direct http to Kestrel gets no HSTS" sh -c "! curl -sS -o /dev/null -D - '$base/account/login' | grep -qi '^strict-transport-security'"

echo
echo "deploy-check: $passed checks passed, $failed failed"
[ "$failed" -eq 0 ]
