"""Put an extension's browser files into the HTML output's ``_static/`` before pages are written.

Sphinx stamps every CSS and JavaScript link with a checksum of the file it finds in
``_static/`` while it writes the page (``core.js?v=...``). A file copied later, at
``build-finished``, gets no stamp on a fresh build and the previous file's stamp on a
rebuild, so browsers would keep an old cached copy after an upgrade. Our extensions
therefore copy their files from ``builder-inited``, through this one function.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx


def copy_to_static(app: Sphinx, files: Iterable[tuple[Path, str]]) -> None:
    """Copy each ``(source, path under _static/)`` pair into the HTML output (HTML builders only)."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for source, target in files:
        destination = static / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
