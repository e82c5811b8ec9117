"""Which pages need the Python runtime, and the per-page URLs that point at it."""

from __future__ import annotations

from typing import Any

from doc_data import DocDataDomain, doc_data
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri

CORE_JS = "pyscript/core.js"
CORE_CSS = "pyscript/core.css"
INTERPRETER = "micropython/micropython.mjs"


class PyScriptPagesDomain(DocDataDomain):
    """The pages that load the Python runtime (``docname -> True``)."""

    name = "pyscript"
    label = "PyScript pages"


def require_pyscript(env: BuildEnvironment) -> None:
    """Mark the document being read as one that loads the Python runtime."""
    doc_data(env, PyScriptPagesDomain.name).docs[env.docname] = True


def needs_pyscript(env: BuildEnvironment, docname: str) -> bool:
    """Whether a document loads the Python runtime."""
    return bool(doc_data(env, PyScriptPagesDomain.name).docs.get(docname))


def runtime_urls(builder: Builder, docname: str) -> dict[str, str]:
    """URLs of the runtime relative to ``docname``'s page, so any URL sub-path works.

    PyScript resolves ``interpreter`` and ``files`` against the page, not against
    ``core.js``, hence relative to the page.
    """
    static = relative_uri(builder.get_target_uri(docname), "_static/")
    return {"static": static, "interpreter": static + INTERPRETER}


def _add_runtime(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    # Called per page: add_js_file here affects this page only.
    if needs_pyscript(app.env, pagename):
        app.add_css_file(CORE_CSS)
        app.add_js_file(CORE_JS, type="module")


def setup_pages(app: Sphinx) -> None:
    """Register the domain that remembers runtime pages, and the per-page loader."""
    app.add_domain(PyScriptPagesDomain)
    app.connect("html-page-context", _add_runtime)
