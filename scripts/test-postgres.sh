#!/usr/bin/env bash
# Starts a PostgreSQL for the integration tests and prints the environment they read, as export lines:
#   eval "$(bash scripts/test-postgres.sh)"
# As root it starts the machine's cluster (Debian: pg_ctlcluster); otherwise it makes a throwaway
# cluster under target/ (initdb refuses to run as root, hence the two paths). The password is random
# per run and lives only in this process environment; nothing is written to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

# TLS: a throwaway CA and a server certificate for 127.0.0.1, so the tests also run sync over verified TLS.
tls=$PWD/target/pg-tls
if [ ! -f "$tls/server.crt" ]; then
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=shebao-test-ca" \
      -keyout "$tls/ca.key" -out "$tls/ca.crt" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$tls/server.key" -out "$tls/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$tls/san.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 3650 \
      -extfile "$tls/san.ext" -out "$tls/server.crt" >/dev/null 2>&1
fi

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
    CREATE ROLE $role LOGIN CREATEDB CREATEROLE;
  END IF;
END \$\$;
ALTER ROLE $role WITH LOGIN CREATEDB CREATEROLE PASSWORD '$password';
-- Dropping a test database ends its sessions (WITH (FORCE)), also those of the roles a test made (ServiceRoleTest).
GRANT pg_signal_backend TO $role;
SQL
  # The fault soak restarts the server (fast shutdown: sessions end, as in a failover or a restart after an update).
  restart="pg_ctlcluster -m fast $version $cluster restart"
  datadir=$(runuser -u postgres -- psql -qtA -p "$port" -c "SHOW data_directory")
  install -o postgres -g postgres -m 600 "$tls/server.key" "$datadir/shebao-test-server.key"
  install -o postgres -g postgres -m 644 "$tls/server.crt" "$datadir/shebao-test-server.crt"
  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
ALTER SYSTEM SET ssl_cert_file = '$datadir/shebao-test-server.crt';
ALTER SYSTEM SET ssl_key_file = '$datadir/shebao-test-server.key';
ALTER SYSTEM SET ssl = on;
SELECT pg_reload_conf();
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
  chmod 600 "$tls/server.key"
  "$bindir/pg_ctl" -D "$data" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key" \
      -l target/pg.log -w start >&2 || true
  restart="$bindir/pg_ctl -D $PWD/$data -m fast -w restart"
  "$bindir/psql" -h /tmp -p "$port" -U "$role" -d postgres -q \
    -c "ALTER ROLE $role PASSWORD '$password'" >&2 2>/dev/null \
    || { echo "cannot reset the test role password; delete target/pgdata and retry" >&2; exit 1; }
fi

echo "export SHEBAO_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/postgres'"
echo "export SHEBAO_TEST_PG_USER='$role'"
echo "export SHEBAO_TEST_PG_PASSWORD='$password'"
echo "export SHEBAO_TEST_PG_CA='$tls/ca.crt'"
echo "export SHEBAO_TEST_PG_RESTART='$restart'"
