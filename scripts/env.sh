# Sourced by the other scripts: builds (once) and activates the virtual
# environment with the suite installed in development mode.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KIM_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
    echo "== Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
stamp="$VENV/.kim-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/setup.cfg" -nt "$stamp" ]; then
    echo "== Installing the suite and its dependencies"
    pip install --quiet --disable-pip-version-check --upgrade pip setuptools wheel
    pip install --quiet --disable-pip-version-check -e "$ROOT[test,server]"
    touch "$stamp"
fi
