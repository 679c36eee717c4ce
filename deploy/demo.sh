#!/usr/bin/env bash
# Runs nianbao end to end on the bundled demo corpus: fetches and starts Kafka, Elasticsearch and PostgreSQL,
# builds and starts the four services, imports deploy/demo/corpus through ingest-service, waits until every report
# is searchable, then prints the search UI's URL and a one-line summary. Stop with: deploy/stop.sh
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
CORPUS=${1:-$REPO/deploy/demo/corpus}
START=$(date +%s)
say() { echo "demo: $*"; }
die() { echo "demo: ERROR: $*" >&2; exit 1; }
# shellcheck source=local/lib/jdk.sh
. "$REPO/deploy/local/lib/jdk.sh"
nianbao_require_jdk21
command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
[ -d "$CORPUS" ] || die "no corpus folder $CORPUS"

say "1/5 local stack (Kafka, Elasticsearch, PostgreSQL)"
"$REPO/deploy/local/stack.sh" start

say "2/5 building the services (./mvnw -DskipTests package)"
(cd "$REPO" && ./mvnw -B -q -DskipTests package) || die "build failed"

say "3/5 starting the services (restarting any that run, so the new build is used)"
"$REPO/deploy/local/services.sh" stop >/dev/null
"$REPO/deploy/local/services.sh" start
eval "$("$REPO/deploy/local/services.sh" env)"
AUTH="Authorization: Bearer $NIANBAO_ADMIN_TOKEN"

say "4/5 importing $CORPUS"
summary=$(curl -fsS -X POST -H "$AUTH" -H 'Content-Type: application/json' \
    --data "{\"path\":\"$CORPUS\"}" "$NIANBAO_INGEST_URL/api/admin/import-folder") || die "import failed"
ids=$(echo "$summary" | grep -o '"reportIds":\[[^]]*\]' | grep -o '[0-9a-f]\{20\}' | sort -u)
total=$(echo "$ids" | grep -c . || true)
fresh=$(echo "$summary" | grep -o '"newReports":[0-9]*' | cut -d: -f2)
rejected=$(echo "$summary" | grep -o '"rejected":\[[^]]*\]')
say "imported $total reports ($fresh new) — $rejected"
if [ "${fresh:-0}" -eq 0 ] && [ "$total" -gt 0 ]; then
    say "nothing new: replaying the stored reports through the pipeline (consumers are idempotent)"
    curl -fsS -X POST -H "$AUTH"  "$NIANBAO_INGEST_URL/api/admin/replay" >/dev/null || die "replay failed"
fi

# Sum of a Prometheus counter over its labels; 0 when the counter has not been created yet.
metric() { { curl -fsS "$1/q/metrics" 2>/dev/null || true; } | awk -v name="$2" '$1 ~ "^"name"($|[{])" {s+=$NF} END {printf "%d", s}'; }
say "5/5 waiting until every report is parsed, validated and searchable"
deadline=$(( $(date +%s) + ${DEMO_TIMEOUT:-180} ))
shown=-1
while :; do
    found=0
    for id in $ids; do
        curl -fsS -o /dev/null "$NIANBAO_SEARCH_URL/api/reports/$id" 2>/dev/null && found=$((found + 1))
    done
    parsed=$(metric "$NIANBAO_PARSE_URL" nianbao_parse_reports_total)
    parse_failed=$(metric "$NIANBAO_PARSE_URL" nianbao_parse_failures_total)
    if [ "$found" -ne "$shown" ]; then say "$found/$total reports searchable ($parsed parsed by this run)"; shown=$found; fi
    [ "$found" -ge "$total" ] && [ $((parsed + parse_failed)) -ge "$total" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { say "timed out; the rest went to a dead-letter topic or is still processing (logs: deploy/local/.work/logs)"; break; }
    sleep 2
done
sleep 3 # let the last replayed reports reach the index
validated=0
for id in $ids; do
    curl -fsS -o /dev/null "$NIANBAO_VALIDATE_URL/api/reports/$id/findings" 2>/dev/null && validated=$((validated + 1))
done
failed=$(( total - found ))
say "search UI: $NIANBAO_SEARCH_URL/"
echo "nianbao demo: reports ingested $total, parsed ${parsed:-0} (failed ${parse_failed:-0}), validated $validated, searchable $found, failed $failed — $(( $(date +%s) - START ))s"
