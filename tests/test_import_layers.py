"""Imports point down only: bot -> handlers -> services -> storage -> ground, and no circles.
The web dashboard (web/) is an adapter like a channel: it sits beside handlers, may import
services, storage and ground, and only bot/ (the CLI and the runtime) imports it.

Every first-party import is read from the source (including imports inside functions, which
is where a circle hides), so an upward import fails here before a newcomer trips on it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Lower numbers are lower floors; a module may import its own floor or any floor below.
LAYERS = {"ground": 0, "locales": 0, "storage": 1, "services": 2, "handlers": 3, "web": 3, "bot": 4}


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # Alembic scripts are run by Alembic, not imported by the layers
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            targets.add(module)
            targets.update(f"{module}.{alias.name}" for alias in node.names)
    # Keep the longest first-party module each import names ("services.exports.build" -> "services.exports").
    resolved = set()
    for target in targets:
        parts = target.split(".")
        while parts and ".".join(parts) not in known:
            parts.pop()
        if parts:
            resolved.add(".".join(parts))
    resolved.discard(name)
    return resolved


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def test_no_import_points_up():
    upward = [
        f"{name} imports {target}"
        for name, targets in _graph().items()
        for target in targets
        if LAYERS[target.split(".")[0]] > LAYERS[name.split(".")[0]]
    ]
    assert upward == []


def test_the_web_dashboard_is_an_adapter_only_bot_imports():
    graph = _graph()
    web_imports = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        if name.split(".")[0] == "web"
        for target in targets
        if target.split(".")[0] not in ("ground", "locales", "storage", "services", "web")
    )
    importers = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        if name.split(".")[0] not in ("web", "bot")
        for target in targets
        if target.split(".")[0] == "web"
    )
    assert any(name.startswith("web.") for name in graph), "the walker does not see web/"
    assert web_imports == []
    assert importers == []


def test_no_import_circles():
    graph = _graph()
    # A package's __init__ importing its own submodules is not a circle between modules.
    edges = {
        n: {t for t in ts if not n == t.rpartition(".")[0] or not (ROOT / n.replace(".", "/") / "__init__.py").exists()}
        for n, ts in graph.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert circles == []


def test_the_walker_sees_an_upward_import(tmp_path):
    """The check itself: a services module importing handlers is caught."""
    module = tmp_path / "bad.py"
    module.write_text("from handlers.context import Context\n\ndef f():\n    from bot.app import App\n")
    found = _imports("services.bad", module, {"handlers.context", "bot.app", "services.bad"})
    assert found == {"handlers.context", "bot.app"}
