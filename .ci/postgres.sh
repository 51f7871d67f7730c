# Sourced by .ci/run: installs PostgreSQL (Debian package) if needed, starts a throwaway
# cluster on a free port of 127.0.0.1, exports SLUICE_POSTGRES_URL for the tests, and stops
# and deletes the cluster when the calling shell exits.

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_HOME=$(mktemp -d /tmp/sluice-postgres.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_postgres() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_HOME/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$PG_HOME"
}

[ "$(id -u)" = 0 ] && chown postgres: "$PG_HOME"
as_postgres "$PG_BIN/initdb" -D "$PG_HOME/data" -A trust -U postgres -E UTF8 > "$PG_HOME/initdb.log"
trap stop_postgres EXIT
as_postgres "$PG_BIN/pg_ctl" -D "$PG_HOME/data" -l "$PG_HOME/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_HOME -c fsync=off" start > /dev/null \
    || { cat "$PG_HOME/server.log"; exit 1; }
export SLUICE_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') runs on 127.0.0.1:$PG_PORT"
