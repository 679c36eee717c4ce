#!/usr/bin/env bash
# Proves the four service images work: runs them with podman the way the Kubernetes manifests do (uid 185, read-only
# root, only /tmp writable, no capabilities, no-new-privileges, 768 MiB), wired to the local stack that
# `deploy/local/stack.sh start` runs on 127.0.0.1, and sends one report through the whole pipeline.
#   deploy/images/prove.sh [--build] [build.sh options: --skip-build, --base IMAGE, ...]
# Needs: the local stack running (Kafka 9092, Elasticsearch 9200, PostgreSQL 5432) and ports 8081-8084 free (no local
# service processes). Images: nianbao/<svc>-service:<tag of build.sh --print-tag>; built by build.sh when one is
# missing, when the tree is dirty (its tag then names no fixed content), or with --build.
# Steps: start the four containers (host network), wait until each is ready (/q/health/ready, 180 s), check uid 185,
# read-only root and capabilities inside each, upload a demo report made unique (new sha256, new file name) to
# ingest-service, poll search-service until it is searchable (180 s), check its report page and that the original
# comes back byte for byte from ingest-service. Containers are removed at exit, also on failure (their logs are
# printed then, and always kept in $PROVE_LOG_DIR, default /tmp/nianbao-images-prove).
# The last line is "images: PASS" (exit 0) or "images: FAIL (reason)" (exit 1).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE=$REPO/deploy/images
ALL=(ingest parse validate search)
READY_TIMEOUT=${PROVE_READY_TIMEOUT:-180}
SEARCH_TIMEOUT=${PROVE_SEARCH_TIMEOUT:-180}
MEMORY=${PROVE_MEMORY:-768m}
LOG_DIR=${PROVE_LOG_DIR:-/tmp/nianbao-images-prove}
REPORT=${PROVE_REPORT:-$REPO/deploy/demo/corpus/pingtan-syq-2023.txt}
T_START=$(date +%s)

say() { echo "images: $*"; }
port_of() { case $1 in ingest) echo 8081 ;; parse) echo 8082 ;; validate) echo 8083 ;; search) echo 8084 ;; esac; }
cname() { echo "nianbao-images-prove-$1"; }
RESULT=FAIL
REASON="unexpected error"
STARTED=()
WORK=

fail() { REASON=$1; exit 1; }
show_logs() {  # the last 40 lines of each container's log
    local svc
    for svc in "$@"; do
        echo "----- $(cname "$svc") (last 40 log lines; full log $LOG_DIR/$svc.log) -----" >&2
        tail -n 40 "$LOG_DIR/$svc.log" >&2 2>/dev/null || true
    done
}
on_exit() {
    local rc=$? svc
    trap - EXIT INT TERM
    set +e
    for svc in "${STARTED[@]}"; do podman logs "$(cname "$svc")" >"$LOG_DIR/$svc.log" 2>&1; done
    if [ "$RESULT" != PASS ] && [ ${#STARTED[@]} -gt 0 ] && [ -z "${LOGS_SHOWN:-}" ]; then show_logs "${STARTED[@]}"; fi
    for svc in "${STARTED[@]}"; do podman rm -f -t 10 "$(cname "$svc")" >/dev/null 2>&1; done
    [ ${#STARTED[@]} -eq 0 ] || say "containers stopped and removed; logs in $LOG_DIR"
    [ -z "$WORK" ] || rm -rf "$WORK"
    if [ "$RESULT" = PASS ] && [ "$rc" = 0 ]; then
        echo "images: PASS"
    else
        [ "$RESULT" != PASS ] || REASON="exit code $rc"
        echo "images: FAIL ($REASON)"
        exit 1
    fi
}
trap on_exit EXIT
trap 'REASON="interrupted"; exit 1' INT TERM
trap 'REASON="unexpected error at line $LINENO: $BASH_COMMAND"' ERR

BUILD=0; BUILD_ARGS=()
while [ $# -gt 0 ]; do
    case $1 in
        --build) BUILD=1; shift ;;
        -h | --help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; RESULT=PASS; exit 0 ;;
        *) BUILD_ARGS+=("$1"); shift ;;
    esac
done
for c in podman curl sha256sum; do command -v "$c" >/dev/null || fail "$c is not installed"; done
mkdir -p "$LOG_DIR"
WORK=$(mktemp -d /tmp/nianbao-images-prove.XXXXXX)
chmod 700 "$WORK"

# --- images ---
TAG=$("$HERE/build.sh" --print-tag) || fail "build.sh --print-tag failed"
missing=0
for svc in "${ALL[@]}"; do podman image exists "nianbao/$svc-service:$TAG" || missing=1; done
if [ "$BUILD" = 1 ] || [ "$missing" = 1 ] || [ "${TAG%-dirty}" != "$TAG" ]; then
    say "building the images (build.sh ${BUILD_ARGS[*]:-})"
    t0=$(date +%s)
    "$HERE/build.sh" "${BUILD_ARGS[@]}" || fail "build.sh failed"
    T_BUILD=$(( $(date +%s) - t0 ))
    TAG=$("$HERE/build.sh" --print-tag)
else
    T_BUILD=0
    say "images nianbao/<svc>-service:$TAG present"
fi
for svc in "${ALL[@]}"; do podman image exists "nianbao/$svc-service:$TAG" || fail "image nianbao/$svc-service:$TAG missing after build.sh"; done

# --- the stack and the ports ---
for p in 9092 9200 5432; do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || fail "nothing listens on 127.0.0.1:$p: start the local stack (deploy/local/stack.sh start)"
done
for svc in "${ALL[@]}"; do
    p=$(port_of "$svc")
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        fail "port $p is in use (stop the local $svc-service: deploy/local/services.sh stop)"
    fi
done

# --- environment: exactly what services.sh gives the local JVMs (its service_env: stack.sh env + secrets + URLs) ---
ENV_FILE=$WORK/env
env -i PATH="$PATH" HOME="${HOME:-/root}" ${NIANBAO_WORK:+NIANBAO_WORK="$NIANBAO_WORK"} ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
    bash -c '. "$1" env >/dev/null && env' _ "$REPO/deploy/local/services.sh" >"$WORK/env.all" 2>"$WORK/env.err" \
    || { cat "$WORK/env.err" >&2; fail "deploy/local/services.sh env failed"; }
grep -E '^(KAFKA|QUARKUS|NIANBAO|SMALLRYE|MP)_[A-Z0-9_]*=' "$WORK/env.all" | grep -Ev '^NIANBAO_(WORK|REPO)=' >"$ENV_FILE"
for v in KAFKA_BOOTSTRAP_SERVERS QUARKUS_ELASTICSEARCH_HOSTS NIANBAO_PG_HOST NIANBAO_PG_PASSWORD NIANBAO_ADMIN_TOKEN NIANBAO_INGEST_URL NIANBAO_SEARCH_URL; do
    grep -q "^$v=" "$ENV_FILE" || fail "services.sh env gave no $v"
done
getenv() { sed -n "s/^$1=//p" "$ENV_FILE" | sed -n 1p; }
INGEST_URL=$(getenv NIANBAO_INGEST_URL)
SEARCH_URL=$(getenv NIANBAO_SEARCH_URL)
say "environment: $(cut -d= -f1 "$ENV_FILE" | sort | tr '\n' ' ')"

# --- start ---
RUNC=$(command -v runc 2>/dev/null || echo /usr/sbin/runc)
# This VM: runc (crun fails on its hybrid cgroups) and ulimits within its hard limits.
RUN_FLAGS=(--runtime "$RUNC" --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
for svc in "${ALL[@]}"; do podman rm -f -t 5 "$(cname "$svc")" >/dev/null 2>&1 || true; done
T_RUN=$(date +%s)
for svc in "${ALL[@]}"; do
    podman run -d --name "$(cname "$svc")" --label nianbao.images.prove=1 "${RUN_FLAGS[@]}" \
        --network=host --pull=never \
        --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=256m,mode=1777 \
        --user 185:185 --cap-drop=ALL --security-opt no-new-privileges \
        --memory "$MEMORY" --env-file "$ENV_FILE" \
        "nianbao/$svc-service:$TAG" >/dev/null 2>"$WORK/run.err" \
        || { cat "$WORK/run.err" >&2; fail "podman run of $(cname "$svc") failed"; }
    STARTED+=("$svc")
done
say "started ${#STARTED[@]} containers (nianbao/<svc>-service:$TAG, --network=host --read-only --user 185:185 --cap-drop=ALL --memory $MEMORY)"

# --- ready ---
declare -A READY_AT
deadline=$(( T_RUN + READY_TIMEOUT ))
while :; do
    pending=0
    for svc in "${ALL[@]}"; do
        [ -z "${READY_AT[$svc]:-}" ] || continue
        c=$(cname "$svc")
        state=$(podman inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$c" 2>/dev/null || echo "gone -")
        if [ "${state%% *}" != running ]; then
            podman logs "$c" >"$LOG_DIR/$svc.log" 2>&1 || true
            show_logs "$svc"; LOGS_SHOWN=1
            fail "$c is not running during start-up (state $state)"
        fi
        if curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$(port_of "$svc")/q/health/ready" 2>/dev/null; then
            READY_AT[$svc]=$(( $(date +%s) - T_RUN ))
            say "$c ready after ${READY_AT[$svc]} s"
        else
            pending=$((pending + 1))
        fi
    done
    [ "$pending" -gt 0 ] || break
    if [ "$(date +%s)" -ge "$deadline" ]; then
        late=()
        for svc in "${ALL[@]}"; do [ -n "${READY_AT[$svc]:-}" ] || late+=("$svc"); done
        for svc in "${late[@]}"; do
            podman logs "$(cname "$svc")" >"$LOG_DIR/$svc.log" 2>&1 || true
            echo "----- $(cname "$svc") /q/health/ready -----" >&2
            curl -sS --max-time 5 "http://127.0.0.1:$(port_of "$svc")/q/health/ready" >&2 2>&1 || true; echo >&2
        done
        show_logs "${late[@]}"; LOGS_SHOWN=1
        names=$(printf 'nianbao-images-prove-%s ' "${late[@]}")
        fail "not ready after ${READY_TIMEOUT} s: ${names% }"
    fi
    sleep 2
done
T_READY=$(( $(date +%s) - T_RUN ))

# --- how they run: uid 185, read-only root, no capabilities, only /tmp written ---
declare -A TMP_USE
for svc in "${ALL[@]}"; do
    c=$(cname "$svc")
    ro=$(podman inspect -f '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}' "$c")
    [ "$ro" = "true 185:185" ] || fail "$c: podman inspect says ReadonlyRootfs/User = $ro"
    if podman exec "$c" sh -c true 2>/dev/null; then
        status=$(podman exec "$c" sh -c 'grep -E "^(Uid|Gid|CapEff|NoNewPrivs):" /proc/1/status | tr -s "\t " " "')
        grep -q '^Uid: 185 185 185 185$' <<<"$status" || fail "$c: the JVM (pid 1) does not run as uid 185: $status"
        grep -q '^Gid: 185 185 185 185$' <<<"$status" || fail "$c: the JVM (pid 1) does not run as gid 185: $status"
        grep -q '^CapEff: 0000000000000000$' <<<"$status" || fail "$c: the JVM has capabilities: $status"
        grep -q '^NoNewPrivs: 1$' <<<"$status" || fail "$c: no-new-privileges is off: $status"
        [ "$(podman exec "$c" id -u)" = 185 ] || fail "$c: podman exec does not run as uid 185"
        for f in /x /deployments/x /etc/x /var/tmp/x /run/x "/home/x"; do
            if podman exec "$c" sh -c "touch $f" 2>/dev/null; then fail "$c: could write $f (root filesystem not read-only)"; fi
        done
        podman exec "$c" sh -c 'touch /tmp/prove-write && rm /tmp/prove-write' || fail "$c: cannot write /tmp"
        TMP_USE[$svc]=$(podman exec "$c" sh -c 'du -sk /tmp 2>/dev/null | cut -f1; ls -A /tmp | tr "\n" " "' | tr '\n' ' ')
        HOW="uid/gid 185 (pid 1 and exec), CapEff 0, NoNewPrivs 1, writes outside /tmp refused"
    else
        HOW="podman inspect only (no shell in the image): ReadonlyRootfs true, User 185:185"
    fi
    # Apart from /tmp, podman's own mount points may show (/etc/hosts etc. when the image lacks them).
    changed=$(podman diff "$c" 2>/dev/null | grep -Ev '^[ACD] /tmp(/|$)|^C /(etc|run)$|^A /etc/(hosts|hostname|resolv\.conf)$|^A /run/\.containerenv$' || true)
    [ -z "$changed" ] || fail "$c: the root filesystem changed outside /tmp: $(echo "$changed" | sed -n 1,5p | tr '\n' ' ')"
done
say "all four: $HOW; podman diff empty outside /tmp"
for svc in "${ALL[@]}"; do [ -z "${TMP_USE[$svc]:-}" ] || say "  $svc /tmp: ${TMP_USE[$svc]% }"; done

# --- one report through the pipeline ---
[ -f "$REPORT" ] || fail "no report $REPORT"
RUN_ID=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
# A marker word of letters only (one token for every analyzer), in the report's last section: new bytes, new sha256,
# findable by search; the file name makes a new report id (upload:<file name>) so no earlier run's report interferes.
MARKER=nbimg$(echo "$RUN_ID" | tr '0-9' 'ghijklmnop')
FILE=$WORK/report
case $REPORT in
    *.html | *.htm) { cat "$REPORT"; printf '\n<!-- images prove %s --><p>%s</p>\n' "$RUN_ID" "$MARKER"; } >"$FILE"; CTYPE='text/html; charset=UTF-8' ;;
    *) { cat "$REPORT"; printf '\n%s\n' "$MARKER"; } >"$FILE"; CTYPE='text/plain; charset=UTF-8' ;;
esac
base=$(basename "$REPORT")
FILE_NAME="images-prove-$RUN_ID-$base"
SHA=$(sha256sum "$FILE" | cut -d' ' -f1)
T_UP=$(date +%s)
resp=$(curl -sS --max-time 30 -w '\n%{http_code}' -X POST -H "Content-Type: $CTYPE" --data-binary "@$FILE" \
    "$INGEST_URL/api/reports?fileName=$FILE_NAME") || fail "upload to ingest-service failed (curl)"
code=${resp##*$'\n'}; body=${resp%$'\n'*}
[ "$code" = 201 ] || fail "upload answered HTTP $code: $body"
ID=$(echo "$body" | grep -o '"reportId":"[0-9a-f]*"' | cut -d'"' -f4)
up_sha=$(echo "$body" | grep -o '"sha256":"[0-9a-f]*"' | cut -d'"' -f4)
[ -n "$ID" ] || fail "upload answer has no reportId: $body"
[ "$up_sha" = "$SHA" ] || fail "ingest stored sha256 $up_sha, the file has $SHA"
say "uploaded $FILE_NAME ($(wc -c <"$FILE") bytes, sha256 ${SHA:0:12}…) → report $ID"

deadline=$(( T_UP + SEARCH_TIMEOUT ))
until curl -fsS --max-time 10 -o "$WORK/page.json" "$SEARCH_URL/api/reports/$ID" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
        for svc in "${ALL[@]}"; do podman logs "$(cname "$svc")" >"$LOG_DIR/$svc.log" 2>&1 || true; done
        show_logs "${ALL[@]}"; LOGS_SHOWN=1
        fail "report $ID not searchable after ${SEARCH_TIMEOUT} s"
    fi
    for svc in "${ALL[@]}"; do
        [ "$(podman inspect -f '{{.State.Status}}' "$(cname "$svc")" 2>/dev/null)" = running ] || fail "$(cname "$svc") stopped while the report was processed"
    done
    sleep 1
done
T_PAGE=$(( $(date +%s) - T_UP ))
# The full-text search finds it by the marker word.
hits=
until hits=$(curl -fsS --max-time 10 "$SEARCH_URL/api/search?q=$MARKER&size=10" 2>/dev/null) && grep -q "\"$ID\"" <<<"$hits"; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "report $ID has a page but /api/search?q=$MARKER does not find it: ${hits:0:300}"
    sleep 1
done
T_SEARCH=$(( $(date +%s) - T_UP ))
title=$(grep -o '"title":"[^"]*"' "$WORK/page.json" | sed -n 1p | cut -d'"' -f4)
orig=$(grep -o '"originalUrl":"[^"]*"' "$WORK/page.json" | sed -n 1p | cut -d'"' -f4)
[ "${orig##*/}" = "$SHA" ] || fail "report page's originalUrl is '$orig', expected …/api/originals/$SHA"
grep -q "\"sha256\":\"$SHA\"" "$WORK/page.json" || fail "report page's history does not name sha256 $SHA"
say "searchable after $T_PAGE s (report page), $T_SEARCH s (full-text search for $MARKER): \"$title\""

curl -fsS --max-time 30 -o "$WORK/original" "$INGEST_URL/api/originals/$SHA" || fail "GET $INGEST_URL/api/originals/$SHA failed"
cmp -s "$FILE" "$WORK/original" || fail "the original from ingest-service differs from the uploaded bytes"
say "original round-trips byte for byte ($(wc -c <"$WORK/original") bytes, GET /api/originals/${SHA:0:12}…)"

# --- still healthy after the work, no restarts ---
for svc in "${ALL[@]}"; do
    c=$(cname "$svc")
    [ "$(podman inspect -f '{{.State.Status}} {{.RestartCount}}' "$c")" = "running 0" ] || fail "$c is not running any more"
    curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$(port_of "$svc")/q/health/live" || fail "$c liveness DOWN after the report"
done

echo
printf '%-46s %7s %7s %9s\n' IMAGE SIZE READY MEM
for svc in "${ALL[@]}"; do
    mem=$(podman stats --no-stream --format '{{.MemUsage}}' "$(cname "$svc")" 2>/dev/null | cut -d/ -f1 | tr -d ' ' || true)
    printf '%-46s %4s MB %5s s %9s\n' "nianbao/$svc-service:$TAG" \
        "$(podman image inspect -f '{{.Size}}' "nianbao/$svc-service:$TAG" | awk '{printf "%.0f", $1 / 1000000}')" "${READY_AT[$svc]}" "${mem:--}"
done
say "timings: build ${T_BUILD} s, all ready ${T_READY} s, upload → searchable ${T_SEARCH} s, total $(( $(date +%s) - T_START )) s"
RESULT=PASS
