#!/usr/bin/env bash
# The project's local infrastructure without Docker: Kafka (KRaft), Elasticsearch 9.2.0 with the
# smartcn analyzer, and PostgreSQL 17, fetched from Maven Central and run as plain processes.
# Usage: deploy/local/stack.sh {fetch|start|stop|status|reset|check|logs|env|help} [kafka|es|pg ...]
set -euo pipefail
umask 022

NIANBAO_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
LIB=$NIANBAO_REPO/deploy/local/lib
# shellcheck source=lib/jdk.sh
. "$LIB/jdk.sh"
# shellcheck source=lib/common.sh
. "$LIB/common.sh"
# shellcheck source=lib/kafka.sh
. "$LIB/kafka.sh"
# shellcheck source=lib/es.sh
. "$LIB/es.sh"
# shellcheck source=lib/pg.sh
. "$LIB/pg.sh"

ALL_COMPONENTS=(kafka es pg)

usage() {
    cat <<USAGE
Usage: deploy/local/stack.sh COMMAND [kafka|es|pg ...]   (no component = all three)

  fetch    download Kafka $KAFKA_VERSION, Elasticsearch $ES_VERSION, PostgreSQL $PG_VERSION from Maven Central
           and build/install the smartcn plugin (idempotent)
  start    fetch if needed, start, wait until ready, create topics / role + databases
  stop     stop gracefully (SIGKILL after \$NIANBAO_STOP_TIMEOUT=${NIANBAO_STOP_TIMEOUT}s)
  status   running/stopped, port, PID, RSS
  reset    stop and wipe data (downloads and the PG password are kept)
  check    smoke test: Kafka round trip on a scratch topic, ES smartcn _analyze, PG login on both databases
  logs     where the logs are
  env      print export lines: eval "\$(deploy/local/stack.sh env)"

Work dir: NIANBAO_WORK=$NIANBAO_WORK
Ports: KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT ES_PORT=$ES_PORT ES_TRANSPORT_PORT=$ES_TRANSPORT_PORT PG_PORT=$PG_PORT
Heaps: KAFKA_HEAP=$KAFKA_HEAP ES_HEAP=$ES_HEAP
USAGE
}

# Sets COMPS from user-facing names (none = all three); rejects unknown names.
parse_components() {
    local c
    COMPS=()
    if [ $# -eq 0 ]; then COMPS=("${ALL_COMPONENTS[@]}"); return; fi
    for c in "$@"; do
        case "$c" in
            kafka) COMPS+=(kafka) ;;
            es | elasticsearch) COMPS+=(es) ;;
            pg | postgres | postgresql) COMPS+=(pg) ;;
            *) die "unknown component '$c' (expected kafka, es or pg)" ;;
        esac
    done
}

label() { case "$1" in kafka) echo kafka ;; es) echo elasticsearch ;; pg) echo postgresql ;; esac; }

cmd_fetch() {
    local c t0
    ensure_service_user
    parse_components "$@"
    for c in "${COMPS[@]}"; do
        t0=$(now_ms)
        "${c}_fetch"
        say "$(label "$c"): fetched in $(elapsed_since "$t0")"
    done
}

# Fetches only what is missing, silently when everything is there.
fetch_if_needed() {
    local c
    for c in "$@"; do
        case "$c" in
            kafka) [ -f "$KAFKA_LIB/.complete" ] || kafka_fetch ;;
            es) if [ ! -x "$ES_HOME/bin/elasticsearch" ] || [ ! -f "$ES_HOME/.analysis-smartcn.sha256" ]; then es_fetch; fi ;;
            pg) if [ ! -x "$PG_HOME/bin/postgres" ] || [ ! -f "$PG_JAR_DIR/.complete" ]; then pg_fetch; fi ;;
        esac
    done
}

cmd_start() {
    local c t0 pid was
    parse_components "$@"
    t0=$(now_ms)
    ensure_service_user
    fetch_if_needed "${COMPS[@]}"
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    # Launch all first, slowest first, so they start in parallel; then wait for each, quickest
    # first, and run its bootstrap (topics, role + databases).
    for c in es kafka pg; do
        if [[ " ${COMPS[*]} " == *" $c "* ]]; then "${c}_launch"; fi
    done
    for c in pg kafka es; do
        [[ " ${COMPS[*]} " == *" $c "* ]] || continue
        "${c}_ready"
        pid=$(live_pid "$("${c}_pid_file")")
        local was_var=${c^^}_WAS_RUNNING
        was=${!was_var:-0}
        if [ "$was" = 1 ]; then
            say "$(label "$c"): already running on 127.0.0.1:$("${c}_port") (PID $pid)"
        else
            say "$(label "$c"): started on 127.0.0.1:$("${c}_port") (PID $pid) — ready after $(elapsed_since "$t0")"
        fi
    done
    say "ready in $(elapsed_since "$t0"); eval \"\$(deploy/local/stack.sh env)\" to point services at it"
}

cmd_stop() {
    local i
    parse_components "$@"
    # Reverse of the start list: by default PostgreSQL, Elasticsearch, then Kafka.
    for ((i = ${#COMPS[@]} - 1; i >= 0; i--)); do "${COMPS[$i]}_stop"; done
}

cmd_status() {
    local c pid rc=0
    parse_components "$@"
    printf '%-14s %-8s %-6s %-8s %s\n' COMPONENT STATE PORT PID RSS
    for c in "${COMPS[@]}"; do
        if pid=$(live_pid "$("${c}_pid_file")"); then
            printf '%-14s %-8s %-6s %-8s %s\n' "$(label "$c")" running "$("${c}_port")" "$pid" "$(rss_mb "$pid")"
        else
            printf '%-14s %-8s %-6s %-8s %s\n' "$(label "$c")" stopped "$("${c}_port")" - -
            rc=3
        fi
    done
    return $rc
}

cmd_reset() {
    local c
    cmd_stop "$@"
    parse_components "$@"
    for c in "${COMPS[@]}"; do
        "${c}_wipe"
        say "$(label "$c"): data wiped"
    done
}

cmd_check() {
    local c
    parse_components "$@"
    for c in "${COMPS[@]}"; do "${c}_check"; done
}

cmd_logs() {
    local c
    say "all logs are under $LOG_DIR"
    parse_components "$@"
    for c in "${COMPS[@]}"; do printf '%-14s %s\n' "$(label "$c")" "$("${c}_logs")"; done
}

cmd_env() {
    ensure_secret "$PG_PASSWORD_FILE"
    cat <<ENV
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export QUARKUS_ELASTICSEARCH_HOSTS=127.0.0.1:$ES_PORT
export NIANBAO_ES_URL=http://127.0.0.1:$ES_PORT
export NIANBAO_PG_HOST=127.0.0.1
export NIANBAO_PG_PORT=$PG_PORT
export NIANBAO_PG_USER=$NIANBAO_PG_USER
export NIANBAO_PG_PASSWORD=$(cat "$PG_PASSWORD_FILE")
export JAVA_HOME=$JAVA_HOME
ENV
}

main() {
    local cmd=${1:-help}
    [ $# -gt 0 ] && shift
    case "$cmd" in
        help | -h | --help) usage; return 0 ;;
    esac
    case "$cmd" in
        fetch | start | check | env) nianbao_require_jdk21 || exit 1 ;;
    esac
    case "$cmd" in
        fetch | start | check) require_tools ;;
    esac
    case "$cmd" in
        # One mutating invocation per work dir at a time (several test runs may call start at once).
        # Fd 9 is closed for every server started, so the lock dies with this script.
        fetch | start | stop | reset)
            exec 9>>"$NIANBAO_WORK/.stack.lock"
            if ! flock -n 9; then
                say "waiting for another stack.sh in $NIANBAO_WORK to finish …"
                flock -w 900 9 || die "another stack.sh still holds $NIANBAO_WORK/.stack.lock after 900 s"
            fi
            ;;
    esac
    case "$cmd" in
        fetch) cmd_fetch "$@" ;;
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        status) cmd_status "$@" ;;
        reset) cmd_reset "$@" ;;
        logs) cmd_logs "$@" ;;
        check) cmd_check "$@" ;;
        env) cmd_env ;;
        *) usage >&2; die "unknown command '$cmd'" ;;
    esac
}

main "$@"
