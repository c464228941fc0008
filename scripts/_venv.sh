# Shared by scripts/*: create .venv if missing and install the project into it.
# Usage: . scripts/_venv.sh [EXTRAS]   e.g.  . scripts/_venv.sh test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "creating .venv with $($PY --version)"
    "$PY" -m venv .venv
fi
SPEC="."
if [ -n "${1:-}" ]; then SPEC=".[$1]"; fi
# Reinstall only when the project's metadata changed since the last install.
STAMP=".venv/.podcaster-installed-${1:-base}"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    echo "installing podcaster ${1:+with [$1] }into .venv"
    # With the pip the venv came with, not an upgraded one: what an author's fresh venv has
    # must install the project (tests/project/test_install_old_pip.py checks the wheel the same way).
    .venv/bin/python -m pip install -q --disable-pip-version-check -e "$SPEC"
    touch "$STAMP"
fi
export PATH="$ROOT/.venv/bin:$PATH"
