"""How the package's modules connect: no import circle (counting imports inside functions and
under TYPE_CHECKING), and the build's phases take the parts they need, never the ``Build``."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import podcaster
from podcaster.build import commit, plan, produce, published
from podcaster.build.plan import Action, Plan

PACKAGE = Path(podcaster.__file__).resolve().parent


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imported(module: str, path: Path, names: dict[str, Path]) -> set[str]:
    """The package's modules ``module`` imports anywhere in its file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if path.name == "__init__.py" \
                    else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            subs = [f"{base}.{a.name}" for a in node.names]
            targets = [s for s in subs if s in names]
            if len(targets) < len(subs):
                targets.append(base)
        else:
            continue
        for target in targets:
            while target and target not in names:
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def test_no_import_circle_in_the_package():
    names = module_names()
    graph = {m: imported(m, p, names) for m, p in names.items()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = path[path.index(module):] + [module]
            pytest.fail("import circle: " + " -> ".join(cycle))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


@pytest.mark.parametrize("module", [plan, produce, commit, published])
def test_no_phase_takes_the_build(module):
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ != module.__name__:
            continue
        for parameter in inspect.signature(function).parameters.values():
            assert "Build" not in str(parameter.annotation).replace("Building", ""), (
                f"{module.__name__}.{name}({parameter.name}: {parameter.annotation})")
            assert parameter.name != "build", f"{module.__name__}.{name}"


def test_a_plans_action_is_an_enum():
    assert Plan.__dataclass_fields__["action"].default is Action.BUILD
    assert {a.value for a in Action} == {"build", "restore", "retag", "keep"}
