# Shared by bin/serve and bin/test: make sure what the build and the tests need is on this
# machine, installing Debian packages where something is missing (as root, or through sudo).

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  echo "installing Debian packages: $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# libpq for diesel's PostgreSQL backend (the embedded SQLite needs nothing).
ensure_build_prerequisites() {
  local missing=()
  command -v cargo >/dev/null || { echo "cargo is needed: install Rust from https://rustup.rs" >&2; exit 1; }
  command -v cc >/dev/null || missing+=(gcc libc6-dev)
  [ -e /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

ensure_node() {
  if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
}

# Installs web/node_modules when package-lock.json changed since the last install.
ensure_web_packages() {
  ensure_node
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and exports
# CONTINUITY_TEST_POSTGRES_URL pointing at a database the tests may create schemas in.
ensure_postgres() {
  local url="${CONTINUITY_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
  command -v psql >/dev/null && command -v pg_isready >/dev/null || apt_install postgresql-client
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if [ ! -d /etc/postgresql ]; then apt_install postgresql; fi
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    echo "starting PostgreSQL $version" >&2
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
  fi
  if ! psql "$url" -qtAc 'select 1' >/dev/null 2>&1; then
    # Refused (authentication, or no such database): set up a role of our own.
    echo "cannot connect as $url; creating the role continuity_test" >&2
    local sql="DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'continuity_test') THEN
        CREATE ROLE continuity_test LOGIN SUPERUSER PASSWORD 'continuity_test';
      END IF; END \$\$;"
    as_root su postgres -c "psql -qc \"$sql\"" >/dev/null
    as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'continuity_test'\" | grep -q 1 || createdb -O continuity_test continuity_test"
    url="postgres://continuity_test:continuity_test@127.0.0.1:5432/continuity_test"
    psql "$url" -qtAc 'select 1' >/dev/null || { echo "cannot connect to PostgreSQL as $url" >&2; exit 1; }
  fi
  export CONTINUITY_TEST_POSTGRES_URL="$url"
}
