"""scripts/debian-mirror: the Debian archive comes from the machine's apt sources only."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "debian-mirror"


def _mirror(apt_etc: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "DEBIAN_MIRROR"}
    return subprocess.run([str(SCRIPT)], env={**full, "APT_ETC": str(apt_etc), **env},
                          capture_output=True, text=True, check=False, timeout=30)


def test_deb822_sources_skip_security_updates_and_other_vendors(tmp_path: Path) -> None:
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / "a-node.sources").write_text(
        "Types: deb\nURIs: https://node.example/node_20.x\nSuites: nodistro\nComponents: main\n")
    (tmp_path / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\nURIs: http://mirror.example/debian-security\nSuites: bookworm-security\n"
        "Components: main\n\n"
        "Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n\n"
        "Types: deb\n# a comment\nURIs: http://mirror.example/debian\n"
        "Suites: bookworm bookworm-updates\nComponents: main\n")
    result = _mirror(tmp_path)
    assert (result.returncode, result.stdout) == (0, "http://mirror.example/debian\n")


def test_one_line_format_with_options(tmp_path: Path) -> None:
    (tmp_path / "sources.list").write_text(
        "# deb http://commented.example/debian bookworm main\n"
        "deb [arch=amd64 signed-by=/k.gpg] http://one.example/debian trixie main\n")
    assert _mirror(tmp_path).stdout == "http://one.example/debian\n"


def test_no_debian_source_is_one_line_and_no_fallback_host(tmp_path: Path) -> None:
    (tmp_path / "sources.list").write_text("deb http://vendor.example/apt stable-tools main\n")
    result = _mirror(tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "no Debian apt source" in result.stderr


def test_debian_mirror_variable_wins(tmp_path: Path) -> None:
    assert _mirror(tmp_path, DEBIAN_MIRROR="http://set.example/debian").stdout == \
        "http://set.example/debian\n"
