#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the test suite.
# Usage: scripts/start-test-postgres.sh DIR PORT
# Prints the SQLAlchemy URL of an empty database. Stop it with:
#   su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D DIR/data -m fast stop"
# initdb refuses to run as root, so the cluster runs as the postgres user.
set -euo pipefail

dir=$1
port=$2
bin=/usr/lib/postgresql/15/bin

mkdir -p "$dir"
chown postgres "$dir"
su postgres -c "$bin/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
su postgres -c "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w \
    -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
su postgres -c "$bin/psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE privserver_test'" >/dev/null
echo "postgresql+psycopg://postgres@127.0.0.1:$port/privserver_test"
