#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL server and database:
#
#   bash scripts/with-postgres.sh bash scripts/test.sh
#
# Installs PostgreSQL from Debian's packages when it is missing (as root), starts a private
# server in a temporary folder listening only on a Unix socket there, creates an empty
# database, exports INTEGRITY_FLOWS_TEST_POSTGRES with its URL, runs the command and stops
# the server afterwards. A server that is already installed or running is left alone.
set -euo pipefail

find_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$found" && -x "$found/pg_ctl" ]]; then
        echo "$found"
    fi
}

bin=$(find_bin)
if [[ -z "$bin" ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "PostgreSQL is not installed; as root: apt-get install -y postgresql" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends postgresql </dev/null
    bin=$(find_bin)
fi

# The server runs as an unprivileged user: PostgreSQL refuses to run as root.
as_owner=()
owner=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
    owner=postgres
    as_owner=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/integrity-flows-pg.XXXXXX)
chmod 755 "$dir"
[[ $(id -u) -eq 0 ]] && chown postgres "$dir"

stop() {
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U "$owner" --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# No TCP at all: the socket in $dir is the only way in.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=100" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/createdb" -h "$dir" -U "$owner" integrity_flows_test

export INTEGRITY_FLOWS_TEST_POSTGRES="postgresql:///integrity_flows_test?host=$dir&user=$owner"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $INTEGRITY_FLOWS_TEST_POSTGRES"
"$@"
