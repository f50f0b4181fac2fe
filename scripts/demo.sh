#!/usr/bin/env bash
# Install privadmin with the bundled demo server into .venv and start the demo.
# Extra arguments go to privadmin, e.g. scripts/demo.sh --reset-demo
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[server]'
exec .venv/bin/privadmin --demo "$@"
