#!/usr/bin/env bash
# Unit-tests the alert rules of ../prometheusrule.yaml with promtool (Debian package `prometheus`): the
# PrometheusRule's spec is exactly a Prometheus rule file, so it is cut out and tested as is.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
if ! command -v promtool >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "alerts: installing promtool (Debian package prometheus)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/tmp/nianbao-promtool-apt.log 2>&1 \
            || { echo "alerts: ERROR: apt-get install prometheus failed (see /tmp/nianbao-promtool-apt.log)" >&2; exit 1; }
    else
        echo "alerts: ERROR: promtool is missing: apt-get install prometheus (as root)" >&2; exit 1
    fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -n '/^spec:/,$p' "$HERE/../prometheusrule.yaml" | tail -n +2 | sed 's/^  //' >"$work/rules.yaml"
cp "$HERE/alerts-test.yaml" "$work/"
promtool check rules "$work/rules.yaml"
(cd "$work" && promtool test rules alerts-test.yaml)
echo "alerts: PASS"
