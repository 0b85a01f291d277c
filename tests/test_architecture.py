"""The layering of DESIGN.md, checked on every run."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys, json\n"
        "from wombat_desktop.cli import main\n"
        "assert main(['stats', '--json']) == 0\n"
        "assert main(['contacts', '--json']) == 0\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))))"
    )
    env = {**os.environ, "WOMBAT_HOME": str(tmp_path)}
    env.pop("WOMBAT_DB", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
