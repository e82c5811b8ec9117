"""scripts/ensure_chromium.sh: a browser is found, or the message says exactly what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "ensure_chromium.sh"
BASH = shutil.which("bash") or "/bin/bash"


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BASH, str(SCRIPT)], env=env, capture_output=True, text=True, check=False, timeout=60)


def test_an_existing_chromium_is_accepted_without_installing() -> None:
    chromium = shutil.which("chromium")
    assert chromium, "the test machine has Chromium (make test installs it)"
    result = _run({**os.environ, "CHROMIUM": chromium})
    assert result.returncode == 0
    assert "installing" not in result.stdout


def test_a_wrong_chromium_path_is_refused_by_name() -> None:
    result = _run({**os.environ, "CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode == 1
    assert "CHROMIUM=/nonexistent/chromium is not an executable file." in result.stderr


def _fake_bin(tmp_path: Path, uid: str) -> str:
    """A PATH with no Chromium, an ``id`` that reports ``uid``, and an apt-get that records its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    log = bin_dir.parent / "apt.log"
    # The fake apt-get "installs" Chromium by creating an executable named chromium.
    (bin_dir / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> {log}\n'
        f'case "$*" in *install*) printf "#!/bin/sh\\n" > {bin_dir}/chromium; /bin/chmod +x {bin_dir}/chromium;; esac\n'
    )
    for name in ("id", "apt-get"):
        (bin_dir / name).chmod(0o755)
    (bin_dir / "cat").symlink_to("/bin/cat")
    return str(bin_dir)


def test_as_root_without_chromium_it_installs_debians_package(tmp_path: Path) -> None:
    env = {"PATH": _fake_bin(tmp_path, "0")}
    result = _run(env)
    assert result.returncode == 0, result.stderr
    assert "installing Debian's chromium package" in result.stdout
    assert (tmp_path / "apt.log").read_text().splitlines() == ["update -qq", "install -y -qq chromium"]


def test_without_root_it_stops_and_names_the_package(tmp_path: Path) -> None:
    result = _run({"PATH": _fake_bin(tmp_path, "1000")})
    assert result.returncode == 1
    assert "sudo apt-get install chromium" in result.stderr
    assert "CHROMIUM=/path/to/chromium make test" in result.stderr


def test_as_root_without_libreoffice_it_installs_debians_writer(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "ensure_debian_package.sh"
    env = {"PATH": _fake_bin(tmp_path, "0")}
    arguments = [BASH, str(script), "chromium", "libreoffice-writer-nogui", "LibreOffice Writer"]
    result = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "LibreOffice Writer is missing: installing Debian's libreoffice-writer-nogui package" in result.stdout
    assert (tmp_path / "apt.log").read_text().splitlines() == ["update -qq", "install -y -qq libreoffice-writer-nogui"]


def test_the_makefile_installs_libreoffice_for_make_test() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ensure_debian_package.sh soffice libreoffice-writer-nogui" in makefile
    assert any(line.startswith("test:") and "libreoffice" in line for line in makefile.splitlines())
