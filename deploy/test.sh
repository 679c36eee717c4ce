#!/usr/bin/env bash
# Runs the whole test suite against real infrastructure: starts the local stack (Kafka, Elasticsearch, PostgreSQL),
# runs `./mvnw verify` (unit tests, @QuarkusTest wiring tests, *IT integration tests of every service, and the
# Kubernetes manifest check), unit-tests the Prometheus alert rules with promtool, then starts the four services and
# runs the end-to-end test (one report from ingest to search), the small fault harness (200 reports while each
# service is kill -9'd once and restarted by its supervisor) and the backup drill (back up, reset the stack, restore,
# compare), and finally builds the four container images and proves them with podman (a report from upload to
# search). Stops what it started, also on failure; NIANBAO_KEEP_STACK=1 leaves the stack running.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$REPO"
say() { echo "test: $*"; }
# shellcheck source=local/lib/jdk.sh
. "$REPO/deploy/local/lib/jdk.sh"
nianbao_require_jdk21

# The browser test drives Debian's Chromium; install it when we can (root + apt), else that test says why it skips.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
    || ! ls /usr/share/fonts/truetype/wqy/wqy-microhei.ttc >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing chromium and chromium-driver (and a CJK font) for the browser test"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei) >/tmp/nianbao-apt.log 2>&1 \
            || say "WARNING: could not install chromium (see /tmp/nianbao-apt.log)"
    else
        say "WARNING: chromium, chromium-driver or fonts-wqy-microhei missing and not root: install them for the browser test"
    fi
fi

# The manifest check renders the overlays with `kubectl kustomize`; the alert tests need promtool.
apt_install() {  # apt_install COMMAND PACKAGE: installs PACKAGE when COMMAND is missing and we can
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing $2 (for $1)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >>/tmp/nianbao-apt.log 2>&1 \
            || { apt-get update -qq >>/tmp/nianbao-apt.log 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >>/tmp/nianbao-apt.log 2>&1; } \
            || say "WARNING: could not install $2 (see /tmp/nianbao-apt.log)"
    else
        say "WARNING: $1 is missing and we are not root: install the Debian package $2"
    fi
}
apt_install kubectl kubectl
apt_install promtool prometheus

cleanup() {
    local rc=$?
    "$REPO/deploy/local/services.sh" stop >/dev/null 2>&1 || true
    if [ "${NIANBAO_KEEP_STACK:-0}" != 1 ]; then "$REPO/deploy/local/stack.sh" stop || true; fi
    exit $rc
}
trap cleanup EXIT

say "starting the local stack"
"$REPO/deploy/local/stack.sh" start
eval "$("$REPO/deploy/local/stack.sh" env)"

if [ -d "$REPO/deploy/k8s/schemas/kubernetes" ] || [ -d "$REPO/../shared/k8s-schemas/kubernetes" ] || [ -n "${NIANBAO_K8S_SCHEMAS:-}" ]; then
    say "manifest check: with the published schemas"
else
    say "WARNING: no Kubernetes/CRD schema files here: the manifest SCHEMA checks are skipped (the environment-variable" \
        "and Ingress checks run); deploy/k8s/schemas/README.md says how to get them"
fi
say "unit, wiring and integration tests: ./mvnw -B verify"
./mvnw -B verify

say "alert rules: promtool test rules"
"$REPO/deploy/k8s/components/monitoring/tests/run.sh"

say "end-to-end: starting the four services and sending one report through them"
"$REPO/deploy/local/services.sh" start
eval "$("$REPO/deploy/local/services.sh" env)"
./mvnw -B -pl search-service failsafe:integration-test failsafe:verify -Dnianbao.e2e=true -Dit.test='EndToEndIT' \
    -Dsurefire.failIfNoSpecifiedTests=false

say "fault harness (small): 200 reports through the running pipeline while each service is killed once"
"$REPO/deploy/fault/harness.sh" --small

say "backup drill: back up the running stack, reset it, restore into the empty stack, compare"
"$REPO/deploy/local/backup.sh" drill

say "container images: build the four images and prove them with podman against the stack"
"$REPO/deploy/local/services.sh" stop
"$REPO/deploy/images/prove.sh"
say "all tests passed"
