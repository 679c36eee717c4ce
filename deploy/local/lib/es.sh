# shellcheck shell=bash
# Elasticsearch 9.2.0 for the local stack: fetch the integ-test zip from Maven Central, unpack it into
# the work dir, build and install the smartcn stable plugin, run it as the service user.

ES_ZIP_DIR=$DL_DIR/elasticsearch
ES_HOME=$DIST_DIR/elasticsearch-$ES_VERSION
ES_DATA=$DATA_DIR/elasticsearch
ES_LOGS=$LOG_DIR/elasticsearch
ES_TMP=$NIANBAO_WORK/tmp/elasticsearch
ES_PID=$RUN_DIR/elasticsearch.pid
ES_CONSOLE_LOG=$LOG_DIR/elasticsearch-console.log
ES_PLUGIN_SRC=$NIANBAO_REPO/deploy/es-analysis-smartcn
ES_PLUGIN_ZIP=$DL_DIR/es-plugins/analysis-smartcn-$ES_VERSION.zip
# path.repo: fs snapshot repositories (deploy/local/backup.sh) live below it; `reset` keeps it, like object storage.
ES_SNAPSHOT_DIR=${ES_SNAPSHOT_DIR:-$NIANBAO_WORK/backup/es-snapshots}

es_fetch() {
    if [ -f "$ES_ZIP_DIR/.complete" ]; then
        say "elasticsearch: zip already in $ES_ZIP_DIR"
    else
        say "elasticsearch: downloading Elasticsearch $ES_VERSION (integ-test zip, ~100 MB) via ./mvnw …"
        rm -rf "$ES_ZIP_DIR"
        maven_fetch "$NIANBAO_REPO/deploy/local/fetch/es-pom.xml" "$ES_ZIP_DIR"
        touch "$ES_ZIP_DIR/.complete"
    fi
    if [ ! -x "$ES_HOME/bin/elasticsearch" ]; then
        say "elasticsearch: unpacking into $ES_HOME"
        rm -rf "$ES_HOME"
        mkdir -p "$DIST_DIR"
        unzip -q "$ES_ZIP_DIR/elasticsearch-$ES_VERSION.zip" -d "$DIST_DIR" \
            || die "elasticsearch: could not unpack $ES_ZIP_DIR/elasticsearch-$ES_VERSION.zip"
    fi
    es_build_plugin
    es_install_plugin
    if is_root; then chown -R "$NIANBAO_STACK_USER:" "$ES_HOME"; fi
}

# Builds the smartcn plugin zip unless an up-to-date one exists (newer than every source file).
es_build_plugin() {
    if [ -f "$ES_PLUGIN_ZIP" ] && [ -z "$(find "$ES_PLUGIN_SRC/pom.xml" "$ES_PLUGIN_SRC/src" -newer "$ES_PLUGIN_ZIP" -print -quit)" ]; then
        return 0
    fi
    say "elasticsearch: building the smartcn analysis plugin (deploy/es-analysis-smartcn) …"
    local log=$LOG_DIR/build-es-analysis-smartcn.log
    mkdir -p "$LOG_DIR" "$(dirname "$ES_PLUGIN_ZIP")"
    local build_dir=$NIANBAO_WORK/build/es-analysis-smartcn
    (cd "$NIANBAO_REPO" && ./mvnw -B -f deploy/es-analysis-smartcn/pom.xml -Dplugin.build.dir="$build_dir" \
        package >"$log" 2>&1) \
        || { grep -E 'ERROR|FAIL' "$log" | head -n 10 >&2; die "elasticsearch: building the smartcn plugin failed; see $log"; }
    cp "$build_dir/analysis-smartcn-$ES_VERSION.zip" "$ES_PLUGIN_ZIP"
}

# Installs (or, when the zip changed, reinstalls) the plugin into the unpacked distribution.
es_install_plugin() {
    local sum marker=$ES_HOME/.analysis-smartcn.sha256
    sum=$(sha256sum "$ES_PLUGIN_ZIP" | cut -d' ' -f1)
    if [ -d "$ES_HOME/plugins/analysis-smartcn" ] && [ "$(cat "$marker" 2>/dev/null)" = "$sum" ]; then
        say "elasticsearch: analysis-smartcn plugin already installed"
        return 0
    fi
    if live_pid "$ES_PID" >/dev/null; then
        warn "elasticsearch is running; the rebuilt smartcn plugin is installed but takes effect after a restart"
    fi
    local log=$LOG_DIR/es-plugin-install.log
    if [ -d "$ES_HOME/plugins/analysis-smartcn" ]; then
        env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" "$ES_HOME/bin/elasticsearch-plugin" remove analysis-smartcn >"$log" 2>&1 || true
    fi
    env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" "$ES_HOME/bin/elasticsearch-plugin" install --batch "file://$ES_PLUGIN_ZIP" >>"$log" 2>&1 \
        || { cat "$log" >&2; die "elasticsearch: installing $ES_PLUGIN_ZIP failed; see $log"; }
    echo "$sum" >"$marker"
    say "elasticsearch: installed analysis-smartcn plugin (analyzer smartcn, tokenizer smartcn_tokenizer)"
}

es_write_config() {
    sed -e "s#@ES_DATA@#$ES_DATA#g" -e "s#@ES_LOGS@#$ES_LOGS#g" -e "s#@ES_PORT@#$ES_PORT#g" \
        -e "s#@ES_TRANSPORT_PORT@#$ES_TRANSPORT_PORT#g" -e "s#@ES_SNAPSHOT_DIR@#$ES_SNAPSHOT_DIR#g" \
        "$NIANBAO_REPO/deploy/local/conf/elasticsearch.yml" >"$ES_HOME/config/elasticsearch.yml"
    if is_root; then chown "$NIANBAO_STACK_USER:" "$ES_HOME/config/elasticsearch.yml"; fi
}

es_launch() {
    if live_pid "$ES_PID" >/dev/null; then
        ES_WAS_RUNNING=1
        return 0
    fi
    ES_WAS_RUNNING=0
    require_free_port "$ES_PORT" "Elasticsearch HTTP"
    require_free_port "$ES_TRANSPORT_PORT" "Elasticsearch transport"
    es_write_config
    own_for_service "$ES_DATA" "$ES_LOGS" "$ES_TMP" "$RUN_DIR" "$ES_SNAPSHOT_DIR"
    rm -f "$ES_PID"
    # -d: the launcher returns once the node has started (or failed); run it in the background so
    # Kafka and PostgreSQL start meanwhile, and collect its exit status in es_ready.
    touch "$ES_CONSOLE_LOG"
    # setsid: the node must outlive the caller's process group (CI runners kill whole groups).
    as_service_user setsid -w env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" ES_PATH_CONF="$ES_HOME/config" ES_TMPDIR="$ES_TMP" \
        ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
        "$ES_HOME/bin/elasticsearch" -d -p "$ES_PID" >>"$ES_CONSOLE_LOG" 2>&1 </dev/null 9>&- &
    ES_LAUNCHER=$!
}

es_ready() {
    if [ "${ES_WAS_RUNNING:-0}" = 0 ] && [ -n "${ES_LAUNCHER:-}" ]; then
        if ! wait "$ES_LAUNCHER"; then
            tail -n 30 "$ES_CONSOLE_LOG" >&2
            die "elasticsearch failed to start; see $ES_CONSOLE_LOG and $ES_LOGS/"
        fi
    fi
    local pid deadline=$(($(date +%s) + NIANBAO_START_TIMEOUT))
    pid=$(live_pid "$ES_PID") || die "elasticsearch is not running after start; see $ES_CONSOLE_LOG and $ES_LOGS/"
    until curl -fsS -o /dev/null "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null; do
        pid_alive "$pid" || die "elasticsearch exited during start-up; see $ES_LOGS/"
        [ "$(date +%s)" -lt "$deadline" ] || die "elasticsearch not yellow within ${NIANBAO_START_TIMEOUT}s; see $ES_LOGS/"
        sleep 0.5
    done
}

es_stop() { stop_by_pid_file elasticsearch "$ES_PID" TERM; }
es_wipe() { rm -rf "$ES_DATA" "$ES_TMP"; }
es_port() { echo "$ES_PORT"; }
es_pid_file() { echo "$ES_PID"; }
es_logs() { echo "$ES_LOGS/nianbao-local.log (console: $ES_CONSOLE_LOG)"; }

# Analyses the report title with smartcn and requires the multi-character words 政府 and 报告.
es_check() {
    live_pid "$ES_PID" >/dev/null || die "elasticsearch is not running"
    local out
    out=$(curl -fsS -H 'Content-Type: application/json' "http://127.0.0.1:$ES_PORT/_analyze" \
        -d '{"analyzer":"smartcn","text":"政府信息公开工作年度报告"}') || die "elasticsearch: _analyze with smartcn failed"
    if grep -q '"token":"政府"' <<<"$out" && grep -q '"token":"报告"' <<<"$out"; then
        say "elasticsearch smartcn ok: $(grep -o '"token":"[^"]*"' <<<"$out" | cut -d'"' -f4 | paste -sd/ -)"
    else
        die "elasticsearch: smartcn did not segment the report title into words: $out"
    fi
}
