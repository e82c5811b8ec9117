"""Ship the engine to the browser: the pure ``engine`` package, the glue, styles, a per-page PyScript config."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pyscript_runtime import runtime_config, static_url
from sphinx.application import Sphinx
from static_files import copy_to_static

from .domain import domain
from .engine import spec as specs

PACKAGE = Path(__file__).parent
ENGINE = PACKAGE / "engine"
STATIC = "questionnaire"


#: Modules only declared views use: ``bind`` and ``report`` import them when a definition has views.
VIEW_MODULES = ("engine/charts.py", "engine/compare.py")
#: Modules only some definitions use, each with the test saying which: ``bind``, ``report``,
#: ``store`` and the glue import them where they are used, so a page is sent one only when a
#: questionnaire on it needs it (start-up compiles, and fetches, what a page is sent).
OPTIONAL_MODULES: dict[str, Callable[[dict[str, Any]], bool]] = {
    **{name: lambda spec: bool(spec["views"]) for name in VIEW_MODULES},
    "engine/proposals.py": lambda spec: specs.proposes(spec) or specs.imports(spec),
    # Only a "Check a report" panel uses it (the domain adds it for pages with one), no form.
    "engine/check.py": lambda spec: False,
}


def optional_modules(spec: dict[str, Any]) -> list[str]:
    """The optional modules a definition needs."""
    return [name for name, needed in OPTIONAL_MODULES.items() if needed(spec)]


def engine_files(needed: Iterable[str] | None = None) -> list[str]:
    """The engine's modules, relative to the package folder (``engine/scoring.py``, ...): the files
    pytest imports are the files the browser runs. With ``needed``, the :data:`OPTIONAL_MODULES`
    not in it are left out."""
    found = sorted(path.relative_to(PACKAGE).as_posix() for path in ENGINE.rglob("*.py"))
    if needed is None:
        return found
    keep = set(needed)
    return [name for name in found if name not in OPTIONAL_MODULES or name in keep]


def _copy_static(app: Sphinx) -> None:
    engine = [(PACKAGE / name, f"{STATIC}/{name}") for name in engine_files()]
    glue = [(path, f"{STATIC}/{path.name}") for path in sorted((PACKAGE / "static").iterdir()) if path.is_file()]
    copy_to_static(app, engine + glue)


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not domain(app.env).has_questionnaires(pagename):
        return
    # Stamped URLs: a browser that cached _static/ fetches the engine again after an upgrade.
    files = {
        static_url(app.builder, pagename, f"{STATIC}/{name}"): "./" + name
        for name in engine_files(domain(app.env).modules(pagename))
    }
    # Not preloaded: measured, preloading the 20-odd engine files made DOMContentLoaded and the
    # first answerable control 50-150 ms later (they compete with the page's own files for
    # connections) and did not make the form live sooner (docs/performance.md).
    config = {**runtime_config(app, pagename), "files": files}
    app.add_css_file(f"{STATIC}/questionnaire.css")
    # A classic script without defer runs while the page is parsed, so it has always run before
    # any module script (PyScript's core.js, and so the glue): the glue relies on what it defines.
    # The priority also puts it before core.js in the page, for readers of the source.
    app.add_js_file(f"{STATIC}/watchdog.js", priority=400)
    app.add_js_file(f"{STATIC}/glue.py", type="mpy", config=json.dumps(config, sort_keys=True))


def setup_assets(app: Sphinx) -> None:
    """Copy the engine's files before pages are written; add its scripts only to pages that need them."""
    app.connect("builder-inited", _copy_static)
    app.connect("html-page-context", _page_assets)
