#!/usr/bin/env bash
# Sets up a local PostgreSQL for the run store tests, idempotently, and prints the line that points the
# tests at it:   eval "$(bash scripts/postgres-test-env.sh)"
# Installs postgresql when missing (Debian/Ubuntu), starts the cluster on 127.0.0.1:5432, sets the
# postgres user's password and creates the test database. Progress goes to stderr; stdout carries only
# the export line. Stop the server afterwards with `service postgresql stop`.
set -euo pipefail

db="${CONTRACT_TEST_POSTGRES_DB:-contracts_test}"
password="${CONTRACT_TEST_POSTGRES_PASSWORD:-postgres}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
as_postgres() { "${sudo_cmd[@]}" su postgres -c "$1"; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres-test-env: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >&2
  "${sudo_cmd[@]}" apt-get install -y -qq postgresql >&2
fi

if ! as_postgres "psql -tAc 'SELECT 1'" >/dev/null 2>&1; then
  echo "postgres-test-env: starting postgresql" >&2
  "${sudo_cmd[@]}" service postgresql start >&2
  for _ in $(seq 1 30); do
    as_postgres "psql -tAc 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 1
  done
fi

as_postgres "psql -q -c \"ALTER USER postgres PASSWORD '${password}'\"" >&2
if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '${db}'\"")" != "1" ]; then
  echo "postgres-test-env: creating database ${db}" >&2
  as_postgres "createdb ${db}" >&2
fi

echo "export CONTRACT_TEST_POSTGRES_URL=postgres://postgres:${password}@127.0.0.1:5432/${db}"
