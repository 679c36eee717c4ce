#!/usr/bin/env bash
# Fault harness (issue 11): feeds N distinct reports generated from deploy/demo/corpus through the RUNNING pipeline
# while it kill -9s each service in turn, restarts the Kafka broker, stops Elasticsearch for 60 s and restarts
# PostgreSQL; then asserts that every accepted report is searchable exactly once at its latest version, that every
# DLQ message is explained and that every service is ready, and prints reports/s, upload→searchable latency and
# per-stage consumer lag. The last line is "fault harness: PASS" or "fault harness: FAIL (<reasons>)" (exit 0 / 1).
#
#   deploy/fault/harness.sh [--reports N] [--small] [--restart-killed] [--help for all options]
#
# Assumes `deploy/local/stack.sh start` and `deploy/local/services.sh start` ran with the same environment
# (NIANBAO_WORK, *_PORT). Details of each run (generated reports, fault command output, copies of every service log
# incarnation, summary) go to $NIANBAO_WORK/fault/run-<time>/; the last three runs are kept.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
die() { echo "fault harness: ERROR: $*" >&2; exit 2; }

# shellcheck source=lib/jdk.sh
. "$REPO/deploy/local/lib/jdk.sh"
nianbao_require_jdk21 || die "no JDK 21+ found"

NIANBAO_WORK=${NIANBAO_WORK:-$REPO/deploy/local/.work}
[ -d "$NIANBAO_WORK" ] || die "no work dir $NIANBAO_WORK: start the stack first (deploy/local/stack.sh start)"
NIANBAO_WORK=$(cd "$NIANBAO_WORK" && pwd -P)
export NIANBAO_WORK

# URLs, Kafka bootstrap and the admin token, exactly as the services got them.
stack_env=$("$REPO/deploy/local/stack.sh" env) || die "deploy/local/stack.sh env failed"
eval "$stack_env"
services_env=$("$REPO/deploy/local/services.sh" env) || die "deploy/local/services.sh env failed"
eval "$services_env"
export KAFKA_BOOTSTRAP_SERVERS NIANBAO_ES_URL NIANBAO_INGEST_URL NIANBAO_PARSE_URL NIANBAO_VALIDATE_URL NIANBAO_SEARCH_URL

# The local stack's Kafka distribution (deploy/local/lib/kafka.sh: KAFKA_LIB=$NIANBAO_WORK/downloads/kafka).
KAFKA_LIB=$NIANBAO_WORK/downloads/kafka
compgen -G "$KAFKA_LIB/kafka-clients-*.jar" >/dev/null \
    || die "no Kafka client jars in $KAFKA_LIB: fetch the stack first (deploy/local/stack.sh fetch kafka)"
command -v setsid >/dev/null || die "setsid is needed (util-linux)"

exec "$JAVA_HOME/bin/java" -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$REPO/deploy/fault/log4j2.properties" \
    -cp "$KAFKA_LIB/*" "$REPO/deploy/fault/FaultHarness.java" --repo "$REPO" "$@"
