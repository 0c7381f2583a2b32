# shellcheck shell=bash
# A throwaway PostgreSQL for the store tests (issue #4): `source .ci/postgres.sh` before pytest.
#
# Installs Debian's postgresql if it is missing, initialises a cluster in a temporary folder, starts
# it on 127.0.0.1 on a free port (trust authentication, loopback only), creates a database, and
# exports QUOTH_TEST_PG=postgresql+psycopg://quoth@127.0.0.1:PORT/quoth_test. The server stops when
# the sourcing shell exits (added to any EXIT trap already set). Works as root (CI: the server
# runs as the `postgres` user) and as an ordinary user. Safe under `set -euo pipefail`.
# Run it directly (`bash .ci/postgres.sh`) to check it: it starts, prints the URL and stops.

_quoth_pg_main() {
    local bindir initdb pg_ctl as_user=() owner
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "postgres.sh: installing Debian's postgresql ..." >&2
        if [ "$(id -u)" -ne 0 ]; then
            echo "postgres.sh: PostgreSQL is not installed and this is not root: apt-get install postgresql" >&2
            return 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2 || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql </dev/null >&2 || return 1
        bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    initdb="$bindir/initdb"
    pg_ctl="$bindir/pg_ctl"

    QUOTH_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/quoth-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        # initdb refuses to run as root: the server runs as Debian's postgres user.
        owner=postgres
        id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"
        chown "$owner" "$QUOTH_PG_DIR"
        as_user=(runuser -u "$owner" --)
    fi
    QUOTH_PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    "${as_user[@]}" "$initdb" -D "$QUOTH_PG_DIR/data" -U quoth --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$QUOTH_PG_DIR/initdb.log" 2>&1 || { cat "$QUOTH_PG_DIR/initdb.log" >&2; return 1; }
    # Small and quick: a test server, not a production one (no fsync; data is thrown away).
    "${as_user[@]}" "$pg_ctl" -D "$QUOTH_PG_DIR/data" -l "$QUOTH_PG_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $QUOTH_PG_PORT -k $QUOTH_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2 </dev/null || { cat "$QUOTH_PG_DIR/server.log" >&2; return 1; }
    "$bindir/createdb" -h 127.0.0.1 -p "$QUOTH_PG_PORT" -U quoth quoth_test </dev/null || return 1
    QUOTH_PG_CTL=("${as_user[@]}" "$pg_ctl" -D "$QUOTH_PG_DIR/data")
    export QUOTH_TEST_PG="postgresql+psycopg://quoth@127.0.0.1:$QUOTH_PG_PORT/quoth_test"
    echo "QUOTH_TEST_PG=$QUOTH_TEST_PG"
}

quoth_pg_stop() {
    if [ -n "${QUOTH_PG_DIR:-}" ] && [ -d "$QUOTH_PG_DIR/data" ]; then
        "${QUOTH_PG_CTL[@]}" stop -m fast >/dev/null 2>&1 || true
        rm -rf "$QUOTH_PG_DIR"
    fi
}

if _quoth_pg_main; then
    if [ "${BASH_SOURCE[0]}" = "$0" ]; then  # run, not sourced: a self-check
        pg_isready -h 127.0.0.1 -p "$QUOTH_PG_PORT" || true
        quoth_pg_stop
    else
        _quoth_pg_prev_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
        # shellcheck disable=SC2064
        trap "quoth_pg_stop${_quoth_pg_prev_trap:+; $_quoth_pg_prev_trap}" EXIT
    fi
else
    echo "postgres.sh: could not start PostgreSQL for the store tests" >&2
    quoth_pg_stop
    return 1 2>/dev/null || exit 1
fi
