#!/usr/bin/env bash
# A private PostgreSQL server for the store tests (and for trying `--db postgresql://…`):
# Debian's PostgreSQL (installed with apt when missing and run as root), a cluster of this
# checkout's own under /tmp (where Debian's postgres user, which runs it when we are root,
# can reach it), on a port of its own, listening on 127.0.0.1 only. Prints the server's URL.
#
#   scripts/postgres.sh start   # install if needed, init once, start (no-op when running)
#   scripts/postgres.sh stop
#   scripts/postgres.sh url     # postgresql://wirescope@127.0.0.1:PORT/postgres
set -euo pipefail
cd "$(dirname "$0")/.."
SUM="$(printf '%s' "$PWD" | cksum | cut -d' ' -f1)"
PORT="${WIRESCOPE_PG_PORT:-$((54000 + SUM % 1000))}"
ROOT="${WIRESCOPE_PG_ROOT:-${TMPDIR:-/tmp}/wirescope-postgres-$SUM}"
DATA="$ROOT/data"
URL="postgresql://wirescope@127.0.0.1:$PORT/postgres"

bindir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

as_owner() {  # initdb and the server refuse to run as root: run them as Debian's postgres
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  url) echo "$URL" ;;
  stop)
    BIN="$(bindir)" || exit 0
    [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null
    ;;
  start)
    if ! BIN="$(bindir)"; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get install -y -q postgresql >/dev/null 2>&1 || \
         (apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null))
        BIN="$(bindir)" || { echo "postgres: could not install Debian's postgresql" >&2; exit 1; }
      else
        echo "postgres: install Debian's postgresql to run the PostgreSQL store tests" >&2
        exit 1
      fi
    fi
    mkdir -p "$ROOT"
    [ "$(id -u)" = 0 ] && chown postgres "$ROOT"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DATA" -A trust -U wirescope -E UTF8 --locale=C.UTF-8 \
        >"$ROOT/initdb.log" 2>&1 || { cat "$ROOT/initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -w -l "$ROOT/server.log" \
        -o "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { tail -n 20 "$ROOT/server.log" >&2; exit 1; }
    fi
    echo "$URL"
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
