# shellcheck shell=bash
# Supervision of the local services, sourced by services.sh (which defines port_of, jar_of, pid_of, LOG_DIR,
# RUN_DIR, SERVICE_HEAP). `services.sh start` runs one supervisor per service (`services.sh supervise <svc> <work>`,
# in its own session); it starts the JVM, restarts it when it exits or when its liveness stays DOWN, and stops
# restarting only when `services.sh stop` stops the supervisor first. Like Kubernetes' restartPolicy: Always.
# Files in $RUN_DIR: <svc>.pid (the JVM, kept current), <svc>.supervisor.pid, <svc>.supervisor.state (one line,
# shown by `status`), <svc>.restarts (restarts since `services.sh start`). Log: $LOG_DIR/supervisor.log, and every
# restart also as a line in $LOG_DIR/<svc>.log.

LIVENESS_PERIOD=${NIANBAO_LIVENESS_PERIOD:-5}        # seconds between liveness checks
LIVENESS_FAILURES=${NIANBAO_LIVENESS_FAILURES:-6}    # consecutive failed checks before the JVM is killed
LIVENESS_TIMEOUT=${NIANBAO_LIVENESS_TIMEOUT:-3}      # seconds one check may take (a hung JVM accepts but never answers)
START_GRACE=${NIANBAO_START_TIMEOUT:-120}            # liveness is checked from readiness, or from this many seconds on
START_FAILURES=${NIANBAO_START_FAILURES:-3}          # failed starts in a row, never ready yet: give up
RESTART_BACKOFF_MAX=30                               # restart delays 1, 2, 4 … 30 s
RESTART_BACKOFF_RESET=60                             # … back to 1 s after a run that lasted this long
KILL_GRACE=10                                        # TERM, then KILL after this many seconds

supervisor_pid_file() { echo "$RUN_DIR/$1.supervisor.pid"; }
supervisor_state() { cat "$RUN_DIR/$1.supervisor.state" 2>/dev/null; }
restart_count() { local n; n=$(tr -dc '0-9' <"$RUN_DIR/$1.restarts" 2>/dev/null); echo "${n:-0}"; }

# PID of the service's supervisor if it runs: alive, and its command line is `services.sh supervise <svc> <this work dir>`
# (a stale file whose PID was reused is ignored).
supervisor_pid_of() {
    local f pid
    f=$(supervisor_pid_file "$1")
    [ -s "$f" ] || return 1
    pid=$(tr -dc '0-9' <"$f")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "services.sh supervise $1 $NIANBAO_WORK " || return 1
    echo "$pid"
}

# Starts the supervisor of a service in its own session (it outlives the caller's process group) and waits until
# it has written its PID file. Its own output goes to supervisor.log.
supervisor_launch() {
    local svc=$1 i
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    setsid nohup "$BASH" "$NIANBAO_REPO/deploy/local/services.sh" supervise "$svc" "$NIANBAO_WORK" \
        >>"$LOG_DIR/supervisor.log" 2>&1 </dev/null &
    for ((i = 0; i < 100; i++)); do
        supervisor_pid_of "$svc" >/dev/null && return 0
        sleep 0.1
    done
    die "the supervisor of $svc-service did not start; see $LOG_DIR/supervisor.log"
}

# Stops the supervisor (TERM; it exits within a few seconds, leaving the JVM alone), KILL after 15 s.
supervisor_stop() {
    local svc=$1 spid i
    if spid=$(supervisor_pid_of "$svc"); then
        kill -TERM "$spid" 2>/dev/null || true
        for ((i = 0; i < 150; i++)); do kill -0 "$spid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$spid" 2>/dev/null; then kill -KILL "$spid" 2>/dev/null || true; fi
    fi
    rm -f "$(supervisor_pid_file "$svc")" "$RUN_DIR/$svc.supervisor.state"
}

# --- everything below runs inside the supervisor process ---

sup_stamp() { date '+%Y-%m-%dT%H:%M:%S%z'; }
# A line in supervisor.log only.
sup_note() { echo "$(sup_stamp) supervisor: $SUP_SVC-service $*" >>"$LOG_DIR/supervisor.log"; }
# A line in supervisor.log and in the service's own log.
sup_log() {
    local line
    line="$(sup_stamp) supervisor: $SUP_SVC-service $*"
    echo "$line" >>"$LOG_DIR/supervisor.log"
    echo "$line" >>"$LOG_DIR/$SUP_SVC.log"
}
sup_state() { echo "$*" >"$RUN_DIR/$SUP_SVC.supervisor.state.tmp" && mv -f "$RUN_DIR/$SUP_SVC.supervisor.state.tmp" "$RUN_DIR/$SUP_SVC.supervisor.state"; }

# Starts the JVM exactly as services.sh always has (same command line and log file, appended to); sets SUP_PID and
# keeps $RUN_DIR/<svc>.pid current. Fd 8 (the supervisor's lock) is not passed on.
sup_start_jvm() {
    "$JAVA_HOME/bin/java" -Xmx"$SERVICE_HEAP" -XX:+UseSerialGC -Dquarkus.http.port="$SUP_PORT" -jar "$(jar_of "$SUP_SVC")" \
        >>"$LOG_DIR/$SUP_SVC.log" 2>&1 </dev/null 8>&- &
    SUP_PID=$!
    SUP_CHILD=1
    echo "$SUP_PID" >"$RUN_DIR/$SUP_SVC.pid.tmp" && mv -f "$RUN_DIR/$SUP_SVC.pid.tmp" "$RUN_DIR/$SUP_SVC.pid"
}

# After the JVM has gone: sets SUP_RC to its exit code (its own child), or to "unknown" (a JVM adopted at start).
sup_reap() {
    SUP_RC=unknown
    if [ "$SUP_CHILD" = 1 ]; then SUP_RC=0; wait "$SUP_PID" || SUP_RC=$?; fi
}

sup_exit_if_stopping() {
    [ "$SUP_STOP" = 1 ] || return 0
    if [ -n "$SUP_PID" ] && kill -0 "$SUP_PID" 2>/dev/null; then
        sup_note "supervisor $$ stopped by services.sh stop, which stops pid $SUP_PID"
    else
        sup_note "supervisor $$ stopped by services.sh stop (no JVM running)"
    fi
    sup_state "stopped"
    exit 0
}

# GET /q/health/<what>; prints curl's error on failure.
sup_probe() {
    local err
    err=$(curl -fsS -o /dev/null --connect-timeout 2 --max-time "$LIVENESS_TIMEOUT" \
        "http://127.0.0.1:$SUP_PORT/q/health/$1" 2>&1) && return 0
    echo "${err:-no answer}" | head -n1
    return 1
}

# TERM, KILL after KILL_GRACE s; then reaps.
sup_kill_jvm() {
    local i how=TERM
    kill -TERM "$SUP_PID" 2>/dev/null || true
    for ((i = 0; i < KILL_GRACE; i++)); do kill -0 "$SUP_PID" 2>/dev/null || break; sleep 1; done
    if kill -0 "$SUP_PID" 2>/dev/null; then
        how="TERM, KILL after $KILL_GRACE s"
        kill -KILL "$SUP_PID" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do kill -0 "$SUP_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    sup_reap
    SUP_KILLED_BY=$how
}

# Watches one run of the JVM until it has gone (exited, or killed for liveness); sets SUP_REASON, SUP_READY, SUP_UP.
sup_watch() {
    local started now fails=0 last_check err
    started=$(date +%s)
    last_check=$started
    SUP_READY=0
    sup_state "starting"
    while :; do
        sup_exit_if_stopping
        if ! kill -0 "$SUP_PID" 2>/dev/null; then
            sup_reap
            SUP_REASON="exited with code $SUP_RC"
            break
        fi
        now=$(date +%s)
        if [ "$SUP_READY" = 0 ] && sup_probe ready >/dev/null; then
            SUP_READY=1
            SUP_EVER_READY=1
            SUP_START_FAILURES=0
            last_check=$now
            sup_note "ready (pid $SUP_PID) after $((now - started)) s"
            sup_state "ready"
        fi
        if { [ "$SUP_READY" = 1 ] || [ $((now - started)) -ge "$START_GRACE" ]; } \
            && [ $((now - last_check)) -ge "$LIVENESS_PERIOD" ]; then
            last_check=$now
            if err=$(sup_probe live); then
                if [ "$fails" -gt 0 ]; then
                    sup_note "liveness UP again (pid $SUP_PID) after $fails failed checks"
                    sup_state "$([ "$SUP_READY" = 1 ] && echo ready || echo starting)"
                fi
                fails=0
            else
                fails=$((fails + 1))
                sup_note "liveness check $fails/$LIVENESS_FAILURES failed (pid $SUP_PID): $err"
                sup_state "liveness failing $fails/$LIVENESS_FAILURES"
                if [ "$fails" -ge "$LIVENESS_FAILURES" ]; then
                    sup_log "liveness DOWN for $((fails * LIVENESS_PERIOD)) s (pid $SUP_PID, last check: $err); killing it"
                    sup_kill_jvm
                    SUP_REASON="liveness DOWN for $((fails * LIVENESS_PERIOD)) s, killed ($SUP_KILLED_BY), exit code $SUP_RC"
                    break
                fi
            fi
        fi
        sleep 1
    done
    SUP_UP=$(($(date +%s) - started))
}

# Main loop of `services.sh supervise <svc>`: never returns.
supervise() {
    local delay=1 restarts=0 old i
    # A supervisor must survive its own mistakes: no errexit/nounset in here.
    set +eu
    SUP_SVC=$1
    SUP_PORT=$(port_of "$SUP_SVC")
    SUP_STOP=0
    SUP_EVER_READY=0
    SUP_START_FAILURES=0
    SUP_PID=
    SUP_CHILD=0
    trap 'SUP_STOP=1' TERM INT
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    # One supervisor per service and work dir.
    exec 8>>"$RUN_DIR/$SUP_SVC.supervisor.lock"
    if ! flock -w 5 8; then sup_note "another supervisor already runs; supervisor $$ exits"; exit 0; fi
    echo $$ >"$(supervisor_pid_file "$SUP_SVC")"
    # From here on its stderr is dropped: bash reports a background job killed by a signal ("line N: PID Killed
    # java …") on stderr at some later command, and the supervisor logs every exit itself with a timestamp.
    exec 2>/dev/null
    if old=$(pid_of "$SUP_SVC"); then
        SUP_PID=$old
        SUP_CHILD=0
        sup_note "supervisor $$ started; adopting the running pid $SUP_PID (its exit code will be unknown)"
    else
        sup_start_jvm
        sup_note "supervisor $$ started pid $SUP_PID (port $SUP_PORT)"
    fi
    while :; do
        sup_watch
        sup_exit_if_stopping
        [ "$SUP_READY" = 1 ] || SUP_START_FAILURES=$((SUP_START_FAILURES + 1))
        if [ "$SUP_EVER_READY" = 0 ] && [ "$SUP_START_FAILURES" -ge "$START_FAILURES" ]; then
            sup_log "pid $SUP_PID $SUP_REASON during start-up; giving up after $SUP_START_FAILURES failed starts in a row"
            sup_state "gave up: $SUP_REASON, $SUP_START_FAILURES failed starts"
            rm -f "$RUN_DIR/$SUP_SVC.pid" "$(supervisor_pid_file "$SUP_SVC")"
            exit 1
        fi
        [ "$SUP_UP" -lt "$RESTART_BACKOFF_RESET" ] || delay=1
        restarts=$(($(restart_count "$SUP_SVC") + 1))
        sup_log "pid $SUP_PID $SUP_REASON after running $SUP_UP s; restart $restarts in $delay s"
        sup_state "restarting in $delay s: $SUP_REASON"
        for ((i = 0; i < delay; i++)); do sup_exit_if_stopping; sleep 1; done
        sup_exit_if_stopping
        echo "$restarts" >"$RUN_DIR/$SUP_SVC.restarts"
        sup_start_jvm
        sup_log "restarted as pid $SUP_PID (restart $restarts)"
        delay=$((delay * 2))
        [ "$delay" -le "$RESTART_BACKOFF_MAX" ] || delay=$RESTART_BACKOFF_MAX
    done
}
