"""The package's shape: imports run one way, reporters read only the model, the registry is whole.

The import graph counts every import of a celint module, at the top of a module or inside a
function (a function-local import hides a cycle from Python, not from a reader), and the
``celint`` package's own ``__init__`` re-exports only lazily, so it is not an edge here.
"""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import celint
from celint import rules

PACKAGE = Path(celint.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(path: Path, known: set[str]) -> set[str]:
    """The celint modules ``path`` imports (``from celint.x import y`` counts ``celint.x.y``
    when that is a module, else ``celint.x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in known:
                    found.add(sub)
                elif node.module in known:
                    found.add(node.module)
    return found - {"celint"}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, known) - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycle_between_celint_modules() -> None:
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert _cycle(graph) == ["a", "b", "c", "a"]


def test_reporters_import_only_the_model_and_secrets() -> None:
    allowed = {"celint.model", "celint.secrets"}
    for name, targets in _graph().items():
        if name == "celint.report" or name.startswith("celint.report."):
            outside = {t for t in targets if not t.startswith("celint.report")} - allowed
            assert not outside, f"{name} imports {sorted(outside)}"


def test_the_model_imports_no_other_celint_module() -> None:
    assert _graph()["celint.model"] == set()


def test_the_root_holds_only_the_shared_modules() -> None:
    roots = {path.stem for path in PACKAGE.glob("*.py")}
    assert roots == {"__init__", "__main__", "model", "errors", "secrets", "pointer", "suggest"}


def test_the_registry_lists_every_rule_module() -> None:
    found = {
        f"{group}.{info.name}"
        for group in ("reading", "schema", "events", "element", "secrets")
        for info in pkgutil.iter_modules([str(PACKAGE / "rules" / group)])
        if info.name.startswith("ce")
    }
    assert set(rules.MODULES) == found
    codes = [rule.code for rule in rules.all_rules()]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    for name in rules.MODULES:
        group, module = name.split(".")
        rule = next(r for r in rules.all_rules() if module.startswith(r.code.lower() + "_"))
        expected = {"0": "reading", "1": "schema", "2": "events", "3": "element", "4": "secrets"}
        assert expected[rule.code[2]] == group, f"{rule.code} belongs in rules/{group}"
