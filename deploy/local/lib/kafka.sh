# shellcheck shell=bash
# Kafka (KRaft, single node) for the local stack: fetch jars from Maven Central, format storage once,
# run kafka.Kafka detached, and create the project's topics once the broker answers.

KAFKA_LIB=$DL_DIR/kafka
KAFKA_DATA=$DATA_DIR/kafka
KAFKA_PID=$RUN_DIR/kafka.pid
KAFKA_LOG=$LOG_DIR/kafka.log
KAFKA_CONF=$CONF_DIR/kafka
KAFKA_TOPICS=(report.fetched report.parsed report.validated report.fetched.dlq report.parsed.dlq report.validated.dlq)
KAFKA_PARTITIONS=3

kafka_fetch() {
    if [ -f "$KAFKA_LIB/.complete" ]; then say "kafka: jars already in $KAFKA_LIB"; return 0; fi
    say "kafka: downloading Kafka $KAFKA_VERSION jars via ./mvnw …"
    rm -rf "$KAFKA_LIB"
    maven_fetch "$NIANBAO_REPO/deploy/local/fetch/kafka-pom.xml" "$KAFKA_LIB"
    touch "$KAFKA_LIB/.complete"
}

kafka_write_config() {
    mkdir -p "$KAFKA_CONF"
    sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
        -e "s#@KAFKA_DATA@#$KAFKA_DATA#g" \
        "$NIANBAO_REPO/deploy/local/conf/kafka-server.properties" >"$KAFKA_CONF/server.properties"
    cp "$NIANBAO_REPO/deploy/local/conf/kafka-log4j2.properties" "$KAFKA_CONF/log4j2.properties"
    cp "$NIANBAO_REPO/deploy/local/conf/kafka-tools-log4j2.properties" "$KAFKA_CONF/tools-log4j2.properties"
    chmod -R a+rX "$KAFKA_CONF"
}

# A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'.
kafka_random_cluster_id() {
    local id
    while :; do
        id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
        [ "${id:0:1}" != "-" ] && { echo "$id"; return; }
    done
}

# Runs a Kafka class (tools, console clients) with the downloaded jars and quiet logging.
kafka_run_class() {
    "$JAVA_HOME/bin/java" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_CONF/tools-log4j2.properties" \
        -cp "$KAFKA_LIB/*" "$@"
}

kafka_launch() {
    if live_pid "$KAFKA_PID" >/dev/null; then
        KAFKA_WAS_RUNNING=1
        return 0
    fi
    KAFKA_WAS_RUNNING=0
    require_free_port "$KAFKA_PORT" "Kafka"
    require_free_port "$KAFKA_CONTROLLER_PORT" "Kafka controller"
    kafka_write_config
    mkdir -p "$LOG_DIR" && touch "$KAFKA_LOG"
    own_for_service "$KAFKA_DATA" "$RUN_DIR" "$LOG_DIR"
    if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
        as_service_user "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$KAFKA_CONF/tools-log4j2.properties" \
            -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format -t "$(kafka_random_cluster_id)" \
            -c "$KAFKA_CONF/server.properties" >>"$KAFKA_LOG" 2>&1 \
            || { tail -n 20 "$KAFKA_LOG" >&2; die "kafka: formatting storage in $KAFKA_DATA failed; see $KAFKA_LOG"; }
    fi
    launch_detached "$KAFKA_PID" "$KAFKA_LOG" "$JAVA_HOME/bin/java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" \
        -XX:+UseG1GC -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$KAFKA_CONF/log4j2.properties" \
        -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONF/server.properties"
}

kafka_ready() {
    local pid
    pid=$(live_pid "$KAFKA_PID") || { tail -n 30 "$KAFKA_LOG" >&2; die "kafka exited during start-up; see $KAFKA_LOG"; }
    wait_for_port kafka "$KAFKA_PORT" "$pid" "$KAFKA_LOG"
    kafka_write_config
    run_java_tool KafkaTopics "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$KAFKA_CONF/tools-log4j2.properties" \
        -- "127.0.0.1:$KAFKA_PORT" \
        "$NIANBAO_START_TIMEOUT" "$KAFKA_PARTITIONS" "${KAFKA_TOPICS[@]}" \
        || die "kafka: broker did not become ready or topics could not be created; see $KAFKA_LOG"
}

kafka_stop() { stop_by_pid_file kafka "$KAFKA_PID" TERM; }
kafka_wipe() { rm -rf "$KAFKA_DATA"; }
kafka_port() { echo "$KAFKA_PORT"; }
kafka_pid_file() { echo "$KAFKA_PID"; }
kafka_logs() { echo "$KAFKA_LOG"; }

# Produces and consumes one message on a scratch topic (never a project topic).
kafka_check() {
    live_pid "$KAFKA_PID" >/dev/null || die "kafka is not running"
    run_java_tool KafkaRoundTrip "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$KAFKA_CONF/tools-log4j2.properties" \
        -- "127.0.0.1:$KAFKA_PORT" nianbao.stack-check 30 || die "kafka: round trip failed; see $KAFKA_LOG"
}
