"""The apps depend one way: api > demo > alerts > cases > parties > tracker (pyproject.toml).

An app imports only the apps below it: ``lint-imports`` (import-linter) reads every import
statement, those inside functions too, and fails on one that runs back up.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LAYERS = ["api", "demo", "alerts", "cases", "parties", "tracker"]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the contract of ``cwd/pyproject.toml`` on the packages in ``cwd``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_contract_names_the_layers_top_down() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    assert sorted(options["root_packages"]) == sorted(LAYERS)
    [contract] = options["contracts"]
    assert contract["type"] == "layers"
    assert contract["layers"] == LAYERS


def test_no_app_imports_an_app_above_it() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_catches_an_upward_import_inside_a_function(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for app in LAYERS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / "tracker" / "pages.py").open("a") as module:
        module.write("\n\ndef _upward() -> None:\n    from alerts import models  # noqa: F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    assert "tracker.pages -> alerts.models" in result.stdout
