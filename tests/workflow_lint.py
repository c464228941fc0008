"""Lint GitHub Actions workflows as the tests of the scaffold and of the release do:
check-jsonschema against the workflow schema, and zizmor (offline) for security findings."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
SHA_PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return found


def schema_problems(path: Path) -> str:
    """check-jsonschema's complaints about ``path`` ("" if it is a valid workflow)."""
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, timeout=120)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def zizmor_findings(path: Path, pedantic: bool = False) -> list[dict]:
    """zizmor's findings for ``path``; ``pedantic`` adds the code-quality audits."""
    persona = ["--persona", "pedantic"] if pedantic else []
    result = subprocess.run([tool("zizmor"), "--offline", "--no-exit-codes", "--format", "json",
                             *persona, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def severity(finding: dict) -> str:
    return finding["determinations"]["severity"].lower()


def described(findings: list[dict]) -> list[str]:
    return [f"{f['ident']} ({severity(f)})" for f in findings]


def steps(workflow: dict) -> list[dict]:
    """Every step of every job, in order."""
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
