#!/usr/bin/env bash
# Install privadmin with the bundled demo server into .venv and start the demo.
# Extra arguments go to privadmin, e.g. scripts/demo.sh --reset-demo
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
# The install is editable, so code changes need no reinstall: only a changed
# pyproject.toml does. A stamp in .venv records which one was installed.
stamp=.venv/.installed-server
wanted=$(.venv/bin/python -c "import hashlib; print(hashlib.sha256(open('pyproject.toml', 'rb').read()).hexdigest())")
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[server]'
    echo "$wanted" > "$stamp"
fi
exec .venv/bin/privadmin --demo "$@"
