# shellcheck shell=bash
# Backup, restore and the restore drill of the local stack, sourced by deploy/local/backup.sh after common.sh,
# pg.sh and es.sh (paths, ports, PID and service-user helpers of the same NIANBAO_WORK).
#
# A backup directory holds:
#   manifest.json             time, versions, LSNs, snapshot, counts (for people and CI logs)
#   counts.tsv                the same counts as KEY<TAB>ROWS<TAB>DIGEST lines (what restore compares)
#   postgresql/data/          online base backup: PGDATA copy + backup_label + the WAL it needs in pg_wal/
#   postgresql/backup.properties  output of the PgBackup helper (LSNs, WAL files, sizes)
#   elasticsearch/repo/       copy of the fs snapshot repository holding the snapshot
# Kafka is not backed up (see deploy/README.md, "Backup and restore").

BK_DATABASES=("${PG_DATABASES[@]}")
BK_ALIAS=${NIANBAO_SEARCH_ALIAS:-nianbao-reports}
BK_INDICES='nianbao-*'
BK_ES_REPO=nianbao-local                    # the repository backups write to
BK_ES_REPO_DIR=$ES_SNAPSHOT_DIR/$BK_ES_REPO
BK_ES_KEEP=${NIANBAO_ES_SNAPSHOTS_KEEP:-5}  # snapshots kept in the repository (what SLM retention does in production)
BK_ES_RESTORE_REPO=nianbao-restore          # read-only repository registered on a copy of DIR/elasticsearch/repo
BK_PGJDBC=$PG_JAR_DIR/postgresql-$PGJDBC_VERSION.jar
INGEST_PORT=${INGEST_PORT:-8081}
PARSE_PORT=${PARSE_PORT:-8082}
VALIDATE_PORT=${VALIDATE_PORT:-8083}
SEARCH_PORT=${SEARCH_PORT:-8084}
BK_SERVICES=(ingest parse validate search)

bk_svc_port() {
    case $1 in ingest) echo "$INGEST_PORT" ;; parse) echo "$PARSE_PORT" ;; validate) echo "$VALIDATE_PORT" ;; search) echo "$SEARCH_PORT" ;; esac
}

# Elasticsearch REST call: bk_es METHOD PATH [BODY]; prints the body, fails on HTTP errors (body on stderr).
bk_es() {
    local method=$1 path=$2 body=${3:-} out code
    out=$(mktemp)
    code=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json' \
        ${body:+--data-binary "$body"} "http://127.0.0.1:$ES_PORT$path") || { rm -f "$out"; return 1; }
    if [ "$code" -ge 300 ]; then
        echo "elasticsearch $method $path → HTTP $code: $(head -c 600 "$out")" >&2
        rm -f "$out"
        return 1
    fi
    cat "$out"
    rm -f "$out"
}

bk_pg() { run_java_tool PgBackup "$BK_PGJDBC" -- "$1" 127.0.0.1 "$PG_PORT" "$PG_SUPERUSER_PASSWORD_FILE" "${@:2}"; }

# KEY<TAB>ROWS<TAB>DIGEST for every table of both databases ("pg:DB.SCHEMA.TABLE"), sorted.
bk_pg_counts() {
    bk_pg counts "${BK_DATABASES[@]}" | awk -F'\t' '{print "pg:" $1 "." $2 "\t" $3 "\t" $4}' | LC_ALL=C sort
}

# "es:ALIAS<TAB>DOCS<TAB>DIGEST": doc count of the alias after a refresh, and the sha256 of its sorted "id version"
# lines (every document id and its external version; '-' above 10,000 documents or without the alias).
bk_es_counts() {
    local count hits digest=-
    if ! bk_es GET "/_alias/$BK_ALIAS" >/dev/null 2>&1; then
        printf 'es:%s\t0\t-\n' "$BK_ALIAS"
        return 0
    fi
    bk_es POST "/$BK_ALIAS/_refresh" >/dev/null
    count=$(bk_es GET "/$BK_ALIAS/_count" | grep -o '"count":[0-9]*' | cut -d: -f2)
    if [ "$count" -le 10000 ]; then
        hits=$(bk_es GET "/$BK_ALIAS/_search?size=10000&_source=false&version=true&filter_path=hits.hits._id,hits.hits._version")
        digest=$(grep -o '"_id":"[^"]*","_version":[0-9]*' <<<"$hits" | sed -E 's/"_id":"([^"]*)","_version":/\1 /' \
            | LC_ALL=C sort | sha256sum | cut -c1-32)
    fi
    printf 'es:%s\t%s\t%s\n' "$BK_ALIAS" "$count" "$digest"
}

bk_counts() { bk_pg_counts && bk_es_counts; }

# Compares a counts file with the current counts; prints a table. Mode "rows" compares row counts only,
# "full" also the digests. Returns 1 on any difference.
bk_compare_counts() {
    local expected_file=$1 mode=$2 actual rc=0 key rows digest arows adigest mark
    actual=$(bk_counts) || return 1
    printf '  %-52s %10s %10s  %s\n' TABLE/ALIAS BACKUP NOW CHECK
    while IFS=$'\t' read -r key rows digest; do
        arows=$(awk -F'\t' -v k="$key" '$1 == k {print $2}' <<<"$actual")
        adigest=$(awk -F'\t' -v k="$key" '$1 == k {print $3}' <<<"$actual")
        mark=ok
        if [ "$arows" != "$rows" ]; then mark="ROWS DIFFER"; rc=1
        elif [ "$mode" = full ] && [ "$adigest" != "$digest" ]; then mark="CONTENT DIFFERS"; rc=1
        elif [ "$mode" = full ]; then mark="ok (rows + content)"
        fi
        printf '  %-52s %10s %10s  %s\n' "$key" "$rows" "${arows:-missing}" "$mark"
    done <"$expected_file"
    while IFS=$'\t' read -r key _; do
        if ! grep -q "^$key"$'\t' "$expected_file"; then
            printf '  %-52s %10s %10s  %s\n' "$key" - "$(awk -F'\t' -v k="$key" '$1 == k {print $2}' <<<"$actual")" "NOT IN BACKUP"
            rc=1
        fi
    done <<<"$actual"
    return $rc
}

bk_now_iso() { date -u +%Y-%m-%dT%H:%M:%SZ; }
bk_secs() { local d=$(( $(now_ms) - $1 )); printf '%d.%d' $((d / 1000)) $(((d % 1000) / 100)); }

bk_es_version() {
    bk_es GET "/_nodes/_local?filter_path=nodes.*.version" | grep -o '"version":"[^"]*"' | head -n1 | cut -d'"' -f4
}

# Takes an exclusive lock for backup.sh in this work dir (fd 8); stack.sh's own lock stays free for the
# stack.sh start/stop/reset this script calls.
bk_lock() {
    exec 8>>"$NIANBAO_WORK/.backup.lock"
    flock -n 8 || die "another backup.sh runs in $NIANBAO_WORK"
}

# ---------------------------------------------------------------------------------------------------------------
# backup DIR
# ---------------------------------------------------------------------------------------------------------------
bk_backup() {
    local dir=$1 t0 t_pg t_es before after quiescent=true snap es_count es_version label created
    live_pid "$PG_PID" >/dev/null || die "postgresql is not running in $NIANBAO_WORK (deploy/local/stack.sh start)"
    live_pid "$ES_PID" >/dev/null || die "elasticsearch is not running in $NIANBAO_WORK (deploy/local/stack.sh start)"
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then die "$dir exists and is not empty"; fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    chmod 700 "$dir"  # holds the whole database, role password hashes included
    t0=$(now_ms)
    created=$(bk_now_iso)
    snap="nianbao-$(date -u +%Y%m%d-%H%M%S)-$$"
    label="nianbao local backup $snap"
    say "backing up $NIANBAO_WORK into $dir"

    before=$(bk_counts) || die "could not count rows/documents before the backup"

    # Elasticsearch first, PostgreSQL second: the index is a projection of the databases, so it must not be newer
    # than them. Reports that reach the databases after the snapshot are re-projected by a replay after a restore
    # (ingest-service POST /api/admin/replay); the other order could leave documents whose originals are not restored.
    # Elasticsearch: fs repository below path.repo, snapshot of the nianbao-* indices (aliases travel with them).
    t_es=$(now_ms)
    bk_es PUT "/_snapshot/$BK_ES_REPO" "{\"type\":\"fs\",\"settings\":{\"location\":\"$BK_ES_REPO_DIR\"}}" >/dev/null \
        || die "elasticsearch: could not register the fs repository at $BK_ES_REPO_DIR (is path.repo=$ES_SNAPSHOT_DIR" \
            "in the running node's config? restart it with deploy/local/stack.sh stop es && start es)"
    bk_es POST "/$BK_INDICES/_refresh" >/dev/null || true
    local resp
    resp=$(bk_es PUT "/_snapshot/$BK_ES_REPO/$snap?wait_for_completion=true" \
        "{\"indices\":\"$BK_INDICES\",\"include_global_state\":false,\"metadata\":{\"taken_by\":\"deploy/local/backup.sh\"}}") \
        || die "elasticsearch: snapshot $snap failed"
    grep -q '"state":"SUCCESS"' <<<"$resp" || die "elasticsearch: snapshot $snap did not succeed: $resp"
    grep -q '"failed":0' <<<"$resp" || die "elasticsearch: snapshot $snap has failed shards: $resp"
    local indices
    indices=$(grep -o '"indices":\[[^]]*\]' <<<"$resp" | head -n1 | cut -d: -f2-)
    local old_snap
    for old_snap in $(bk_es GET "/_snapshot/$BK_ES_REPO/_all?sort=start_time&order=desc" | grep -o '"snapshot":"[^"]*"' \
        | cut -d'"' -f4 | tail -n +$((BK_ES_KEEP + 1))); do
        bk_es DELETE "/_snapshot/$BK_ES_REPO/$old_snap" >/dev/null && say "elasticsearch: deleted old snapshot $old_snap (keeping $BK_ES_KEEP)"
    done
    mkdir -p "$dir/elasticsearch"
    cp -a "$BK_ES_REPO_DIR" "$dir/elasticsearch/repo"
    t_es=$(bk_secs "$t_es")
    say "elasticsearch: snapshot $snap of $indices in repository $BK_ES_REPO, copied — ${t_es}s"

    # PostgreSQL: online base backup, low-level API, one JDBC session (lib/java/PgBackup.java).
    mkdir -p "$dir/postgresql"
    t_pg=$(now_ms)
    bk_pg backup "$PG_DATA" "$dir/postgresql/data" "$label" >"$dir/postgresql/backup.properties" \
        || die "postgresql base backup failed (see above and $PG_LOG)"
    t_pg=$(bk_secs "$t_pg")
    props() { grep "^$1=" "$dir/postgresql/backup.properties" | cut -d= -f2-; }
    say "postgresql: base backup $(props start_lsn) … $(props stop_lsn), $(props files) files," \
        "$(( $(props bytes) / 1048576 )) MB, WAL $(props wal_files) — ${t_pg}s"

    after=$(bk_counts) || die "could not count rows/documents after the backup"
    if [ "$before" != "$after" ]; then
        quiescent=false
        warn "rows or documents changed while the backup ran; counts.tsv holds those counted after it, which may" \
            "differ slightly from what the backup contains (quiesce the services for an exact comparison). After a" \
            "restore of this backup, run ingest-service's POST /api/admin/replay to re-project the newest reports."
    fi
    printf '%s\n' "$after" >"$dir/counts.tsv"
    es_version=$(bk_es_version)
    es_count=$(awk -F'\t' -v k="es:$BK_ALIAS" '$1 == k {print $2}' <<<"$after")
    bk_write_manifest "$dir" "$created" "$snap" "$es_version" "$indices" "$quiescent" "$t_pg" "$t_es" "$(bk_secs "$t0")"
    say "backup complete in $(bk_secs "$t0")s: $(grep -c '^pg:' <<<"$after") tables, $es_count documents in $BK_ALIAS → $dir"
}

bk_write_manifest() {
    local dir=$1 created=$2 snap=$3 es_version=$4 indices=$5 quiescent=$6 t_pg=$7 t_es=$8 t_all=$9 db first
    p() { grep "^$1=" "$dir/postgresql/backup.properties" | cut -d= -f2-; }
    {
        echo "{"
        echo "  \"format\": 1,"
        echo "  \"created\": \"$created\","
        echo "  \"work_dir\": \"$NIANBAO_WORK\","
        echo "  \"quiescent\": $quiescent,"
        echo "  \"seconds\": $t_all,"
        echo "  \"postgresql\": {"
        echo "    \"server_version\": \"$(p server_version)\","
        echo "    \"method\": \"online base backup (pg_backup_start/pg_backup_stop) + WAL in pg_wal\","
        echo "    \"start_lsn\": \"$(p start_lsn)\", \"stop_lsn\": \"$(p stop_lsn)\", \"timeline\": $(p timeline),"
        echo "    \"wal_files\": [\"$(p wal_files | sed 's/,/", "/g')\"],"
        echo "    \"files\": $(p files), \"bytes\": $(p bytes), \"seconds\": $t_pg"
        echo "  },"
        echo "  \"elasticsearch\": {"
        echo "    \"version\": \"$es_version\", \"repository\": \"$BK_ES_REPO\", \"snapshot\": \"$snap\","
        echo "    \"indices\": $indices, \"alias\": \"$BK_ALIAS\", \"seconds\": $t_es"
        echo "  },"
        echo "  \"counts\": {"
        echo "    \"postgresql\": {"
        first=1
        for db in "${BK_DATABASES[@]}"; do
            [ $first = 1 ] || echo ","
            first=0
            printf '      "%s": {\n' "$db"
            awk -F'\t' -v p="pg:$db." 'index($1, p) == 1 {printf "%s        \"%s\": %s", sep, substr($1, length(p) + 1), $2; sep=",\n"} END {print ""}' \
                "$dir/counts.tsv"
            printf '      }'
        done
        echo
        echo "    },"
        awk -F'\t' '$1 ~ /^es:/ {printf "    \"elasticsearch\": {\"%s\": %s}\n", substr($1, 4), $2}' "$dir/counts.tsv"
        echo "  }"
        echo "}"
    } >"$dir/manifest.json"
}

# ---------------------------------------------------------------------------------------------------------------
# restore [--force] DIR
# ---------------------------------------------------------------------------------------------------------------
bk_services_running() {
    local s pid
    for s in "${BK_SERVICES[@]}"; do
        pid=$(tr -dc '0-9' 2>/dev/null <"$RUN_DIR/$s.pid") || continue
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$s"
    done
    return 0
}

bk_restore() {
    local force=$1 dir=$2 t0 t_pg t_es snap running tables nonempty log_offset restore_copy resp
    local f
    for f in manifest.json counts.tsv postgresql/data/backup_label elasticsearch/repo; do
        [ -e "$dir/$f" ] || die "$dir is not a complete backup: $f is missing"
    done
    dir=$(cd "$dir" && pwd -P)
    snap=$(grep -o '"snapshot": "[^"]*"' "$dir/manifest.json" | cut -d'"' -f4)
    [ -n "$snap" ] || die "no snapshot name in $dir/manifest.json"
    running=$(bk_services_running)
    [ -z "$running" ] || die "services are running ($(echo "$running" | paste -sd' ')): deploy/local/services.sh stop first"
    t0=$(now_ms)

    # Only into an empty stack: PostgreSQL without data dir (after stack.sh reset) or with no table in our databases,
    # Elasticsearch without a nianbao-* index that holds documents. --force wipes the stack first (stack.sh reset).
    nonempty=()
    if live_pid "$PG_PID" >/dev/null; then
        tables=$(bk_pg_counts) || die "cannot inspect the running postgresql"
        [ -z "$tables" ] || nonempty+=("postgresql has $(wc -l <<<"$tables") tables")
    elif [ -f "$PG_DATA/PG_VERSION" ]; then
        nonempty+=("postgresql data directory $PG_DATA exists")
    fi
    if live_pid "$ES_PID" >/dev/null; then
        if bk_es GET "/_cat/indices/$BK_INDICES?h=index,docs.count" 2>/dev/null | awk '$2 > 0 {f=1} END {exit !f}'; then
            nonempty+=("elasticsearch has nianbao-* indices with documents")
        fi
    fi
    if [ ${#nonempty[@]} -gt 0 ]; then
        if [ "$force" != 1 ]; then
            die "refusing to restore into a stack that is not empty: $(IFS=';'; echo "${nonempty[*]}")." \
                "Run deploy/local/stack.sh reset first, or pass --force (which runs it)."
        fi
        say "--force: wiping the stack in $NIANBAO_WORK first ($(IFS=';'; echo "${nonempty[*]}"))"
        "$NIANBAO_REPO/deploy/local/stack.sh" reset 8>&-
    fi

    # PostgreSQL: the base backup becomes PGDATA; starting it replays the WAL in pg_wal from the checkpoint named in
    # backup_label up to (at least) the backup's end — crash recovery, no recovery.signal (no archive to read from).
    t_pg=$(now_ms)
    if live_pid "$PG_PID" >/dev/null; then "$NIANBAO_REPO/deploy/local/stack.sh" stop pg 8>&-; fi
    rm -rf "$PG_DATA"
    mkdir -p "$(dirname "$PG_DATA")"
    cp -a "$dir/postgresql/data" "$PG_DATA"
    if is_root; then chown -R "$NIANBAO_STACK_USER:" "$PG_DATA"; fi
    chmod 700 "$PG_DATA"
    log_offset=$(stat -c %s "$PG_LOG" 2>/dev/null || echo 0)
    say "postgresql: base backup copied into $PG_DATA; starting the stack (PostgreSQL replays the backup's WAL)"
    "$NIANBAO_REPO/deploy/local/stack.sh" start 8>&-  # fd 8: our lock, not for the servers
    local recovery
    recovery=$(tail -c +"$((log_offset + 1))" "$PG_LOG" | grep -E 'backup recovery|redo (starts|done)|consistent recovery state|ready to accept' || true)
    printf '%s\n' "$recovery" | sed 's/^/  pg log: /'
    if ! grep -q 'completed backup recovery' <<<"$recovery" || ! grep -q 'ready to accept connections' <<<"$recovery"; then
        die "postgresql: the log does not show a completed backup recovery; see $PG_LOG"
    fi
    [ ! -e "$PG_DATA/backup_label" ] || die "postgresql: backup_label still in $PG_DATA after start"
    t_pg=$(bk_secs "$t_pg")

    # Elasticsearch: register a copy of the backup's repository read-only, restore indices + aliases, unregister.
    t_es=$(now_ms)
    bk_es GET "/_cat/indices/$BK_INDICES?h=index,docs.count" | while read -r idx docs; do
        [ "${docs:-0}" = 0 ] || die "elasticsearch: index $idx has $docs documents"
        say "elasticsearch: deleting empty index $idx (the snapshot brings its own)"
        bk_es DELETE "/$idx" >/dev/null
    done
    restore_copy=$ES_SNAPSHOT_DIR/restore-$snap
    rm -rf "$restore_copy"
    cp -a "$dir/elasticsearch/repo" "$restore_copy"
    own_for_service "$restore_copy"
    bk_es DELETE "/_snapshot/$BK_ES_RESTORE_REPO" >/dev/null 2>&1 || true
    bk_es PUT "/_snapshot/$BK_ES_RESTORE_REPO" \
        "{\"type\":\"fs\",\"settings\":{\"location\":\"$restore_copy\",\"readonly\":true}}" >/dev/null \
        || die "elasticsearch: could not register $restore_copy as a repository (path.repo=$ES_SNAPSHOT_DIR?)"
    resp=$(bk_es POST "/_snapshot/$BK_ES_RESTORE_REPO/$snap/_restore?wait_for_completion=true" \
        "{\"indices\":\"$BK_INDICES\",\"include_global_state\":false,\"include_aliases\":true}") \
        || die "elasticsearch: restoring snapshot $snap failed"
    grep -q '"failed":0' <<<"$resp" || die "elasticsearch: restore of $snap has failed shards: $resp"
    bk_es GET "/_cluster/health/$BK_INDICES?wait_for_status=yellow&timeout=60s" >/dev/null \
        || die "elasticsearch: restored indices not yellow within 60 s"
    bk_es DELETE "/_snapshot/$BK_ES_RESTORE_REPO" >/dev/null
    rm -rf "$restore_copy"
    t_es=$(bk_secs "$t_es")
    say "elasticsearch: restored $(grep -o '"indices":\[[^]]*\]' <<<"$resp" | cut -d: -f2-) from $snap — ${t_es}s;" \
        "alias: $(bk_es GET "/_cat/aliases/$BK_ALIAS?h=alias,index" | tr -s ' ' | paste -sd, -)"

    say "comparing with the backup's counts (rows and content of every table, ids and versions of every document):"
    if bk_compare_counts "$dir/counts.tsv" full; then
        say "restore complete in $(bk_secs "$t0")s (copy + stack start with PostgreSQL recovery ${t_pg}s, Elasticsearch" \
            "restore ${t_es}s): everything matches the backup"
    else
        if grep -q '"quiescent": false' "$dir/manifest.json"; then
            warn "the backup was taken while data changed, so small differences are expected; once the services run," \
                "re-project with ingest-service's POST /api/admin/replay (idempotent)"
        fi
        say "restore complete in $(bk_secs "$t0")s, but the counts differ from the backup (above)"
        return 1
    fi
}
