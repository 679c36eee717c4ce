#!/usr/bin/env bash
# Stops the four services and the local stack started by deploy/demo.sh (data is kept; `deploy/local/stack.sh reset` wipes it).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
"$REPO/deploy/local/services.sh" stop
"$REPO/deploy/local/stack.sh" stop
