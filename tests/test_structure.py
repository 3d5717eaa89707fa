"""The size rules of docs/ARCHITECTURE.md, read off the source tree.

Modules stay small enough to hold in one's head and functions short enough to read at once; the
HTML built in Python is marked safe in one module only. Migrations (generated) and bench/ (the
benchmark scripts) are outside the rules.
"""

from __future__ import annotations

import ast
import re
import statistics
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 400
MAX_MEDIAN_LINES = 80
MAX_FUNCTION_LINES = 60
# The deadline engine's rule tables: one long list of court rules each, read as a table.
RULE_TABLES = {("cases/deadlines", "_california"), ("cases/deadlines", "_federal")}


def modules(*, tests: bool = True) -> list[Path]:
    """Return the Python files the rules cover, relative to the project root."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        parts = relative.parts
        if parts[0].startswith(".") or parts[0] in {"bench", "var", "node_modules"}:
            continue
        if "migrations" in parts or (not tests and parts[0] == "tests"):
            continue
        found.append(relative)
    return found


def line_count(path: Path) -> int:
    return len((ROOT / path).read_text().splitlines())


def test_the_rules_see_the_whole_tree() -> None:
    found = {str(path) for path in modules()}
    assert "cases/views.py" in found
    assert "tests/test_structure.py" in found
    assert not any("migrations" in path for path in found)
    assert not any(path.startswith("bench/") for path in found)


@pytest.mark.parametrize("path", modules(), ids=str)
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert line_count(path) <= MAX_MODULE_LINES, f"{path}: split it by concept"


def test_the_median_application_module_is_under_80_lines() -> None:
    sizes = [line_count(path) for path in modules(tests=False)]
    assert statistics.median(sizes) < MAX_MEDIAN_LINES, sorted(sizes)


def long_functions(path: Path) -> list[str]:
    """Return ``name (N lines)`` for each function in ``path`` over the limit."""
    tree = ast.parse((ROOT / path).read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = node.end_lineno - node.lineno + 1
        exempt = (str(path.parent), node.name) in RULE_TABLES
        if length > MAX_FUNCTION_LINES and not exempt:
            found.append(f"{node.name} ({length} lines)")
    return found


@pytest.mark.parametrize("path", modules(), ids=str)
def test_no_function_is_over_60_lines(path: Path) -> None:
    assert long_functions(path) == [], f"{path}: break these into named parts"


def test_the_length_rule_finds_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    source = tmp_path / "probe.py"  # ROOT / an absolute path is that path
    source.write_text(f"def too_long() -> None:\n{body}\n")
    assert long_functions(source) == [f"too_long ({MAX_FUNCTION_LINES + 1} lines)"]


UNSAFE = re.compile(r"\bmark_safe\b|\bhtml\.escape\b|from html import[^\n]*\bescape\b")


def test_only_tracker_html_marks_strings_safe() -> None:
    offenders = [
        str(path)
        for path in modules(tests=False)
        if str(path) != "tracker/html.py" and UNSAFE.search((ROOT / path).read_text())
    ]
    assert offenders == [], "build markup with tracker.html (escape, join, safe, format_html)"
