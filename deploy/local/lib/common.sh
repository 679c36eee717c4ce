# shellcheck shell=bash
# Shared settings and process helpers for deploy/local/stack.sh: work-dir layout, messages,
# PID files, ports, and running Elasticsearch/PostgreSQL as an unprivileged user when invoked as root.

NIANBAO_WORK=${NIANBAO_WORK:-$NIANBAO_REPO/deploy/local/.work}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HEAP=${KAFKA_HEAP:-512m}
ES_PORT=${ES_PORT:-9200}
ES_TRANSPORT_PORT=${ES_TRANSPORT_PORT:-9300}
ES_HEAP=${ES_HEAP:-512m}
PG_PORT=${PG_PORT:-5432}
NIANBAO_PG_USER=${NIANBAO_PG_USER:-nianbao}
NIANBAO_STACK_USER=${NIANBAO_STACK_USER:-nianbao}
NIANBAO_STOP_TIMEOUT=${NIANBAO_STOP_TIMEOUT:-30}
NIANBAO_START_TIMEOUT=${NIANBAO_START_TIMEOUT:-120}

KAFKA_VERSION=4.3.1
ES_VERSION=9.2.0
PG_VERSION=17.6.0
PGJDBC_VERSION=42.7.10

# Make NIANBAO_WORK absolute so messages and the service user see one unambiguous path.
mkdir -p "$NIANBAO_WORK" || { echo "stack: ERROR: cannot create NIANBAO_WORK=$NIANBAO_WORK" >&2; exit 1; }
NIANBAO_WORK=$(cd "$NIANBAO_WORK" && pwd -P)
DL_DIR=$NIANBAO_WORK/downloads
DIST_DIR=$NIANBAO_WORK/dist
DATA_DIR=$NIANBAO_WORK/data
LOG_DIR=$NIANBAO_WORK/logs
RUN_DIR=$NIANBAO_WORK/run
CONF_DIR=$NIANBAO_WORK/conf
SECRET_DIR=$NIANBAO_WORK/secrets

say() { echo "stack: $*"; }
warn() { echo "stack: WARNING: $*" >&2; }
die() { echo "stack: ERROR: $*" >&2; exit 1; }

now_ms() { date +%s%3N; }
# Seconds with one decimal between a start time in ms and now.
elapsed_since() { local d=$(( $(now_ms) - $1 )); printf '%d.%ds' $((d / 1000)) $(((d % 1000) / 100)); }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Creates the system user when running as root, and checks it can reach the work dir and the JDK.
ensure_service_user() {
    is_root || return 0
    if ! id -u "$NIANBAO_STACK_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
            --user-group "$NIANBAO_STACK_USER" \
            || die "could not create system user '$NIANBAO_STACK_USER' (useradd failed)"
        say "created system user '$NIANBAO_STACK_USER' to run Elasticsearch and PostgreSQL (both refuse root)"
    fi
    local p
    for p in "$NIANBAO_WORK" "$JAVA_HOME/bin/java"; do
        if ! runuser -u "$NIANBAO_STACK_USER" -- test -r "$p"; then
            die "system user '$NIANBAO_STACK_USER' cannot reach $p (a parent directory is not world-executable," \
                "e.g. /root is 700). Set NIANBAO_WORK to a directory outside it, e.g. NIANBAO_WORK=/var/tmp/nianbao," \
                "or use a JDK under /usr/lib/jvm."
        fi
    done
}

# Runs a command as the service user, from the work dir (the caller's cwd may be unreadable for that user).
as_service_user() {
    if is_root; then
        (cd "$NIANBAO_WORK" && runuser -u "$NIANBAO_STACK_USER" -- "$@")
    else
        (cd "$NIANBAO_WORK" && "$@")
    fi
}

# Gives the service user ownership of directories it must write to.
own_for_service() {
    mkdir -p "$@"
    if is_root; then chown -R "$NIANBAO_STACK_USER:" "$@"; fi
}

# Starts a long-running command as the service user in its own session, appending output to a log
# and writing its PID to a file; returns once the process exists.
launch_detached() {
    local pid_file=$1 log_file=$2; shift 2
    rm -f "$pid_file"
    # shellcheck disable=SC2016
    as_service_user bash -c 'pf=$1 lf=$2; shift 2; setsid "$@" >>"$lf" 2>&1 </dev/null 9>&- & echo $! >"$pf"' \
        _ "$pid_file" "$log_file" "$@"
    [ -s "$pid_file" ] || die "could not start $1 (no PID written to $pid_file)"
}

pid_from_file() { [ -s "$1" ] && head -n1 "$1" | tr -dc '0-9'; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# PID from the file if that process is alive and is ours: its command line names this work dir
# (a stale file whose PID was reused after a crash or reboot is ignored).
live_pid() {
    local pid
    pid=$(pid_from_file "$1") || return 1
    pid_alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$NIANBAO_WORK/" || return 1
    echo "$pid"
}

rss_mb() {
    local kb
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null) || return 0
    [ -n "$kb" ] && echo "$((kb / 1024)) MB"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails with a clear message if another process already listens on the port.
require_free_port() {
    local port=$1 what=$2 owner=""
    port_open "$port" || return 0
    if command -v ss >/dev/null 2>&1; then
        owner=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*' | head -n1)
    fi
    die "port $port ($what) is already in use${owner:+ by ${owner#users:((}}; stop that process or set another port (see deploy/README.md)"
}

# Sends a signal, waits up to NIANBAO_STOP_TIMEOUT seconds, then SIGKILLs; removes the PID file.
stop_by_pid_file() {
    local name=$1 pid_file=$2 signal=${3:-TERM} pid i
    pid=$(live_pid "$pid_file") || { rm -f "$pid_file"; say "$name: not running"; return 0; }
    kill -s "$signal" "$pid" 2>/dev/null || true
    for ((i = 0; i < NIANBAO_STOP_TIMEOUT * 10; i++)); do
        pid_alive "$pid" || break
        sleep 0.1
    done
    if pid_alive "$pid"; then
        warn "$name (PID $pid) did not stop within ${NIANBAO_STOP_TIMEOUT}s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    rm -f "$pid_file"
    say "$name: stopped (was PID $pid)"
}

# Waits until a TCP port accepts connections while the process lives; prints the log tail on failure.
wait_for_port() {
    local name=$1 port=$2 pid=$3 log=$4 deadline=$(($(date +%s) + NIANBAO_START_TIMEOUT))
    while ! port_open "$port"; do
        if ! pid_alive "$pid"; then
            tail -n 30 "$log" >&2 2>/dev/null
            die "$name exited during start-up; see $log"
        fi
        [ "$(date +%s)" -lt "$deadline" ] || die "$name did not open port $port within ${NIANBAO_START_TIMEOUT}s; see $log"
        sleep 0.2
    done
}

# Lists a throwaway POM's dependencies as group:artifact:version, for error messages.
pom_artifacts() {
    tr -d ' \n' <"$1" | grep -oE '<dependency><groupId>[^<]+</groupId><artifactId>[^<]+</artifactId><version>[^<]+' \
        | sed -E 's#<dependency><groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId><version>#\1:\2:#' | paste -sd, -
}

# Runs ./mvnw to copy one throwaway POM's dependencies into a directory; names the artifacts on failure.
maven_fetch() {
    local pom=$1 out=$2 log
    log=$LOG_DIR/fetch-$(basename "$pom" .xml).log
    mkdir -p "$out" "$LOG_DIR"
    if ! (cd "$NIANBAO_REPO" && ./mvnw -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$out" >"$log" 2>&1); then
        grep -E 'Could not (find|resolve|transfer)|ERROR\]' "$log" | head -n 5 >&2
        die "download failed for $(pom_artifacts "$pom") (from Maven Central via ./mvnw); full log: $log"
    fi
}

# Generates a random alphanumeric secret file (mode 600) unless it exists.
ensure_secret() {
    local file=$1
    [ -s "$file" ] && return 0
    mkdir -p "$(dirname "$file")"
    chmod 700 "$(dirname "$file")"
    local secret
    secret=$(head -c 1024 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
    (umask 077 && printf '%s\n' "${secret:0:32}" >"$file")
}

# Compiles a helper from deploy/local/lib/java into the work dir (once, and again when its source
# changes) and runs it, so repeated starts skip source-file compilation.
# Usage: run_java_tool NAME CLASSPATH [JVM_OPTION ...] -- [ARG ...]
run_java_tool() {
    local name=$1 cp=$2 out=$NIANBAO_WORK/tools/classes src jvm_opts=()
    shift 2
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm_opts+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    src=$NIANBAO_REPO/deploy/local/lib/java/$name.java
    if [ ! -f "$out/$name.class" ] || [ "$src" -nt "$out/$name.class" ]; then
        mkdir -p "$out"
        "$JAVA_HOME/bin/javac" -nowarn -d "$out" -cp "$cp" "$src" || die "could not compile $src"
    fi
    "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -Xmx128m "${jvm_opts[@]}" -cp "$out:$cp" "$name" "$@"
}

# Fails with one clear message listing every missing host tool the stack needs.
require_tools() {
    local t missing=()
    for t in curl unzip tar xz flock setsid sha256sum base64; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    if is_root; then
        for t in runuser useradd; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
    fi
    [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (Debian/Ubuntu: apt-get install curl unzip tar xz-utils util-linux coreutils passwd)"
}
