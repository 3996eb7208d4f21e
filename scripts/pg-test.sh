#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 for the server tests and prints its DATABASE_URL; `stop` tears it down.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=${PG_TEST_DIR:-/tmp/circulate-pg}
PORT=${PG_TEST_PORT:-54329}
run_as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ "${1:-start}" = stop ]; then
  run_as_pg "$PGBIN/pg_ctl -D $DIR -m immediate stop" >/dev/null 2>&1 || true
  exit 0
fi
if ! run_as_pg "$PGBIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
  rm -rf "$DIR"; mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  run_as_pg "$PGBIN/initdb -D $DIR -U postgres -A trust" >/dev/null
  run_as_pg "$PGBIN/pg_ctl -D $DIR -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $DIR/log -w start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
