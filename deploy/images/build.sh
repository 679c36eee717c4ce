#!/usr/bin/env bash
# Builds the container images of the nianbao services from deploy/images/Containerfile (contract: README.md here).
#   deploy/images/build.sh [--push REGISTRY] [--base IMAGE|local] [--rebuild-base] [--skip-build] [service...]
#   deploy/images/build.sh --print-tag
# service: ingest | parse | validate | search (default: all four). Images: nianbao/<service>-service:<tag> and :latest,
# tag = <pom version without -SNAPSHOT>-<short commit>[-dirty], e.g. nianbao/ingest-service:0.1.0-d26e9e7.
#   --base IMAGE    base image with a Java 25 runtime (`java` on PATH) and sh; pulled when not present locally.
#                   Default: docker.io/library/eclipse-temurin:25-jre when it is present or can be pulled, otherwise
#                   the local base localhost/nianbao-jre:25-bookworm (made once, then re-used). `--base local`
#                   goes straight to the local base without asking a registry.
#   --rebuild-base  makes the local base again (debootstrap + jlink) and uses it; implies --base local.
#   --skip-build    uses <service>-service/target/quarkus-app as it is; otherwise the jars are built with
#                   `./mvnw -B -DskipTests package` for every service whose sources are newer than its quarkus-run.jar.
#   --push REGISTRY also tags REGISTRY/nianbao/<service>-service:<tag> and pushes it (podman push; extra flags such as
#                   --tls-verify=false or --creds in NIANBAO_PUSH_ARGS).
# Environment: NIANBAO_MVN_ARGS (extra Maven flags, e.g. -o), DEBIAN_MIRROR (default http://deb.debian.org/debian),
# NIANBAO_JLINK_JDK (a Java 25 JDK; default $JAVA_HOME, then /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE=$REPO/deploy/images
DEFAULT_BASE=docker.io/library/eclipse-temurin:25-jre
LOCAL_BASE=localhost/nianbao-jre:25-bookworm
# The JRE of the local base: java.se plus what the services load at run time (jdeps over their jars and running
# them): Unsafe (Netty, Kafka), JMX beans (Micrometer), charsets (GBK/Big5 reports), DNS, zip file system.
JRE_MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.charsets,jdk.naming.dns,jdk.zipfs,jdk.net
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ALL=(ingest parse validate search)
T_START=$(date +%s)

say() { echo "images: $*"; }
die() { echo "images: ERROR: $*" >&2; exit 1; }
usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
port_of() { case $1 in ingest) echo 8081 ;; parse) echo 8082 ;; validate) echo 8083 ;; search) echo 8084 ;; *) return 1 ;; esac; }

PUSH=; BASE=; SKIP_BUILD=0; REBUILD_BASE=0; PRINT_TAG=0; SERVICES=()
while [ $# -gt 0 ]; do
    case $1 in
        --push) [ $# -ge 2 ] && [ -n "$2" ] || die "--push needs a registry, e.g. --push registry.example.com:5000"; PUSH=${2%/}; shift 2 ;;
        --push=*) PUSH=${1#--push=}; PUSH=${PUSH%/}; shift ;;
        --base) [ $# -ge 2 ] && [ -n "$2" ] || die "--base needs an image (or 'local')"; BASE=$2; shift 2 ;;
        --base=*) BASE=${1#--base=}; shift ;;
        --rebuild-base) REBUILD_BASE=1; shift ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        --print-tag) PRINT_TAG=1; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) port_of "$1" >/dev/null || die "unknown service '$1' (expected ingest, parse, validate or search)"; SERVICES+=("$1"); shift ;;
    esac
done
[ ${#SERVICES[@]} -gt 0 ] || SERVICES=("${ALL[@]}")
if [ "$REBUILD_BASE" = 1 ]; then
    [ -z "$BASE" ] || [ "$BASE" = local ] || die "--rebuild-base makes the local base; it does not go with --base $BASE"
    BASE=local
fi

# --- tag: <pom version without -SNAPSHOT>-<short commit>[-dirty] ---
project_version() {
    # The project's own <version> (the first one after </parent>-less root <artifactId>nianbao-parent</artifactId>).
    sed -n '/<artifactId>nianbao-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | sed -n 1p
}
VERSION=$(project_version)
[ -n "$VERSION" ] || die "cannot read the project version from $REPO/pom.xml"
command -v git >/dev/null || die "git is needed for the image tag"
REVISION=$(git -C "$REPO" rev-parse HEAD 2>/dev/null) || die "$REPO is not a git work tree"
SHORT=$(git -C "$REPO" rev-parse --short=7 HEAD)
# Dirty = any change (tracked or untracked, not ignored) to what goes into an image. --no-optional-locks: reading
# the status must not rewrite the index.
DIRTY=
if [ -n "$(git -C "$REPO" --no-optional-locks status --porcelain -- pom.xml '*-service/' deploy/images/ 2>/dev/null)" ]; then DIRTY=-dirty; fi
TAG=${VERSION%-SNAPSHOT}-$SHORT$DIRTY
if [ "$PRINT_TAG" = 1 ]; then echo "$TAG"; exit 0; fi
SOURCE=$(git -C "$REPO" config --get remote.origin.url 2>/dev/null || true)
SOURCE=${SOURCE:-unknown}
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# --- tools ---
apt_install() {
    [ "$(id -u)" = 0 ] || die "$* missing; install them (apt-get install $*) or run as root"
    command -v apt-get >/dev/null || die "$* missing and no apt-get here to install them"
    say "installing $* (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; } >/tmp/nianbao-images-apt.log 2>&1 \
        || { tail -n 20 /tmp/nianbao-images-apt.log >&2; die "apt-get install $* failed (log /tmp/nianbao-images-apt.log)"; }
}
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v buildah >/dev/null || missing+=(buildah)
[ -x /usr/sbin/runc ] || command -v runc >/dev/null || missing+=(runc)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
# The OCI runtime: runc when present (this VM's hybrid cgroups make crun fail), and ulimits within the VM's hard limits.
RUNC=$(command -v runc 2>/dev/null || echo /usr/sbin/runc)
PODMAN_RUN_FLAGS=(--runtime "$RUNC" --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
# Builder: buildah bud; the only RUN step (argument check) runs with chroot isolation, which needs no OCI runtime.
BUILDER=(buildah bud --isolation chroot)
command -v buildah >/dev/null || BUILDER=(podman build --isolation chroot)

# --- jars ---
for svc in "${SERVICES[@]}"; do
    app=$REPO/$svc-service/target/quarkus-app
    if [ "$SKIP_BUILD" = 1 ]; then
        [ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing (--skip-build): build with ./mvnw -B -DskipTests package"
    fi
done
if [ "$SKIP_BUILD" = 0 ]; then
    stale=()
    for svc in "${SERVICES[@]}"; do
        jar=$REPO/$svc-service/target/quarkus-app/quarkus-run.jar
        if [ ! -f "$jar" ] || [ -n "$(find "$REPO/$svc-service/src" "$REPO/$svc-service/pom.xml" "$REPO/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
            stale+=("$svc-service")
        fi
    done
    if [ ${#stale[@]} -gt 0 ]; then
        t0=$(date +%s)
        modules=$(IFS=,; echo "${stale[*]}")
        say "building jars: ./mvnw -B -DskipTests package -pl $modules ${NIANBAO_MVN_ARGS:-}"
        # shellcheck disable=SC2086
        (cd "$REPO" && ./mvnw -B -q -DskipTests ${NIANBAO_MVN_ARGS:-} package -pl "$modules") || die "Maven build failed"
        say "jars built in $(( $(date +%s) - t0 )) s"
    else
        say "jars up to date (quarkus-app newer than the sources of ${SERVICES[*]})"
    fi
fi

# --- base image ---
find_jdk() {
    local j
    for j in "${NIANBAO_JLINK_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
        [ -n "$j" ] && [ -x "$j/bin/jlink" ] || continue
        [[ $("$j/bin/java" -version 2>&1 || true) == *'version "25'* ]] || continue
        echo "$j"; return 0
    done
    return 1
}
BASE_WORK=
cleanup_base_work() {
    [ -n "$BASE_WORK" ] && [ -d "$BASE_WORK" ] || return 0
    # debootstrap mounts proc/sys in the target; never delete through a mount.
    local m
    for m in $(findmnt -rn -o TARGET | grep -F "$BASE_WORK/" | sort -r || true); do umount -l "$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$BASE_WORK"
}
trap cleanup_base_work EXIT

make_local_base() {
    local t0 jdk rootfs log
    t0=$(date +%s)
    [ "$(id -u)" = 0 ] || die "making the local base needs root (debootstrap); or give --base IMAGE"
    jdk=$(find_jdk) || die "no Java 25 JDK with jlink found (set NIANBAO_JLINK_JDK)"
    command -v debootstrap >/dev/null || apt_install debootstrap
    BASE_WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/nianbao-base.XXXXXX")
    rootfs=$BASE_WORK/rootfs
    log=$BASE_WORK/base.log
    say "making the local base $LOCAL_BASE: debootstrap --variant=minbase $SUITE ($MIRROR) + jlink'd JRE from $jdk"
    debootstrap --variant=minbase --arch=amd64 "$SUITE" "$rootfs" "$MIRROR" >"$log" 2>&1 \
        || { tail -n 30 "$log" >&2; die "debootstrap failed"; }
    say "  debootstrap done ($(( $(date +%s) - t0 )) s); applying $SUITE-updates and $SUITE-security"
    cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb ${MIRROR%/debian}/debian-security $SUITE-security main
EOF
    cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
    { chroot "$rootfs" apt-get update -q \
        && chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Dpkg::Options::=--force-confold upgrade \
        && chroot "$rootfs" apt-get clean; } >>"$log" 2>&1 || { tail -n 30 "$log" >&2; die "apt-get upgrade in the base failed"; }
    # Small: no package lists, caches, logs, docs (copyright files kept), man pages or translations; and dpkg told
    # not to bring docs back when an image built on it installs packages.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/log/* \
        "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/lintian "$rootfs"/usr/share/locale/* \
        "$rootfs"/var/lib/dpkg/*-old "$rootfs"/var/cache/ldconfig/aux-cache
    # Empty, not absent: the container engine mounts over them (absent, it has to create them in the container).
    : >"$rootfs/etc/resolv.conf"
    : >"$rootfs/etc/hostname"
    find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
    find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
    cat >"$rootfs/etc/dpkg/dpkg.cfg.d/01-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
    # The JRE where the Temurin images have theirs, so that JAVA_HOME and PATH are the same in both.
    say "  jlink --add-modules $JRE_MODULES"
    mkdir -p "$rootfs/opt/java"
    "$jdk/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
        --generate-cds-archive --output "$rootfs/opt/java/openjdk" >>"$log" 2>&1 || { tail -n 30 "$log" >&2; die "jlink failed"; }
    # The CDS archive for heaps over 32 GB (no compressed oops) is never used by these services.
    rm -f "$rootfs/opt/java/openjdk/lib/server/classes_nocoops.jsa"
    # The services' user (the manifests run them as 185:185).
    grep -q '^[^:]*:[^:]*:185:' "$rootfs/etc/group" || echo 'nianbao:x:185:' >>"$rootfs/etc/group"
    grep -q '^[^:]*:[^:]*:185:' "$rootfs/etc/passwd" || echo 'nianbao:x:185:185:nianbao service:/tmp:/usr/sbin/nologin' >>"$rootfs/etc/passwd"
    podman image rm -f "$LOCAL_BASE" >/dev/null 2>&1 || true
    tar --numeric-owner -C "$rootfs" -c . | podman import \
        --change 'ENV JAVA_HOME=/opt/java/openjdk' \
        --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' \
        --change "LABEL org.opencontainers.image.title=nianbao-jre org.opencontainers.image.description=\"Debian $SUITE minbase + jlink'd Java 25 runtime ($JRE_MODULES)\" org.opencontainers.image.created=$(date -u +%Y-%m-%dT%H:%M:%SZ) org.opencontainers.image.vendor=nianbao" \
        --change 'CMD ["java", "-version"]' \
        --message "debootstrap --variant=minbase $SUITE + jlink $JRE_MODULES" \
        - "$LOCAL_BASE" >>"$log" 2>&1 || { tail -n 10 "$log" >&2; die "podman import of the base failed"; }
    cleanup_base_work
    BASE_WORK=
    # (Not checked in the chroot: without /proc the loader cannot resolve java's $ORIGIN RUNPATH.)
    log=$(mktemp /tmp/nianbao-base-run.XXXXXX.log)
    podman run --rm "${PODMAN_RUN_FLAGS[@]}" --network=none --user 185:185 --read-only "$LOCAL_BASE" java -version >"$log" 2>&1 \
        || { cat "$log" >&2; die "java does not run in the new base $LOCAL_BASE"; }
    rm -f "$log"
    say "  local base $LOCAL_BASE made in $(( $(date +%s) - t0 )) s, $(image_mb "$LOCAL_BASE") MB"
}

image_mb() { podman image inspect --format '{{.Size}}' "$1" | awk '{printf "%.0f", $1 / 1000000}'; }

t0=$(date +%s)
if [ -z "$BASE" ]; then
    if podman image exists "$DEFAULT_BASE"; then
        BASE=$DEFAULT_BASE
    elif timeout 120 podman pull -q "$DEFAULT_BASE" >/dev/null 2>/tmp/nianbao-images-pull.log; then
        BASE=$DEFAULT_BASE
    else
        say "cannot pull $DEFAULT_BASE ($(tail -n1 /tmp/nianbao-images-pull.log | cut -c1-160)); using the local base"
        BASE=local
    fi
fi
if [ "$BASE" = local ]; then
    # One base at a time, also across concurrent build.sh runs.
    exec 9>/var/tmp/nianbao-images-base.lock
    flock 9
    if [ "$REBUILD_BASE" = 1 ] || ! podman image exists "$LOCAL_BASE"; then
        make_local_base
    else
        say "re-using the local base $LOCAL_BASE ($(image_mb "$LOCAL_BASE") MB; --rebuild-base makes it again)"
    fi
    flock -u 9
    BASE=$LOCAL_BASE
elif ! podman image exists "$BASE"; then
    podman pull "$BASE" || die "cannot pull the base image $BASE"
fi
say "base $BASE ready in $(( $(date +%s) - t0 )) s"

# --- images ---
declare -A BUILD_SECONDS
for svc in "${SERVICES[@]}"; do
    name=nianbao/$svc-service
    t0=$(date +%s)
    log=$(mktemp "/tmp/nianbao-image-$svc.XXXXXX.log")
    say "building $name:$TAG"
    if ! "${BUILDER[@]}" --layers --pull=false -f "$HERE/Containerfile" --ignorefile "$HERE/Containerfile.dockerignore" \
        --build-arg BASE_IMAGE="$BASE" --build-arg SERVICE="$svc" --build-arg PORT="$(port_of "$svc")" \
        --build-arg VERSION="$TAG" --build-arg REVISION="$REVISION$DIRTY" --build-arg CREATED="$CREATED" \
        --build-arg SOURCE="$SOURCE" \
        -t "$name:$TAG" -t "$name:latest" "$REPO" >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "building $name:$TAG failed (log $log)"
    fi
    rm -f "$log"
    BUILD_SECONDS[$svc]=$(( $(date +%s) - t0 ))
    if [ -n "$PUSH" ]; then
        podman tag "$name:$TAG" "$PUSH/$name:$TAG"
        say "pushing $PUSH/$name:$TAG"
        # shellcheck disable=SC2086
        podman push ${NIANBAO_PUSH_ARGS:-} "$PUSH/$name:$TAG" || die "pushing $PUSH/$name:$TAG failed"
    fi
done

echo
printf '%-46s %8s %8s\n' IMAGE SIZE BUILD
for svc in "${SERVICES[@]}"; do
    printf '%-46s %5s MB %6s s\n' "nianbao/$svc-service:$TAG" "$(image_mb "nianbao/$svc-service:$TAG")" "${BUILD_SECONDS[$svc]}"
done
[ -z "$PUSH" ] || say "pushed to $PUSH/nianbao/<service>-service:$TAG"
say "base $BASE ($(image_mb "$BASE") MB, shared by all four); total $(( $(date +%s) - T_START )) s"
