"""The floors of ARCHITECTURE.md hold: imports point down only, there are no cycles, the headless
core never imports Qt, and the window reaches the rest of the program only through service and model."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"

FLOORS = {  # top-level part of reader -> floor (ARCHITECTURE.md)
    "model": 0, "logs": 0,
    "documents": 1, "nlp": 1, "library": 1, "colours": 1,
    "flow": 2,
    "batch": 3, "annotated": 3,
    "service": 4,
    "ui": 5,
    "cli": 6,
    "__main__": 7,
}
UI_MAY_USE = {"service", "model", "colours"}  # the vocabulary, its colours, and the API


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports_of(path: Path) -> list[tuple[str, bool]]:
    """Every reader module this file imports, anywhere in it (lazy imports in functions too), with
    whether the import is for type checking only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    here = module_name(path)
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = here.split(".")[: len(here.split(".")) - node.level + (1 if path.name == "__init__.py" else 0)]
                base = ".".join(pkg + ([base] if base else []))
            names = [f"{base}.{a.name}" if _is_module(f"{base}.{a.name}") else base for a in node.names]
        for name in names:
            if name == "reader" or name.startswith("reader."):
                found.append((name, _type_checking_only(node, parents)))
    return found


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    root = PACKAGE.parent
    return (root / rel).with_suffix(".py").exists() or (root / rel / "__init__.py").exists()


def part(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def test_every_part_has_a_floor():
    assert {part(m) for m in all_modules() if m != "reader"} <= set(FLOORS)


def test_imports_point_down_only():
    wrong = []
    for module, path in all_modules().items():
        if module == "reader":
            continue
        mine = part(module)
        for target, typing_only in imports_of(path):
            theirs = part(target)
            if theirs == mine or target == "reader" or typing_only:
                continue
            if FLOORS[theirs] >= FLOORS[mine]:
                wrong.append(f"{module} (floor {FLOORS[mine]}) imports {target} (floor {FLOORS[theirs]})")
    assert not wrong, "\n".join(wrong)


def test_ui_uses_only_service_and_model():
    wrong = [f"{module} imports {target}"
             for module, path in all_modules().items() if part(module) == "ui"
             for target, typing_only in imports_of(path)
             if not typing_only and part(target) not in UI_MAY_USE | {"ui"}]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    graph = {m: {t for t, _ in imports_of(p) if t in all_modules() and t != m} for m, p in all_modules().items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("bad, expected", [
    ("from reader.library import Library\n", "imports reader.library"),
    ("from reader import flow\n", "imports reader.flow"),
])
def test_the_ui_rule_catches_a_stray_import(tmp_path, monkeypatch, bad, expected):
    """The checker itself works: a ui module importing past the service is reported."""
    fake = tmp_path / "reader"
    (fake / "ui").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "ui" / "__init__.py").write_text("")
    (fake / "ui" / "stray.py").write_text(bad)
    for name in ("library", "flow"):
        (fake / (f"{name}.py")).write_text("")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    with pytest.raises(AssertionError, match=expected):
        test_ui_uses_only_service_and_model()


def test_core_imports_without_qt():
    code = ("import sys\n"
            "import reader.nlp.pipeline, reader.nlp.analyse, reader.library, reader.library.export, "
            "reader.documents, reader.flow, reader.batch, reader.service, reader.cli\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('reader.ui')]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
