#!/usr/bin/env bash
# The project's local infrastructure without Docker: Kafka (KRaft), Elasticsearch 9.2.0 with the
# smartcn analyzer, and PostgreSQL 17, fetched from Maven Central and run as plain processes.
# Usage: deploy/local/stack.sh {fetch|start|stop|status|reset|logs|env|help} [kafka|es|pg ...]
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
  logs     where the logs are
  env      print export lines: eval "\$(deploy/local/stack.sh env)"

Work dir: NIANBAO_WORK=$NIANBAO_WORK
Ports: KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT ES_PORT=$ES_PORT ES_TRANSPORT_PORT=$ES_TRANSPORT_PORT PG_PORT=$PG_PORT
Heaps: KAFKA_HEAP=$KAFKA_HEAP ES_HEAP=$ES_HEAP
USAGE
}

# Maps user-facing names to the function prefixes; rejects unknown names.
components() {
    local c
    if [ $# -eq 0 ]; then echo "${ALL_COMPONENTS[@]}"; return; fi
    for c in "$@"; do
        case "$c" in
            kafka) echo kafka ;;
            es | elasticsearch) echo es ;;
            pg | postgres | postgresql) echo pg ;;
            *) die "unknown component '$c' (expected kafka, es or pg)" ;;
        esac
    done
}

label() { case "$1" in kafka) echo kafka ;; es) echo elasticsearch ;; pg) echo postgresql ;; esac; }

cmd_fetch() {
    local c t0
    ensure_service_user
    for c in $(components "$@"); do
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
    local comps c t0 pid was
    read -r -a comps <<<"$(components "$@")"
    t0=$(now_ms)
    ensure_service_user
    fetch_if_needed "${comps[@]}"
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    # Launch all first (they start in parallel), then wait for each and run its bootstrap.
    for c in "${comps[@]}"; do "${c}_launch"; done
    for c in "${comps[@]}"; do
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
    local c comps
    read -r -a comps <<<"$(components "$@")"
    # Stop in reverse start order.
    for ((i = ${#comps[@]} - 1; i >= 0; i--)); do "${comps[$i]}_stop"; done
}

cmd_status() {
    local c pid rc=0
    printf '%-14s %-8s %-6s %-8s %s\n' COMPONENT STATE PORT PID RSS
    for c in $(components "$@"); do
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
    for c in $(components "$@"); do
        "${c}_wipe"
        say "$(label "$c"): data wiped"
    done
}

cmd_logs() {
    local c
    say "all logs are under $LOG_DIR"
    for c in $(components "$@"); do printf '%-14s %s\n' "$(label "$c")" "$("${c}_logs")"; done
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
    nianbao_require_jdk21 || exit 1
    case "$cmd" in
        fetch) cmd_fetch "$@" ;;
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        status) cmd_status "$@" ;;
        reset) cmd_reset "$@" ;;
        logs) cmd_logs "$@" ;;
        env) cmd_env ;;
        *) usage >&2; die "unknown command '$cmd'" ;;
    esac
}

main "$@"
