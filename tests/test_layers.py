"""The package's subpackages and top-level modules import each other without a cycle (imports inside
functions count too), and no money or count is rounded outside the rounding module;
no function is longer than sixty lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "generator"


def _node(path: Path) -> str:
    parts = path.relative_to(PKG).parts
    return parts[0][:-3] if len(parts) == 1 else parts[0]


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        src = _node(path)
        if src in ("__init__", "__main__"):
            continue
        parts = list(path.relative_to(PKG).with_suffix("").parts)
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(n, ast.ImportFrom) or not n.level:
                continue
            target = parts[: len(parts) - n.level] + (n.module.split(".") if n.module else [])
            names = [[*target, a.name] for a in n.names] if not n.module else [target]
            for t in names:
                if (t and t[0] != src and (PKG / t[0]).exists()) or (
                    t and (PKG / f"{t[0]}.py").exists() and t[0] != src
                ):
                    edges.setdefault(src, set()).add(t[0])
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_between_subpackages():
    edges = _edges()
    assert "io" in edges and "render" in edges  # the walk found the package's imports
    assert _cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_rounding_outside_the_rounding_module():
    pattern = re.compile(r"\.quantize\(|(?<![\w.])round\(")
    found = [
        f"{path.relative_to(PKG)}:{n}: {line.strip()}"
        for path in PKG.rglob("*.py")
        if path.name != "rounding.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and "noqa: round" not in line
    ]
    assert found == []


def long_functions(root: Path, limit: int = 60) -> list[str]:
    """Functions of the package longer than ``limit`` lines, as "path:line name (n lines)"."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > limit:
                    found.append(f"{path}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_is_longer_than_sixty_lines():
    assert long_functions(PKG) == []


def test_the_length_check_finds_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(61))
    (tmp_path / "m.py").write_text(f"def f():\n{body}\n", encoding="utf-8")
    assert long_functions(tmp_path) == [f"{tmp_path / 'm.py'}:1 f (62 lines)"]


def test_every_subpackage_ships_in_the_wheel():
    import tomllib

    config = tomllib.loads((PKG.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PKG.parent).parts) for p in PKG.rglob("__init__.py")}
    assert found - listed == set()
