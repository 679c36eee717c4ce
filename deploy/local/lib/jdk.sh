# shellcheck shell=bash
# Finds a JDK 21 or newer for the local stack and the lead's scripts (Elasticsearch 9 and the
# services need 21+, while many machines default to 17). Source it, then call nianbao_require_jdk21.

# Prints the feature version (17, 21, 25 …) of the java binary given, or nothing if it does not run.
nianbao_java_feature_version() {
    local java_bin="$1" line
    [ -x "$java_bin" ] || return 1
    line=$("$java_bin" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version') || return 1
    line=${line##*= }
    line=${line// /}
    case "$line" in
        1.*) echo "${line#1.}" | cut -d. -f1 ;;
        *) echo "$line" | cut -d. -f1 ;;
    esac
}

# Exports JAVA_HOME (and puts its bin first on PATH) for the first JDK 21+ found in: JAVA_HOME,
# `update-alternatives --list java`, /usr/lib/jvm/*, /opt/java/*, `java` on PATH. Returns 1 with a
# clear message on stderr when there is none.
nianbao_require_jdk21() {
    local candidates=() found=() c home java_bin v
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    if command -v update-alternatives >/dev/null 2>&1; then
        while IFS= read -r c; do [ -n "$c" ] && candidates+=("$c"); done \
            < <(update-alternatives --list java 2>/dev/null)
    fi
    for c in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*jdk*/bin/java; do
        [ -x "$c" ] && candidates+=("$c")
    done
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(readlink -f "$(command -v java)")")
    fi
    local seen=" "
    for java_bin in "${candidates[@]}"; do
        java_bin=$(readlink -f "$java_bin" 2>/dev/null) || continue
        case "$seen" in *" $java_bin "*) continue ;; esac
        seen="$seen$java_bin "
        v=$(nianbao_java_feature_version "$java_bin") || continue
        [ -n "$v" ] || continue
        if [ "$v" -ge 21 ] 2>/dev/null && [ -x "$(dirname "$java_bin")/javac" ]; then
            home=$(cd "$(dirname "$java_bin")/.." && pwd -P)
            export JAVA_HOME="$home"
            case ":$PATH:" in
                *":$JAVA_HOME/bin:"*) ;;
                *) export PATH="$JAVA_HOME/bin:$PATH" ;;
            esac
            return 0
        fi
        found+=("$java_bin (Java $v)")
    done
    if [ ${#found[@]} -eq 0 ]; then
        echo "nianbao needs a JDK 21 or newer; found only: no Java at all" >&2
    else
        local IFS=,
        echo "nianbao needs a JDK 21 or newer; found only: ${found[*]}" >&2
    fi
    echo "Install one (e.g. apt-get install openjdk-21-jdk-headless or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
}
