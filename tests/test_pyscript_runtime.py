"""The vendored runtime: copied when pinned, refused when missing or altered, loaded only where needed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pyscript_runtime.manifest import load_manifest
from sphinx.errors import ExtensionError

NODE_MODULES = str(ROOT / "node_modules")


def _module_scripts(path: Path) -> list[str]:
    document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [s["src"].split("?")[0] for s in document.find_all("script", src=True) if s.get("type") == "module"]


@pytest.mark.sphinx("html", testroot="pyscript-pages", confoverrides={"pyscript_node_modules": NODE_MODULES})
def test_runtime_loads_only_on_pages_that_ask_for_it(app: Any) -> None:
    app.build()
    out = Path(app.outdir)
    assert _module_scripts(out / "sub" / "interactive.html") == ["../_static/pyscript/core.js"]
    assert _module_scripts(out / "index.html") == []


@pytest.mark.sphinx("html", testroot="pyscript-pages", confoverrides={"pyscript_node_modules": NODE_MODULES})
def test_every_pinned_file_is_copied_unchanged(app: Any) -> None:
    app.build()
    _packages, files = load_manifest()
    static = Path(app.outdir) / "_static"
    for f in files:
        assert (static / f.target).read_bytes() == (ROOT / "node_modules" / f.source).read_bytes()
    assert (static / "micropython" / "micropython.wasm").is_file()


def _copy_root(rootdir: Path, tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-pyscript-pages", src)
    return src


def test_missing_runtime_stops_the_build_with_install_hint(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty_node_modules"
    empty.mkdir()
    with pytest.raises(ExtensionError) as caught:
        make_app("html", srcdir=_copy_root(rootdir, tmp_path), confoverrides={"pyscript_node_modules": str(empty)})
    message = str(caught.value)
    assert "runtime file(s) missing under" in message
    assert "run `npm ci` in the project root" in message


def test_altered_runtime_file_stops_the_build(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    fake = tmp_path / "node_modules"
    shutil.copytree(ROOT / "node_modules" / "@pyscript", fake / "@pyscript")
    shutil.copytree(ROOT / "node_modules" / "@micropython", fake / "@micropython")
    (fake / "@pyscript/core/dist/core.js").write_text("/* tampered */", encoding="utf-8")
    with pytest.raises(ExtensionError, match=r"@pyscript/core/dist/core.js does not match its pinned SHA-256"):
        make_app("html", srcdir=_copy_root(rootdir, tmp_path), confoverrides={"pyscript_node_modules": str(fake)})
