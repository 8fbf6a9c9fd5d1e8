"""The layering of docs/architecture.md, checked on the import graph.

    ingest -> analysis -> export -> commands -> tui        (a layer imports only those left of it)

Every module under src/sidebyside is parsed with `ast` (no string matching, so a comment
or a docstring that mentions Textual does not count, and an import inside a function or
an `if TYPE_CHECKING:` block does). The tree is walked, so moved or added modules are
checked without touching this file. A second test runs every headless command in a fresh
interpreter and looks at `sys.modules`: what is actually loaded, not only what is written.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import sidebyside

PACKAGE_DIR = Path(sidebyside.__file__).resolve().parent

#: Layer -> the layers it must never import. `model.py`, `cli.py` and `__main__.py` sit
#: outside the layers (model below all of them, cli above).
FORBIDDEN: dict[str, set[str]] = {
    "ingest": {"analysis", "export", "commands", "tui"},
    "analysis": {"export", "commands", "tui"},
    "export": {"commands", "tui"},
}
#: Only this layer may import Textual.
UI_LAYER = "tui"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "sidebyside.ingest.story"
    target: str  # the absolute name imported, e.g. "sidebyside.analysis.overlap"
    line: int

    def __str__(self) -> str:
        return f"{self.module} imports {self.target} (line {self.line})"


def module_name(path: Path) -> str:
    parts = ["sidebyside", *path.relative_to(PACKAGE_DIR).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> list[tuple[str, Path]]:
    return sorted((module_name(p), p) for p in PACKAGE_DIR.rglob("*.py"))


def layer_of(name: str) -> str | None:
    """The layer of a module name: "sidebyside.ingest.load" -> "ingest"; None outside the layers."""
    parts = name.split(".")
    if parts[0] != "sidebyside" or len(parts) < 2:
        return None
    return parts[1] if (PACKAGE_DIR / parts[1]).is_dir() else None


def imports_of(name: str, path: Path) -> Iterator[Import]:
    """Every module `name` imports, anywhere in the file, as absolute names.

    `from a.b import c` yields both "a.b" and "a.b.c" (c may be a module); relative imports
    are resolved against the module's package; `importlib.import_module("x")` and
    `__import__("x")` with a literal name count too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            yield Import(name, base, node.lineno)
            for alias in node.names:
                if alias.name != "*":
                    yield Import(name, f"{base}.{alias.name}", node.lineno)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                yield Import(name, node.args[0].value, node.lineno)


def all_imports() -> list[Import]:
    return [imp for name, path in modules() for imp in imports_of(name, path)]


def is_textual(target: str) -> bool:
    return target == "textual" or target.startswith("textual.")


# --- the static import graph ----------------------------------------------------------------


def test_the_walk_sees_the_whole_package() -> None:
    """Guards the guards: the walk finds the layers and the parser finds real imports."""
    layers = {layer for name, _ in modules() if (layer := layer_of(name)) is not None}
    assert set(FORBIDDEN) | {UI_LAYER} <= layers, f"layers missing from {sorted(layers)}"
    imports = all_imports()
    assert any(is_textual(i.target) for i in imports if layer_of(i.module) == UI_LAYER)
    assert any(layer_of(i.target) not in (None, layer_of(i.module)) for i in imports)  # cross-layer edges seen


def test_only_the_tui_imports_textual() -> None:
    offenders = [str(i) for i in all_imports() if is_textual(i.target) and layer_of(i.module) != UI_LAYER]
    assert not offenders, "Textual imported outside sidebyside/tui/:\n" + "\n".join(offenders)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer: str) -> None:
    offenders = [
        str(i) for i in all_imports() if layer_of(i.module) == layer and layer_of(i.target) in FORBIDDEN[layer]
    ]
    assert not offenders, f"{layer} must not import {sorted(FORBIDDEN[layer])}:\n" + "\n".join(offenders)


def test_the_parser_resolves_relative_and_dynamic_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (
        "from ..analysis import reuse\n"
        "from . import clean\n"
        "import importlib\n"
        "def later():\n"
        "    from textual.widgets import DataTable\n"
        "    importlib.import_module('sidebyside.tui.app')\n"
    )
    fake = tmp_path / "sidebyside" / "ingest" / "fake.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "PACKAGE_DIR", tmp_path / "sidebyside")
    targets = {i.target for i in imports_of(module_name(fake), fake)}
    assert module_name(fake) == "sidebyside.ingest.fake"
    assert {"sidebyside.analysis.reuse", "sidebyside.ingest.clean", "textual.widgets", "sidebyside.tui.app"} <= targets


# --- what a headless run actually loads -----------------------------------------------------

HEADLESS_RUN = """
import contextlib, io, json, sys
from sidebyside.cli import main

a, b = sys.argv[1:3]
HEAVY = %r
runs = {
    "articles": ["articles", a, b, "--format", "json"],
    "compare": ["compare", a, b, "--format", "json"],
    "quotes": ["quotes", a, b, "--format", "json"],
    "overlap": ["overlap", a, b, "--format", "json"],
    "report": ["report", a, b, "-o", "-"],
    "collate": ["collate", a, b, "--format", "json"],
    "framing": ["framing", a, b, "--format", "json"],
}
result = {}
for name, argv in runs.items():
    with contextlib.redirect_stdout(io.StringIO()):
        status = main(argv)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] == "textual" or m.startswith("sidebyside.tui"))
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
    result[name] = {"status": status, "loaded": loaded[:5], "heavy": heavy[:5]}
print(json.dumps(result))
"""
#: Modules a small plain-text story never needs, each costing every command that loads
#: them 4-100 ms of start-up: the pool (only for big stories), the sidecar's TOML parser
#: (only when a story.toml is there), the sparse-matrix libraries (only past
#: `overlap.EXACT_MAX_TEXTS` texts), the page extractor (only for HTML), the TOML writer
#: (only when a watchlist is saved).
HEAVY = ("multiprocessing", "tomllib", "numpy", "scipy", "trafilatura", "lxml", "tomlkit")


@pytest.fixture(scope="module")
def headless_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Every headless command on a two-article plain-text story, in one fresh interpreter."""
    tmp_path = tmp_path_factory.mktemp("headless")
    a = tmp_path / "wire.txt"
    b = tmp_path / "reprint.txt"
    body = (
        "The city council voted on Tuesday to close the old bridge to cars.\n\n"
        "\u201cIt is no longer safe,\u201d Mayor Ana Ruiz said, adding that repairs would take two years.\n\n"
        "About 12,000 vehicles cross the bridge every day, according to the transport office.\n"
    )
    a.write_text(body, encoding="utf-8")
    b.write_text(body + "\nShops near the bridge said they feared losing customers.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", HEADLESS_RUN % (HEAVY,), str(a), str(b)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, dict[str, object]] = json.loads(done.stdout)
    assert {name: r["status"] for name, r in result.items()} == dict.fromkeys(result, 0), done.stderr
    return result


def test_headless_commands_never_load_textual(headless_runs: dict[str, dict[str, object]]) -> None:
    # sys.modules only grows, so the first command that loads the UI is the culprit.
    culprits = {name: r["loaded"] for name, r in headless_runs.items() if r["loaded"]}
    assert not culprits, f"headless commands loaded the UI: {culprits}"


def test_a_small_text_story_loads_nothing_heavy(headless_runs: dict[str, dict[str, object]]) -> None:
    """Start-up is part of every command's cost (issue 13): what a small story does not
    use is not imported. The first command that loads one is the culprit."""
    culprits = {name: r["heavy"] for name, r in headless_runs.items() if r["heavy"]}
    assert not culprits, f"a two-article text story loaded: {culprits}"


def test_compare_loads_the_quote_machinery_only_when_a_row_needs_it() -> None:
    """`compare` marks framing edits, but most rows are decided without the people or the
    quotation marks: the export module alone loads neither (a tenth of a short run)."""
    probe = (
        "import sys, sidebyside.export.compare, sidebyside.commands.compare\n"
        "heavy = ('sidebyside.analysis.quotes', 'sidebyside.analysis.people')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
