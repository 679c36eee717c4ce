#!/usr/bin/env bash
# Re-downloads the schemas of this directory at the versions below (see README.md). Needs curl and python3, and a
# network that reaches GitHub. Review the diff, then run the manifest check (deploy/k8s/check) before committing.
# SCHEMA_FETCH=/path/to/cmd replaces `curl -fsSL URL` (it gets the URL as its argument and prints the file).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

K8S=1.33            # Kubernetes minor; the API of a minor does not change in its patch releases
K8S_TAG=v1.33.1     # the tag whose api/openapi-spec/swagger.json is read
STRIMZI=0.48.0      # kafka.strimzi.io/v1beta2, Kafka 4.1.0 (its default)
ECK=3.2.0           # elasticsearch.k8s.elastic.co/v1 + kibana.k8s.elastic.co/v1, Elastic Stack 9.2
CNPG=1.27.2         # postgresql.cnpg.io/v1 (Cluster, Database, ScheduledBackup, Backup)
KEDA=2.18.3         # keda.sh/v1alpha1 (ScaledObject, TriggerAuthentication, ClusterTriggerAuthentication)
PROM=0.86.2         # monitoring.coreos.com/v1 (PodMonitor, ServiceMonitor, PrometheusRule)

GH=https://raw.githubusercontent.com
fetch() { if [ -n "${SCHEMA_FETCH:-}" ]; then "$SCHEMA_FETCH" "$1"; else curl -fsSL "$1"; fi; }

rm -rf kubernetes crds
mkdir -p "kubernetes/v$K8S" "crds/strimzi-$STRIMZI" "crds/eck-$ECK" "crds/cloudnative-pg-$CNPG" "crds/keda-$KEDA" \
  "crds/prometheus-operator-$PROM"

# Kubernetes: the definitions of the OpenAPI v2 document, without descriptions (the only change; 2.8 MB -> 0.4 MB).
fetch "$GH/kubernetes/kubernetes/$K8S_TAG/api/openapi-spec/swagger.json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if not (k == "description" and isinstance(v, str))}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o
json.dump({"swagger": d["swagger"], "info": d["info"], "definitions": strip(d["definitions"])}, sys.stdout,
          indent=1, sort_keys=True, ensure_ascii=False)' > "kubernetes/v$K8S/swagger-definitions.json"

# CRDs: verbatim.
for f in 040-Crd-kafka 043-Crd-kafkatopic 044-Crd-kafkauser 045-Crd-kafkanodepool; do
  fetch "$GH/strimzi/strimzi-kafka-operator/$STRIMZI/packaging/install/cluster-operator/$f.yaml" > "crds/strimzi-$STRIMZI/$f.yaml"
done
# ECK publishes all its CRDs in one file: keep the Elasticsearch and Kibana documents, verbatim.
fetch "$GH/elastic/cloud-on-k8s/v$ECK/config/crds/v1/all-crds.yaml" | awk -v dir="crds/eck-$ECK" '
  function flush() { if (name ~ /^(elasticsearches\.elasticsearch|kibanas\.kibana)\.k8s\.elastic\.co$/) printf "%s", doc > (dir "/" name ".yaml") }
  /^---$/ { flush(); doc = ""; name = ""; next }
  { doc = doc $0 "\n" }
  /^  name: / && name == "" { name = $2 }
  END { flush() }'
for f in clusters databases scheduledbackups backups; do
  fetch "$GH/cloudnative-pg/cloudnative-pg/v$CNPG/config/crd/bases/postgresql.cnpg.io_$f.yaml" > "crds/cloudnative-pg-$CNPG/postgresql.cnpg.io_$f.yaml"
done
for f in scaledobjects triggerauthentications clustertriggerauthentications; do
  fetch "$GH/kedacore/keda/v$KEDA/config/crd/bases/keda.sh_$f.yaml" > "crds/keda-$KEDA/keda.sh_$f.yaml"
done
for f in podmonitors servicemonitors prometheusrules; do
  fetch "$GH/prometheus-operator/prometheus-operator/v$PROM/example/prometheus-operator-crd/monitoring.coreos.com_$f.yaml" \
    > "crds/prometheus-operator-$PROM/monitoring.coreos.com_$f.yaml"
done
# The files must be exactly those the check was last run with; after a deliberate version change, review them and
# write the new list with: sha256sum kubernetes/*/* crds/*/* > SHA256SUMS
sha256sum --quiet -c SHA256SUMS && echo "schemas: all $(wc -l <SHA256SUMS) files match SHA256SUMS"
