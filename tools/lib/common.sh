#!/usr/bin/env bash
# Shared set-up for tools/run, tools/test and tools/monolith: the database, the keys and the build.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${REPO_ROOT}/.data"
# shellcheck source=tools/lib/postgres.sh
source "${REPO_ROOT}/tools/lib/postgres.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ensure_dotnet() {
  if ! command -v dotnet >/dev/null; then
    echo "tools: the .NET SDK (10.0) is required on PATH" >&2
    exit 1
  fi
}

# Uses DATABASE_URL when given; otherwise installs and starts the embedded cluster and points DATABASE_URL at it.
ensure_database() {
  if [ -n "${DATABASE_URL:-}" ]; then
    echo "• using DATABASE_URL (the embedded cluster is not touched)"
    # Backups (tools/monolith backup, the Mechanic's pre-migration backup) run pg_dump against that server.
    command -v pg_dump >/dev/null || { echo "• installing the PostgreSQL client programs"; apt_install postgresql-client; } \
      || echo "tools: could not install postgresql-client: backups will fail until pg_dump is installed" >&2
    return
  fi
  ensure_postgres_server
  ensure_pgvector
  ensure_local_cluster "$DATA_DIR"
  export DATABASE_URL="$LOCAL_DATABASE_URL"
}

# squawk lints every migration the Mechanic drafts (tools/run) and the tests that lint need it (tools/test).
ensure_squawk() {
  [ -x "${REPO_ROOT}/tools/squawk/node_modules/.bin/squawk" ] && return
  if ! command -v npm >/dev/null; then
    echo "• installing npm (for squawk, the Mechanic's migration linter)"
    apt_install npm || { echo "tools: could not install npm: the Mechanic's proposals will say they were not linted" >&2; return; }
  fi
  echo "• installing squawk (tools/squawk)"
  # npm ci refuses this lock file: the registry mirror here lacks the other platforms' optional packages.
  (cd "${REPO_ROOT}/tools/squawk" && npm install --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "tools: could not install squawk: the Mechanic's proposals will say they were not linted" >&2
}

random_key() {
  head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40
}

# Local mode generates the keys once into .data/keys.env; explicit API_KEY / ADMIN_API_KEY / PROPOSER_API_KEY win.
ensure_keys() {
  local keys="${DATA_DIR}/keys.env"
  mkdir -p "$DATA_DIR"
  if [ ! -f "$keys" ]; then
    (umask 077
     printf 'API_KEY=%s\nADMIN_API_KEY=%s\n' "$(random_key)" "$(random_key)" > "$keys")
  fi
  # keys.env files written before the proposer role existed get its key added.
  if ! grep -q '^PROPOSER_API_KEY=' "$keys"; then
    (umask 077; printf 'PROPOSER_API_KEY=%s\n' "$(random_key)" >> "$keys")
  fi
  local service admin proposer
  service="$(sed -n 's/^API_KEY=//p' "$keys")"
  admin="$(sed -n 's/^ADMIN_API_KEY=//p' "$keys")"
  proposer="$(sed -n 's/^PROPOSER_API_KEY=//p' "$keys")"
  export API_KEY="${API_KEY:-$service}" ADMIN_API_KEY="${ADMIN_API_KEY:-$admin}" PROPOSER_API_KEY="${PROPOSER_API_KEY:-$proposer}"
  KEYS_FILE="$keys"
}

build_solution() {
  echo "• building"
  (cd "$REPO_ROOT" && dotnet build Monolith.sln -c Release -nologo -v q -clp:ErrorsOnly) || { echo "tools: build failed" >&2; exit 1; }
  mkdir -p "$DATA_DIR" && touch "$(build_stamp)"
}

host_dll() {
  echo "${REPO_ROOT}/src/Host/bin/Release/net10.0/Monolith.Host.dll"
}

# Written after every successful build: an incremental build that changes nothing leaves the DLLs' times alone.
build_stamp() {
  echo "${DATA_DIR}/build.stamp"
}

# True when a file the build reads is newer than the last build: code, project files, shared props, the admin page's
# embedded files. src/Dynamic/Schema and src/Dynamic/Migrations are left out: the Mechanic writes them and the build
# never compiles them (the service reads them at run time), so a Mechanic commit does not make the build stale.
build_is_stale() {
  [ -f "$(host_dll)" ] || return 0
  # A build made by hand (dotnet build) leaves no stamp; the host DLL's time stands in for it.
  local since
  since="$(build_stamp)"
  [ -f "$since" ] || since="$(host_dll)"
  [ -n "$(find "$REPO_ROOT/src" "$REPO_ROOT"/Directory.*.props \
      \( -path '*/bin' -o -path '*/obj' -o -path "$REPO_ROOT/src/Dynamic/Schema" -o -path "$REPO_ROOT/src/Dynamic/Migrations" \) -prune -o \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -path '*/Admin/Page/*' \) -type f -newer "$since" -print -quit)" ]
}
