"""Ship the engine to the browser: Python modules, glue, styles, and a per-page PyScript config."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from pyscript_runtime import runtime_urls
from sphinx.application import Sphinx

from .registry import _uses

PACKAGE = Path(__file__).parent
#: Pure modules the browser imports: the same files pytest imports.
SHARED_MODULES = ("scoring.py", "answers.py", "report.py")
STATIC = "questionnaire"


def _copy_static(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / STATIC
    target.mkdir(parents=True, exist_ok=True)
    for name in SHARED_MODULES:
        shutil.copyfile(PACKAGE / name, target / name)
    for path in (PACKAGE / "static").iterdir():
        if path.is_file():
            shutil.copyfile(path, target / path.name)


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename not in _uses(app.env):
        return
    urls = runtime_urls(app.builder, pagename)
    base = urls["static"] + STATIC + "/"
    config = {
        "interpreter": urls["interpreter"],
        "files": {base + name: "./" + name for name in SHARED_MODULES},
    }
    app.add_css_file(f"{STATIC}/questionnaire.css")
    app.add_js_file(f"{STATIC}/watchdog.js", defer="defer")
    app.add_js_file(f"{STATIC}/glue.py", type="mpy", config=json.dumps(config, sort_keys=True))


def setup_assets(app: Sphinx) -> None:
    """Copy the engine's files after the build; add its scripts only to pages that need them."""
    app.connect("build-finished", _copy_static)
    app.connect("html-page-context", _page_assets)
