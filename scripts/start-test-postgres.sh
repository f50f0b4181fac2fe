#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster for the server tests and print its database URL.
# Usage: scripts/start-test-postgres.sh DIRECTORY [PORT]
# The cluster lives in DIRECTORY/data, listens only on 127.0.0.1 and trusts local
# connections; stop it with: su postgres -c "pg_ctl -D DIRECTORY/data -m fast stop"
set -euo pipefail

directory=${1:?usage: start-test-postgres.sh DIRECTORY [PORT]}
port=${2:-55432}
bin=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}

if [ ! -x "$bin/initdb" ]; then
    echo "start-test-postgres: no PostgreSQL server binaries in $bin; install postgresql-15" >&2
    exit 1
fi

# initdb refuses to run as root, so the cluster belongs to the postgres user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/bash -c "$*"
    else
        bash -c "$*"
    fi
}

mkdir -p "$directory"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$directory"
fi
as_postgres "'$bin/initdb' -D '$directory/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
as_postgres "'$bin/pg_ctl' -D '$directory/data' -l '$directory/server.log' -w \
    -o \"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$directory' -c fsync=off\" start" >/dev/null

echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
