#!/usr/bin/env bash
# Byte-identity harness for parser refactorings: runs the parse command line once over every test input
# and writes one JSON per input into OUTDIR, so that two snapshots (before/after) can be compared with diff -r.
#
# usage: parse-service/src/test/scripts/snapshot-outputs.sh OUTDIR
# Needs parse-service/target/nianbao-parse.jar (./mvnw -o -B -pl parse-service -DskipTests package).
# Inputs: every file under parse-service/src/test/resources/, /work/shared/seeds/*, every file of
# /work/shared/fixtures/*/, deploy/demo/corpus/*. Each is copied under a name made from its path (so inputs
# with the same file name stay apart) and all are parsed in one JVM. OUTDIR/<path name>.json per parsed
# input; OUTDIR/_failures.txt lists the inputs the parser refused (with the reason), OUTDIR/_inputs.txt all inputs.
set -euo pipefail
out=${1:?usage: snapshot-outputs.sh OUTDIR}
here=$(cd "$(dirname "$0")/../../../.." && pwd)          # the project (worktree) root
jar=$here/parse-service/target/nianbao-parse.jar
shared=${NIANBAO_SHARED:-/work/shared}
[[ -f $jar ]] || { echo "no $jar: build it first" >&2; exit 2; }

stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/in" "$out"
rm -f "$out"/*.json "$out/_failures.txt" "$out/_inputs.txt"
{
    (cd "$here" && find parse-service/src/test/resources deploy/demo/corpus -type f)
    find "$shared/seeds" -maxdepth 1 -type f
    find "$shared/fixtures" -mindepth 2 -maxdepth 2 -type f
} | LC_ALL=C sort > "$stage/list"
while IFS= read -r p; do
    src=$p; [[ $p = /* ]] || src=$here/$p
    name=${p#"$shared"/}; [[ $p = "$shared"/* ]] && name=shared/$name
    name=${name//\//__}
    cp "$src" "$stage/in/$name"
    echo "$name" >> "$out/_inputs.txt"
done < "$stage/list"

set +e
java -jar "$jar" --quiet --out "$out" "$stage/in" 2> "$stage/err"
rc=$?
set -e
grep '^FAILED' "$stage/err" | sed "s|$stage/in/||" | LC_ALL=C sort > "$out/_failures.txt" || true
echo "exit $rc: $(wc -l < "$out/_inputs.txt") inputs, $(find "$out" -name '*.json' | wc -l) JSON, $(wc -l < "$out/_failures.txt") refused" >&2
[[ $rc -le 1 ]]
