"""Which pages need the Python runtime, and the per-page URLs that point at it."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri

CORE_JS = "pyscript/core.js"
CORE_CSS = "pyscript/core.css"
INTERPRETER = "micropython/micropython.mjs"


def _pages(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "pyscript_pages"):
        env.pyscript_pages = set()  # type: ignore[attr-defined]
    return env.pyscript_pages  # type: ignore[attr-defined,no-any-return]


def require_pyscript(env: BuildEnvironment) -> None:
    """Mark the document being read as one that loads the Python runtime."""
    _pages(env).add(env.docname)


def needs_pyscript(env: BuildEnvironment, docname: str) -> bool:
    """Whether a document loads the Python runtime."""
    return docname in _pages(env)


def runtime_urls(builder: Builder, docname: str) -> dict[str, str]:
    """URLs of the runtime relative to ``docname``'s page, so any URL sub-path works.

    PyScript resolves ``interpreter`` and ``files`` against the page, not against
    ``core.js``, hence relative to the page.
    """
    static = relative_uri(builder.get_target_uri(docname), "_static/")
    return {"static": static, "interpreter": static + INTERPRETER}


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _pages(env).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    _pages(env).update(_pages(other) & docnames)


def _add_runtime(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    # Called per page: add_js_file here affects this page only.
    if needs_pyscript(app.env, pagename):
        app.add_css_file(CORE_CSS)
        app.add_js_file(CORE_JS, type="module")


def setup_pages(app: Sphinx) -> None:
    """Register the bookkeeping of pages that need the runtime."""
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _add_runtime)
