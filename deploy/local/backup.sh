#!/usr/bin/env bash
# Backup and restore of the local stack (PostgreSQL + Elasticsearch; Kafka is transport and is not backed up), and
# the restore drill that proves it. Operates only on the stack of this environment's NIANBAO_WORK and ports.
#   backup.sh backup DIR            online backup of the running stack into DIR (services may keep running)
#   backup.sh restore [--force] DIR into an empty stack (after stack.sh reset; --force resets first), then compare
#   backup.sh drill [--dir DIR] [--min-reports N]
#                                   backup → stop services → reset → restore → start services → compare → new report
# See deploy/README.md, "Backup and restore (local drill)".
set -euo pipefail
umask 022

NIANBAO_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
LIB=$NIANBAO_REPO/deploy/local/lib
# shellcheck source=lib/jdk.sh
. "$LIB/jdk.sh"
# shellcheck source=lib/common.sh
. "$LIB/common.sh"
# shellcheck source=lib/pg.sh
. "$LIB/pg.sh"
# shellcheck source=lib/es.sh
. "$LIB/es.sh"
# shellcheck source=lib/backup.sh
. "$LIB/backup.sh"

say() { echo "backup: $*"; }
warn() { echo "backup: WARNING: $*" >&2; }
die() { echo "backup: ERROR: $*" >&2; exit 1; }

usage() {
    cat <<USAGE
Usage: deploy/local/backup.sh COMMAND

  backup DIR              online backup of the running stack into DIR (new or empty directory):
                          PostgreSQL base backup (pg_backup_start/stop + WAL), Elasticsearch snapshot of $BK_INDICES
                          (repository copied into DIR), manifest.json with versions and counts
  restore [--force] DIR   restore DIR into an empty stack (after deploy/local/stack.sh reset; --force resets first),
                          start the stack, compare every table's rows and content and the documents with the backup
  drill [--dir DIR] [--min-reports N]
                          the proof, on a running stack + services: make sure there are >= N (10) reports, back up,
                          stop services, reset, restore, start services, compare counts and samples, upload a new
                          report and wait until it is searchable. Last line: "backup drill: PASS" or "… FAIL (…)"

Work dir: NIANBAO_WORK=$NIANBAO_WORK   ES snapshot dir (path.repo): ES_SNAPSHOT_DIR=$ES_SNAPSHOT_DIR
Ports: PG_PORT=$PG_PORT ES_PORT=$ES_PORT INGEST_PORT=$INGEST_PORT VALIDATE_PORT=$VALIDATE_PORT SEARCH_PORT=$SEARCH_PORT
USAGE
}

# ---------------------------------------------------------------------------------------------------------------
# drill
# ---------------------------------------------------------------------------------------------------------------
DRILL_FAILS=()
DRILL_TIMES=()
DRILL_DONE=0
drill_fail() { DRILL_FAILS+=("$*"); echo "backup: drill: FAILED CHECK: $*" >&2; }
drill_time() { DRILL_TIMES+=("$(printf '%-50s %7ss' "$1" "$2")"); }
drill_finish() {
    local rc=$?
    [ "$DRILL_DONE" = 1 ] && return
    [ ${#DRILL_TIMES[@]} -eq 0 ] || { say "timings:"; printf '  %s\n' "${DRILL_TIMES[@]}"; }
    echo "backup drill: FAIL (aborted with exit code $rc${DRILL_STEP:+ during: $DRILL_STEP}; see the messages above)"
    exit 1
}

# The services that answer on this environment's ports must be the ones started from this NIANBAO_WORK.
drill_require_own_services() {
    local s pid port
    for s in "${BK_SERVICES[@]}"; do
        port=$(bk_svc_port "$s")
        pid=$(tr -dc '0-9' 2>/dev/null <"$RUN_DIR/$s.pid") || true
        if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null \
            || ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-Dquarkus.http.port=$port -jar $NIANBAO_REPO/$s-service/"; then
            die "$s-service of $NIANBAO_WORK is not running on port $port (deploy/local/services.sh start)"
        fi
        curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$port/q/health/ready" || die "$s-service on port $port is not ready"
    done
}

# Uploads the demo corpus through ingest-service and waits until every imported report is searchable.
drill_seed() {
    local corpus=$NIANBAO_REPO/deploy/demo/corpus summary ids id found total deadline
    say "fewer than $1 reports in $BK_ALIAS: importing the demo corpus ($corpus)"
    summary=$(curl -fsS -X POST -H "Authorization: Bearer $NIANBAO_ADMIN_TOKEN" -H 'Content-Type: application/json' \
        --data "{\"path\":\"$corpus\"}" "$NIANBAO_INGEST_URL/api/admin/import-folder") || die "import-folder failed"
    ids=$(grep -o '"reportIds":\[[^]]*\]' <<<"$summary" | grep -o '[0-9a-f]\{20\}' | sort -u)
    total=$(grep -c . <<<"$ids" || true)
    if grep -q '"newReports":0' <<<"$summary"; then
        curl -fsS -X POST -H "Authorization: Bearer $NIANBAO_ADMIN_TOKEN" "$NIANBAO_INGEST_URL/api/admin/replay" >/dev/null
    fi
    deadline=$(( $(date +%s) + 300 ))
    while :; do
        found=0
        for id in $ids; do curl -fsS -o /dev/null "$NIANBAO_SEARCH_URL/api/reports/$id" 2>/dev/null && found=$((found + 1)); done
        [ "$found" -lt "$total" ] || break
        [ "$(date +%s)" -lt "$deadline" ] || { warn "only $found of $total imported reports searchable after 300 s"; break; }
        sleep 2
    done
    say "$found of $total corpus reports searchable"
}

# Waits until two readings of every count and digest, 5 s apart, are equal (the pipeline is idle).
drill_quiesce() {
    local prev="" cur deadline=$(( $(date +%s) + 300 ))
    while :; do
        cur=$(bk_counts)
        [ "$cur" = "$prev" ] && return 0
        [ "$(date +%s)" -lt "$deadline" ] || die "rows/documents still changing after 300 s; the drill needs an idle pipeline"
        prev=$cur
        sleep 5
    done
}

# Saves the samples: ES _source of 3 reports, one original's bytes, one validated report (findings), by id.
drill_samples() {
    local out=$1 ids id sha
    mkdir -p "$out"
    ids=$(cat "$2")
    for id in $ids; do
        curl -fsS "http://127.0.0.1:$ES_PORT/$BK_ALIAS/_source/$id" -o "$out/es-$id.json" || return 1
    done
    id=$(head -n1 "$2")
    sha=$(curl -fsS "$NIANBAO_INGEST_URL/api/reports/$id/versions" | grep -o '"sha256":"[0-9a-f]\{64\}"' | tail -n1 | cut -d'"' -f4)
    [ -n "$sha" ] || return 1
    echo "$sha" >"$out/original.sha256"
    curl -fsS "$NIANBAO_INGEST_URL/api/originals/$sha" -o "$out/original.bin" || return 1
    curl -fsS "$NIANBAO_VALIDATE_URL/api/reports/$id/findings" -o "$out/findings-$id.json" || return 1
}

cmd_drill() {
    local root="" min=10 t0 t ids before_dir after_dir f sha new_id body deadline es_before es_after
    while [ $# -gt 0 ]; do
        case $1 in
            --dir) root=$2; shift 2 ;;
            --min-reports) min=$2; shift 2 ;;
            *) die "unknown drill option $1" ;;
        esac
    done
    trap drill_finish EXIT
    t0=$(now_ms)
    DRILL_STEP="preconditions"
    "$NIANBAO_REPO/deploy/local/stack.sh" status >/dev/null || die "the stack of $NIANBAO_WORK is not running (deploy/local/stack.sh start)"
    drill_require_own_services
    eval "$("$NIANBAO_REPO/deploy/local/services.sh" env)"
    root=${root:-$NIANBAO_WORK/backup/drill-$(date -u +%Y%m%d-%H%M%S)}
    [ ! -e "$root" ] || die "$root exists"
    mkdir -p "$root"
    root=$(cd "$root" && pwd -P)
    chmod 700 "$root"
    before_dir=$root/samples-before
    after_dir=$root/samples-after
    say "drill on $NIANBAO_WORK (PG $PG_PORT, ES $ES_PORT, services $INGEST_PORT-$SEARCH_PORT); files in $root"

    DRILL_STEP="seeding"
    t=$(now_ms)
    if [ "$(bk_es_counts | cut -f2)" -lt "$min" ]; then drill_seed "$min"; fi
    drill_quiesce
    drill_time "data present and pipeline idle" "$(bk_secs "$t")"
    es_before=$(bk_es_counts | cut -f2)
    [ "$es_before" -ge 3 ] || die "only $es_before reports in $BK_ALIAS; need at least 3 for the samples"

    DRILL_STEP="samples"
    bk_es GET "/$BK_ALIAS/_search?size=100&_source=false&filter_path=hits.hits._id" | grep -o '"_id":"[^"]*"' \
        | cut -d'"' -f4 | LC_ALL=C sort | head -n3 >"$root/sample-ids"
    drill_samples "$before_dir" "$root/sample-ids" || die "could not read the samples before the backup"
    sha=$(cat "$before_dir/original.sha256")
    [ "$(sha256sum <"$before_dir/original.bin" | cut -d' ' -f1)" = "$sha" ] || drill_fail "original $sha does not hash to its address"
    say "samples: $(paste -sd' ' "$root/sample-ids") (ES _source), original $sha, findings of $(head -n1 "$root/sample-ids")"

    DRILL_STEP="backup"
    t=$(now_ms)
    "$NIANBAO_REPO/deploy/local/backup.sh" backup "$root/backup"
    drill_time "backup (services running)" "$(bk_secs "$t")"

    DRILL_STEP="stop services + reset"
    t=$(now_ms)
    "$NIANBAO_REPO/deploy/local/services.sh" stop
    drill_time "stop services" "$(bk_secs "$t")"
    t=$(now_ms)
    "$NIANBAO_REPO/deploy/local/stack.sh" reset
    if [ -e "$PG_DATA" ] || [ -e "$ES_DATA" ]; then die "stack.sh reset left data behind"; fi
    drill_time "stack.sh reset" "$(bk_secs "$t")"

    DRILL_STEP="restore"
    t=$(now_ms)
    "$NIANBAO_REPO/deploy/local/backup.sh" restore "$root/backup" || drill_fail "restore: rows/content/documents differ from the backup (table above)"
    drill_time "restore (stack start + PG recovery + ES restore)" "$(bk_secs "$t")"

    DRILL_STEP="start services"
    t=$(now_ms)
    "$NIANBAO_REPO/deploy/local/services.sh" start
    drill_time "start services" "$(bk_secs "$t")"

    DRILL_STEP="compare"
    say "counts with the services running again, compared with the backup:"
    bk_compare_counts "$root/backup/counts.tsv" rows || drill_fail "row or document counts differ after the services started"
    drill_samples "$after_dir" "$root/sample-ids" || drill_fail "could not read the samples after the restore"
    for f in "$before_dir"/*; do
        if cmp -s "$f" "$after_dir/$(basename "$f")"; then
            say "sample $(basename "$f"): byte-equal ($(wc -c <"$f") bytes)"
        else
            drill_fail "sample $(basename "$f") differs after the restore"
        fi
    done

    DRILL_STEP="new report"
    t=$(now_ms)
    f=$(find "$NIANBAO_REPO/deploy/demo/corpus" -name '*.txt' | LC_ALL=C sort | tail -n1)
    body=$(mktemp)
    { cat "$f"; printf '\n（备份恢复演练 %s %s）\n' "$(bk_now_iso)" "$$"; } >"$body"
    new_id=$(curl -fsS -X POST -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$body" \
        "$NIANBAO_INGEST_URL/api/reports?fileName=backup-drill-$(date -u +%Y%m%d%H%M%S)-$$.txt" \
        | grep -o '"reportId":"[0-9a-f]*"' | cut -d'"' -f4) || true
    rm -f "$body"
    if [ -z "$new_id" ]; then
        drill_fail "upload of a new report after the restore failed"
    else
        deadline=$(( $(date +%s) + 180 ))
        until curl -fsS -o /dev/null "$NIANBAO_SEARCH_URL/api/reports/$new_id" 2>/dev/null; do
            if [ "$(date +%s)" -ge "$deadline" ]; then drill_fail "new report $new_id not searchable within 180 s"; break; fi
            sleep 1
        done
        es_after=$(bk_es_counts | cut -f2)
        say "new report $new_id searchable after $(bk_secs "$t")s; $BK_ALIAS: $es_before → $es_after documents"
        [ "$es_after" -eq $((es_before + 1)) ] || drill_fail "expected $((es_before + 1)) documents after the new report, found $es_after"
    fi
    drill_time "new report upload -> searchable" "$(bk_secs "$t")"
    drill_time "drill total" "$(bk_secs "$t0")"

    # Keep the last three drills.
    find "$(dirname "$root")" -maxdepth 1 -name 'drill-*' -type d | LC_ALL=C sort | head -n -3 | xargs -r rm -rf

    DRILL_DONE=1
    say "timings:"
    printf '  %s\n' "${DRILL_TIMES[@]}"
    if [ ${#DRILL_FAILS[@]} -eq 0 ]; then
        echo "backup drill: PASS"
    else
        echo "backup drill: FAIL ($(IFS=';'; echo "${DRILL_FAILS[*]}"))"
        exit 1
    fi
}

main() {
    local cmd=${1:-help} force=0
    [ $# -gt 0 ] && shift
    case $cmd in
        help | -h | --help) usage; return 0 ;;
    esac
    nianbao_require_jdk21 || exit 1
    command -v curl >/dev/null || die "curl is needed"
    case $cmd in
        backup)
            [ $# -eq 1 ] || die "usage: backup.sh backup DIR"
            bk_lock
            bk_backup "$1" ;;
        restore)
            if [ "${1:-}" = --force ]; then force=1; shift; fi
            [ $# -eq 1 ] || die "usage: backup.sh restore [--force] DIR"
            bk_lock
            bk_restore "$force" "$1" ;;
        drill) cmd_drill "$@" ;;
        *) usage >&2; die "unknown command '$cmd'" ;;
    esac
}

main "$@"
