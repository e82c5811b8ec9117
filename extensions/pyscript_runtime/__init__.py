"""Vendored PyScript runtime: copy it into ``_static/`` and load it only where needed."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .assets import setup_assets
from .pages import needs_pyscript, require_pyscript, runtime_config, static_url

__all__ = [
    "needs_pyscript",
    "require_pyscript",
    "runtime_config",
    "setup",
    "static_url",
]

__version__ = "1.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Wire the asset copier and the per-page loader."""
    setup_assets(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
