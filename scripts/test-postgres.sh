#!/usr/bin/env bash
# Starts a PostgreSQL for the integration tests and prints the environment they read, as export lines:
#   eval "$(bash scripts/test-postgres.sh)"
# As root it starts the machine's cluster (Debian: pg_ctlcluster); otherwise it makes a throwaway
# cluster under target/ (initdb refuses to run as root, hence the two paths). The password is random
# per run and lives only in this process environment; nothing is written to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
password=${password:0:24}
role=shebao_test

if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null; then
  version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
  port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
  if [ -z "$version" ]; then
    echo "no PostgreSQL cluster found; install postgresql" >&2; exit 1
  fi
  pg_ctlcluster "$version" "$cluster" start >&2 2>/dev/null || true
  for _ in $(seq 1 30); do
    runuser -u postgres -- pg_isready -q -p "$port" && break
    sleep 1
  done
  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
SQL
else
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bindir" ] || { echo "PostgreSQL server binaries not found; install postgresql" >&2; exit 1; }
  data=target/pgdata
  port=${SHEBAO_TEST_PG_PORT:-55432}
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p target
    pwfile=$(mktemp)
    printf '%s\n' "$password" > "$pwfile"
    "$bindir/initdb" -D "$data" -U "$role" --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >&2
    rm -f "$pwfile"
  fi
  "$bindir/pg_ctl" -D "$data" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l target/pg.log -w start >&2 || true
  "$bindir/psql" -h /tmp -p "$port" -U "$role" -d postgres -q \
    -c "ALTER ROLE $role PASSWORD '$password'" >&2 2>/dev/null \
    || { echo "cannot reset the test role password; delete target/pgdata and retry" >&2; exit 1; }
fi

echo "export SHEBAO_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/postgres'"
echo "export SHEBAO_TEST_PG_USER='$role'"
echo "export SHEBAO_TEST_PG_PASSWORD='$password'"
