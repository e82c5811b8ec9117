"""`make dist` output: a zip of the site whose checksums verify."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from conftest import BuiltSite
from make_dist import TOP, build_dist


def test_dist_zip_holds_the_site_and_verifiable_checksums(built_site: BuiltSite, tmp_path: Path) -> None:
    archive = build_dist(built_site.path, tmp_path)
    digest, name = (tmp_path / "SHA256SUMS").read_text(encoding="utf-8").split()
    assert name == archive.name
    assert digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        assert f"{TOP}/index.html" in names
        assert [n for n in names if "/." in n] == [], "build bookkeeping (.doctrees, .buildinfo) is not published"
        sums = zf.read(f"{TOP}/SHA256SUMS").decode().splitlines()
        assert len(sums) == len(names) - 1
        for line in sums:
            expected, rel = line.split("  ", 1)
            assert hashlib.sha256(zf.read(f"{TOP}/{rel}")).hexdigest() == expected
