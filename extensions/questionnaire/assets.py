"""Ship the engine to the browser: Python modules, glue, styles, and a per-page PyScript config."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyscript_runtime import runtime_urls
from sphinx.application import Sphinx
from static_files import copy_to_static

from .registry import has_questionnaires

PACKAGE = Path(__file__).parent
#: Pure modules the browser imports: the same files pytest imports.
SHARED_MODULES = ("scoring.py", "answers.py", "report.py")
STATIC = "questionnaire"


def _copy_static(app: Sphinx) -> None:
    shared = [(PACKAGE / name, f"{STATIC}/{name}") for name in SHARED_MODULES]
    glue = [(path, f"{STATIC}/{path.name}") for path in sorted((PACKAGE / "static").iterdir()) if path.is_file()]
    copy_to_static(app, shared + glue)


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not has_questionnaires(app.env, pagename):
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
    """Copy the engine's files before pages are written; add its scripts only to pages that need them."""
    app.connect("builder-inited", _copy_static)
    app.connect("html-page-context", _page_assets)
