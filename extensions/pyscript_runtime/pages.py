"""Which pages need the Python runtime; the per-page URLs, preloads and settings that start it fast.

A page that runs Python gets, besides ``core.js`` and ``core.css``:

- **preloads** of the runtime in ``<head>``, after the stylesheets: PyScript otherwise discovers
  its files one after another (core, then its chunk, then the interpreter only once the plugins
  have loaded, then the WebAssembly binary). Module files get ``rel=modulepreload``; the binary,
  fetched with ``fetch()``, gets ``rel=preload as=fetch crossorigin`` (MicroPython fetches in
  CORS mode, so a preload without ``crossorigin`` is wasted). The page's own Python files are
  not preloaded: measured, that delayed the page more than it sped up the engine.
  A preload only helps when its URL is exactly the one later requested, ``?v=`` stamp included:
  :func:`static_url` stamps files the way Sphinx stamps its script tags; the interpreter, and the
  files that other files request (the core chunk, the binary), are preloaded without a stamp.
- **plugins off**: the mpy script's config and a ``<py-config>`` element both list PyScript's
  optional plugins as ``!name``; core runs its plugin loader once per interpreter type, so both
  are needed. The names are read from the vendored core chunk, since they change with releases.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from doc_data import DocDataDomain, doc_data
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri

CORE_JS = "pyscript/core.js"
CORE_CSS = "pyscript/core.css"
INTERPRETER = "micropython/micropython.mjs"
BINARY = "micropython/micropython.wasm"
TEMPLATES = Path(__file__).parent / "templates"

#: In PyScript's core chunk, each optional plugin is ``name:()=>import("./name-<hash>.js")``.
_PLUGIN = re.compile(r'(?:"([\w-]+)"|([\w-]+)):\(\)=>import\("\./([\w-]+)-[\w-]+\.js"\)')


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


def stamp(static_file: Path) -> str:
    """The ``?v=`` stamp Sphinx gives a static file's link: CRC-32 of its bytes without CR, in hex."""
    content = static_file.read_bytes().translate(None, b"\r")
    return f"{zlib.crc32(content):08x}"


def _static_prefix(builder: Builder, docname: str) -> str:
    """``_static/`` relative to ``docname``'s page.

    PyScript resolves ``interpreter`` and ``files`` against the page, not against ``core.js``,
    hence relative to the page (any URL sub-path works).
    """
    return relative_uri(builder.get_target_uri(docname), "_static/")


def static_url(builder: Builder, docname: str, target: str) -> str:
    """``_static/<target>`` relative to ``docname``'s page, stamped like Sphinx's own links: browsers
    fetch the file again after an upgrade, however long a server lets them cache ``_static/``."""
    return _static_prefix(builder, docname) + target + "?v=" + stamp(Path(builder.outdir) / "_static" / target)


@cache
def plugins_off(core_dir: str) -> tuple[str, ...]:
    """``!name`` for every optional plugin of the vendored PyScript core (read from its chunk)."""
    names: set[str] = set()
    for chunk in sorted(Path(core_dir).glob("core-*.js")):
        for quoted, bare, module in _PLUGIN.findall(chunk.read_text(encoding="utf-8")):
            if (quoted or bare) == module:
                names.add(module)
    return tuple("!" + name for name in sorted(names))


def runtime_config(app: Sphinx, docname: str) -> dict[str, Any]:
    """What every mpy script's ``config`` starts from: the local interpreter, plugins off.

    The interpreter is not stamped: PyScript fails to start MicroPython from a URL with a query
    (measured: the WebAssembly binary is then never found). It changes only with a pinned upgrade.
    """
    return {"interpreter": _static_prefix(app.builder, docname) + INTERPRETER, "plugins": _plugins(app)}


def _plugins(app: Sphinx) -> list[str]:
    return list(plugins_off(str(Path(app.outdir) / "_static" / "pyscript")))


def _add_preload(context: dict[str, Any], href: str, module: bool = False) -> None:
    """Preload ``href`` on this page: a module (``modulepreload``) or a file fetched with ``fetch()``."""
    link = {"rel": "modulepreload", "href": href} if module else {"rel": "preload", "as": "fetch", "href": href}
    context.setdefault("pyscript_preloads", []).append(link)


def _add_runtime(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    # Called per page: add_js_file here affects this page only.
    if not needs_pyscript(app.env, pagename):
        return
    app.add_css_file(CORE_CSS)
    app.add_js_file(CORE_JS, type="module")
    static = _static_prefix(app.builder, pagename)
    _add_preload(context, static_url(app.builder, pagename, CORE_JS), module=True)
    # core.js imports its chunk by its plain name, and micropython.mjs fetches its binary the same way.
    for chunk in sorted((Path(app.outdir) / "_static" / "pyscript").glob("core-*.js")):
        _add_preload(context, static + "pyscript/" + chunk.name, module=True)
    _add_preload(context, static + INTERPRETER, module=True)
    _add_preload(context, static + BINARY)
    context["pyscript_config"] = json.dumps({"plugins": _plugins(app)})


def _add_templates(app: Sphinx, config: Any) -> None:
    # Our page.html extends the theme's own (Furo's, or the basic theme's in the test roots).
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def setup_pages(app: Sphinx) -> None:
    """Register the domain that remembers runtime pages, the template, and the per-page loader."""
    app.add_domain(PyScriptPagesDomain)
    app.connect("config-inited", _add_templates)
    app.connect("html-page-context", _add_runtime)
