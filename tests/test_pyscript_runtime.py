"""The vendored runtime: copied when pinned, refused when missing or altered, loaded only where needed."""

from __future__ import annotations

import json
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


# --- preloads and plugins: what makes a cold start short ------------------------------------


def _preloads(document: BeautifulSoup) -> dict[str, list[str]]:
    links = document.find_all("link", rel=["modulepreload", "preload"])
    return {
        "module": [link["href"] for link in links if link["rel"] == ["modulepreload"]],
        "fetch": [link["href"] for link in links if link["rel"] == ["preload"]],
    }


def _page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="pyscript-pages", confoverrides={"pyscript_node_modules": NODE_MODULES})
def test_runtime_pages_preload_the_runtime_and_turn_plugins_off(app: Any) -> None:
    app.build()
    out = Path(app.outdir)
    page = _page(out / "sub" / "interactive.html")
    found = _preloads(page)
    core = next(s["src"] for s in page.find_all("script", src=True) if s.get("type") == "module")
    # The very URL of the script tag, ?v= stamp included: any other URL would be fetched twice.
    assert found["module"][0] == core
    assert [href.split("/")[-1] for href in found["module"][1:]] == [
        *[p.name for p in sorted((out / "_static" / "pyscript").glob("core-*.js"))],
        "micropython.mjs",
    ]
    assert found["fetch"] == ["../_static/micropython/micropython.wasm"]
    for href in found["module"] + found["fetch"]:
        assert (out / "sub" / href.split("?")[0]).resolve().is_file(), href
    assert all(link.get("crossorigin") == "anonymous" for link in page.find_all("link", rel="preload"))
    plugins = json.loads(page.find("py-config").string)["plugins"]
    assert plugins and all(name.startswith("!") for name in plugins)
    for name in plugins:  # each is one of this core's optional plugins
        assert list((out / "_static" / "pyscript").glob(name[1:] + "-*.js")), name
    assert {"!error", "!py-terminal", "!py-editor"} <= set(plugins)
    index = _page(out / "index.html")
    assert _preloads(index) == {"module": [], "fetch": []}
    assert index.find("py-config") is None


def test_questionnaire_pages_preload_the_runtime_but_not_their_own_python(built_site: Any) -> None:
    # Measured (docs/performance.md): preloading the engine's files delayed DOMContentLoaded and
    # the first answerable control, and did not make the form live sooner.
    for name in ("overview/index.html", "risk-assessment/index.html"):
        page = _page(built_site.path / name)
        script = page.find("script", attrs={"type": "mpy"})
        config = json.loads(script["config"])
        found = _preloads(page)
        assert found["fetch"] == ["../_static/micropython/micropython.wasm"]
        assert not {*config["files"], script["src"]} & {*found["fetch"], *found["module"]}
        assert config["interpreter"] in found["module"]
        assert all("?v=" in url for url in config["files"])
        assert config["plugins"] == json.loads(page.find("py-config").string)["plugins"]
        for href in found["fetch"] + found["module"]:
            assert (built_site.path / name).parent.joinpath(href.split("?")[0]).resolve().is_file(), href
