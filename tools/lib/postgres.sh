#!/usr/bin/env bash
# Installs PostgreSQL 15 + pgvector when missing and runs the private local cluster under .data/postgres.
# Sourced by tools/run, tools/test and tools/monolith. Every step is idempotent.

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
PG_CONFIG_BIN="${PG_BIN}/pg_config"
LOCAL_PG_PORT="${MONOLITH_PG_PORT:-54329}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Package lists are fetched once per script run, before the first install, and again only after a source is added.
APT_LISTS_FETCHED=""

apt_install() {
  if [ -z "$APT_LISTS_FETCHED" ]; then
    as_root apt-get update -q >/dev/null
    APT_LISTS_FETCHED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "$@" >/dev/null
}

ensure_postgres_server() {
  if [ -x "${PG_BIN}/postgres" ] && [ -x "${PG_BIN}/initdb" ] && command -v pg_dump >/dev/null; then return; fi
  echo "• installing PostgreSQL ${PG_VERSION}"
  apt_install "postgresql-${PG_VERSION}" postgresql-client
}

# pgvector is not packaged for bookworm; build it from the next release's Debian source package.
ensure_pgvector() {
  local sharedir
  sharedir="$("${PG_BIN}/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/${PG_VERSION}")"
  if [ -f "${sharedir}/extension/vector.control" ]; then return; fi
  echo "• building pgvector from Debian's source package"
  local sources=/etc/apt/sources.list.d/debian.sources
  local srclist=/etc/apt/sources.list.d/monolith-trixie-src.sources
  if [ ! -f "$srclist" ]; then
    local uri
    uri="$(awk '/^URIs:/ {print $2; exit}' "$sources")"
    if [ -z "$uri" ]; then echo "tools: cannot read a Debian mirror URI from $sources" >&2; exit 1; fi
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | as_root tee "$srclist" >/dev/null
    APT_LISTS_FETCHED=""
  fi
  # apt_install fetches the lists (with the source list above) unless this run already has.
  apt_install "postgresql-server-dev-${PG_VERSION}" build-essential dpkg-dev
  local build
  build="$(mktemp -d)"
  chmod 755 "$build"
  (cd "$build" && apt-get source -q pgvector >/dev/null 2>&1)
  local srcdir
  srcdir="$(find "$build" -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
  if [ -z "$srcdir" ]; then echo "tools: apt-get source pgvector produced no source tree" >&2; exit 1; fi
  make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG_BIN" >/dev/null
  as_root make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG_BIN" install >/dev/null
  rm -rf "$build"
}

# The cluster must be owned by a non-root user: initdb and pg_ctl refuse root.
cluster_user() {
  if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

as_cluster_user() {
  local user
  user="$(cluster_user)"
  if [ "$(id -un)" = "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

ensure_local_cluster() {
  local data_root="$1"
  local pgdata="${data_root}/postgres"
  local pwfile="${data_root}/postgres.password"
  mkdir -p "$data_root"
  chmod 755 "$data_root"
  if [ ! -f "$pwfile" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$pwfile")
  fi
  if [ ! -f "${pgdata}/PG_VERSION" ]; then
    echo "• creating the local PostgreSQL cluster in ${pgdata}"
    rm -rf "$pgdata"
    mkdir -p "$pgdata"
    chown "$(cluster_user)" "$pgdata" "$pwfile"
    as_cluster_user "${PG_BIN}/initdb" -D "$pgdata" -U monolith --pwfile="$pwfile" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    chown "$(id -u)" "$pwfile"
  fi
  cat > "${pgdata}/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
port = ${LOCAL_PG_PORT}
unix_socket_directories = ''
max_connections = 200
max_parallel_maintenance_workers = 0
shared_buffers = '256MB'
maintenance_work_mem = '512MB'
fsync = on
CONF
  chown "$(cluster_user)" "${pgdata}/postgresql.auto.conf"
  if ! as_cluster_user "${PG_BIN}/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    echo "• starting PostgreSQL on 127.0.0.1:${LOCAL_PG_PORT}"
    as_cluster_user "${PG_BIN}/pg_ctl" -D "$pgdata" -l "${pgdata}/server.log" -w -t 60 start >/dev/null
  fi
  local password
  password="$(cat "$pwfile")"
  export LOCAL_DATABASE_URL="postgres://monolith:${password}@127.0.0.1:${LOCAL_PG_PORT}/monolith"
  if ! PGPASSWORD="$password" psql -h 127.0.0.1 -p "$LOCAL_PG_PORT" -U monolith -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'monolith'" | grep -q 1; then
    PGPASSWORD="$password" psql -h 127.0.0.1 -p "$LOCAL_PG_PORT" -U monolith -d postgres -qc "CREATE DATABASE monolith" >/dev/null
  fi
}

stop_local_cluster() {
  local pgdata="$1/postgres"
  if [ -f "${pgdata}/PG_VERSION" ] && as_cluster_user "${PG_BIN}/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    as_cluster_user "${PG_BIN}/pg_ctl" -D "$pgdata" -w stop -m fast >/dev/null
    echo "PostgreSQL stopped."
  else
    echo "PostgreSQL is not running."
  fi
}
