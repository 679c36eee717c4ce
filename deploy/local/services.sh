#!/usr/bin/env bash
# Starts, stops and reports the four nianbao services as local processes (built jars, prod profile), wired to the
# local stack through the environment printed by `stack.sh env`.
#   services.sh start [svc...] | stop [svc...] | status | env
# Ports: INGEST_PORT=8081, PARSE_PORT=8082, VALIDATE_PORT=8083, SEARCH_PORT=8084 (env). Logs: $NIANBAO_WORK/logs/<svc>.log.
# Each service runs under a supervisor (lib/supervise.sh) that restarts it when it exits or its liveness stays DOWN;
# supervisor.log records every restart. NIANBAO_LIVENESS_PERIOD=5, NIANBAO_LIVENESS_FAILURES=6 (env).
set -euo pipefail
NIANBAO_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
NIANBAO_WORK=${NIANBAO_WORK:-$NIANBAO_REPO/deploy/local/.work}
mkdir -p "$NIANBAO_WORK"
NIANBAO_WORK=$(cd "$NIANBAO_WORK" && pwd -P)
export NIANBAO_WORK
LOG_DIR=$NIANBAO_WORK/logs
RUN_DIR=$NIANBAO_WORK/run
SECRET_DIR=$NIANBAO_WORK/secrets
SERVICE_HEAP=${SERVICE_HEAP:-384m}
ALL=(ingest parse validate search)
# shellcheck source=lib/jdk.sh
. "$NIANBAO_REPO/deploy/local/lib/jdk.sh"
# shellcheck source=lib/supervise.sh
. "$NIANBAO_REPO/deploy/local/lib/supervise.sh"

say() { echo "services: $*"; }
die() { echo "services: ERROR: $*" >&2; exit 1; }

INGEST_PORT=${INGEST_PORT:-8081}
PARSE_PORT=${PARSE_PORT:-8082}
VALIDATE_PORT=${VALIDATE_PORT:-8083}
SEARCH_PORT=${SEARCH_PORT:-8084}
port_of() {
    case $1 in
        ingest) echo "$INGEST_PORT" ;; parse) echo "$PARSE_PORT" ;; validate) echo "$VALIDATE_PORT" ;; search) echo "$SEARCH_PORT" ;;
        *) die "unknown service $1" ;;
    esac
}
jar_of() { echo "$NIANBAO_REPO/$1-service/target/quarkus-app/quarkus-run.jar"; }
# PID of the service's JVM if it runs (a stale file whose PID was reused by another program is ignored).
pid_of() {
    local f=$RUN_DIR/$1.pid pid
    [ -s "$f" ] || return 1
    pid=$(tr -dc '0-9' <"$f")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$1-service/target/quarkus-app/quarkus-run.jar" || return 1
    echo "$pid"
}

# Secrets of the local installation, generated once and kept out of the repository.
ensure_secret() {
    local file=$1
    [ -s "$file" ] && return 0
    mkdir -p "$(dirname "$file")" && chmod 700 "$(dirname "$file")"
    (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file")
}

service_env() {
    ensure_secret "$SECRET_DIR/admin-token"
    ensure_secret "$SECRET_DIR/webhook-secret"
    eval "$("$NIANBAO_REPO/deploy/local/stack.sh" env)"
    export NIANBAO_ADMIN_TOKEN; NIANBAO_ADMIN_TOKEN=$(cat "$SECRET_DIR/admin-token")
    export NIANBAO_WEBHOOKS_SECRET; NIANBAO_WEBHOOKS_SECRET=$(cat "$SECRET_DIR/webhook-secret")
    export NIANBAO_INGEST_URL=http://127.0.0.1:$INGEST_PORT
    export NIANBAO_PARSE_URL=http://127.0.0.1:$PARSE_PORT
    export NIANBAO_VALIDATE_URL=http://127.0.0.1:$VALIDATE_PORT
    export NIANBAO_SEARCH_URL=http://127.0.0.1:$SEARCH_PORT
    export NIANBAO_PARSE_INGEST_URL=$NIANBAO_INGEST_URL
    export NIANBAO_INGEST_PUBLIC_URL=$NIANBAO_INGEST_URL
    export NIANBAO_SEARCH_INGEST_PUBLIC_URL=$NIANBAO_INGEST_URL
}

# Starts the service's supervisor, which starts the JVM (command line in lib/supervise.sh: sup_start_jvm).
start_one() {
    local svc=$1 port jar pid spid
    port=$(port_of "$svc")
    jar=$(jar_of "$svc")
    [ -f "$jar" ] || die "$jar is missing: build first with ./mvnw -B -DskipTests package"
    if spid=$(supervisor_pid_of "$svc"); then
        say "$svc-service already running (pid $(pid_of "$svc" || echo "- ($(supervisor_state "$svc"))"), port $port, supervisor $spid)"
        return 0
    fi
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    if pid=$(pid_of "$svc"); then
        say "$svc-service already running (pid $pid, port $port) without a supervisor; supervising it now"
    else
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is in use by another process; stop it or free the port for $svc-service"; fi
        : >"$LOG_DIR/$svc.log"
    fi
    echo 0 >"$RUN_DIR/$svc.restarts"
    rm -f "$RUN_DIR/$svc.supervisor.state"
    supervisor_launch "$svc"
}

wait_ready() {
    local svc=$1 port deadline
    port=$(port_of "$svc")
    deadline=$(( $(date +%s) + ${NIANBAO_START_TIMEOUT:-120} ))
    until curl -fsS --max-time 5 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
        # While its supervisor runs, a JVM that exited is being restarted; the supervisor gives up after repeated failed starts.
        if ! supervisor_pid_of "$svc" >/dev/null && ! pid_of "$svc" >/dev/null; then
            tail -n 30 "$LOG_DIR/$svc.log" >&2
            die "$svc-service exited during start-up (supervisor: $(supervisor_state "$svc" || echo "not running")); log: $LOG_DIR/$svc.log"
        fi
        [ "$(date +%s)" -lt "$deadline" ] || { tail -n 30 "$LOG_DIR/$svc.log" >&2; die "$svc-service not ready after ${NIANBAO_START_TIMEOUT:-120}s; log: $LOG_DIR/$svc.log"; }
        sleep 1
    done
    say "$svc-service ready on http://127.0.0.1:$port (pid $(pid_of "$svc"), log $LOG_DIR/$svc.log)"
}

stop_one() {
    local svc=$1 pid i
    supervisor_stop "$svc"  # first, so that it does not restart the service
    if ! pid=$(pid_of "$svc"); then say "$svc-service not running"; rm -f "$RUN_DIR/$svc.pid"; return 0; fi
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    rm -f "$RUN_DIR/$svc.pid"
    say "$svc-service stopped"
}

cmd=${1:-status}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")
case $cmd in
    start)
        nianbao_require_jdk21
        command -v curl >/dev/null || die "curl is needed to check service health"
        service_env
        for s in "${targets[@]}"; do start_one "$s"; done
        for s in "${targets[@]}"; do wait_ready "$s"; done ;;
    stop)
        for s in "${targets[@]}"; do stop_one "$s"; done ;;
    status)
        for s in "${ALL[@]}"; do
            line="$s-service stopped  port $(port_of "$s")"
            if pid=$(pid_of "$s"); then line="$s-service running  port $(port_of "$s")  pid $pid"; fi
            if spid=$(supervisor_pid_of "$s"); then
                line+="  supervisor $spid ($(supervisor_state "$s" || echo starting))  restarts $(restart_count "$s")"
            elif state=$(supervisor_state "$s"); then
                line+="  supervisor not running (last: $state)  restarts $(restart_count "$s")"
            elif [ -n "${pid:-}" ]; then
                line+="  supervisor not running"
            fi
            echo "$line"
        done ;;
    supervise)  # internal: the supervisor process started by `start`
        [ $# -ge 1 ] || die "usage: services.sh supervise <svc> <work dir>"
        port_of "$1" >/dev/null
        supervise "$1" ;;
    env)
        service_env
        echo "export NIANBAO_ADMIN_TOKEN=$NIANBAO_ADMIN_TOKEN"
        for v in NIANBAO_INGEST_URL NIANBAO_PARSE_URL NIANBAO_VALIDATE_URL NIANBAO_SEARCH_URL; do echo "export $v=${!v}"; done ;;
    *) die "usage: services.sh start|stop|status|env [ingest|parse|validate|search ...]" ;;
esac
