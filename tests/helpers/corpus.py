"""Where the real-world test cases live: ``tests/corpus`` in the repository, and optionally a
wider corpus of the same layout named by ``ENVSYNC_CORPUS``.

The repository's copy holds every case whose licence allows redistribution; cases only the
wider corpus holds (see tests/corpus/README.md) are skipped when it is not set: that is
optional data, not a missing component.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def wider_corpus() -> Path | None:
    """The folder ``ENVSYNC_CORPUS`` names, or None when unset; a wrong path fails the test
    (it was set on purpose, so silently skipping would hide the mistake)."""
    value = os.environ.get("ENVSYNC_CORPUS")
    if not value:
        return None
    path = Path(value)
    if not (path / "MANIFEST.json").is_file():
        pytest.fail(f"ENVSYNC_CORPUS={value}: no MANIFEST.json there (unset it to use tests/corpus only)")
    return path


def real_project(name: str) -> Path:
    """The folder of one real project: the repository's copy, else the wider corpus's,
    else the test is skipped."""
    for base in (CORPUS, wider_corpus()):
        if base is not None and (base / "real-projects" / name).is_dir():
            return base / "real-projects" / name
    pytest.skip(f"{name} is only in the wider corpus: set ENVSYNC_CORPUS to run it")


def real_projects() -> dict[str, Path]:
    """Every real project at hand, by name; the repository's copy wins."""
    out: dict[str, Path] = {}
    for base in (wider_corpus(), CORPUS):
        if base is not None:
            out.update({p.name: p for p in (base / "real-projects").iterdir() if p.is_dir()})
    return out
