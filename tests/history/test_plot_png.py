"""``envsync history ENV --plot FILE.png`` without an engine: stored snapshots drawn by
matplotlib; without matplotlib, one line naming the extra to install."""

from __future__ import annotations

import builtins
import struct
from pathlib import Path
from typing import Any

import pytest

from envsync.store import write_snapshot
from tests.adopt.test_html_stored import _snap
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _history(repo: Repo, count: int = 3) -> None:
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n")
    for i, used in enumerate((20.0, 35.5, 48.0, 30.0)[:count]):
        write_snapshot(repo.path / "snapshots",
                       _snap(f"2026-11-2{i + 5}T07:00:00Z", used, "info"))


def test_png_chart_of_stored_snapshots(repo: Repo, tmp_path: Path) -> None:
    _history(repo, 4)
    chart = tmp_path / "prod.png"
    result = run_cli("history", "prod", "--plot", chart, cwd=repo.path)
    assert result.exit_code == 0, result.stdout + result.stderr
    data = chart.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk: figure 8x6.4 in at 100 dpi
    assert (width, height) == (800, 640)
    assert 10_000 < len(data) < 1_000_000  # lines and text were drawn; not an empty canvas
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no temp left
    assert "2026-11-25" in result.stdout  # the table still printed


def test_png_and_svg_take_the_same_series(repo: Repo, tmp_path: Path) -> None:
    from envsync.config import load_config
    from envsync.render.html import history_series

    _history(repo, 3)
    charts = history_series(load_config(repo.path / "envsync.yaml"), "prod", 50)
    assert charts.labels == ["11-25 07:00", "11-26 07:00", "11-27 07:00"]
    assert [(s.name, s.values) for s in charts.memory] == [("web", [20.0, 35.5, 48.0])]
    assert charts.memory[0].limit == 64.0


def test_png_without_matplotlib_names_the_extra(repo: Repo, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _history(repo, 3)
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    chart = tmp_path / "prod.png"
    result = run_cli("history", "prod", "--plot", chart, cwd=repo.path)
    assert result.exit_code == 2
    assert "pip install 'envsync[plot]'" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not chart.exists()


def test_other_chart_formats_are_refused(repo: Repo, tmp_path: Path) -> None:
    _history(repo, 3)
    result = run_cli("history", "prod", "--plot", tmp_path / "prod.jpg", cwd=repo.path)
    assert result.exit_code == 2 and ".svg or .png" in result.stderr
    assert not (tmp_path / "prod.jpg").exists()
