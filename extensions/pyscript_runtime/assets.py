"""Check the vendored runtime against its manifest and copy it into the HTML output."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from static_files import copy_to_static

from .manifest import RuntimeFile, load_manifest, sha256_of
from .pages import setup_pages

INSTALL_HINT = "run `npm ci` in the project root (`make html` does this for you)"


def verify(node_modules: Path) -> list[RuntimeFile]:
    """Return the manifest's files, or raise when one is missing or differs from its pin."""
    packages, files = load_manifest()
    missing = [f.source for f in files if not (node_modules / f.source).is_file()]
    if missing:
        raise ExtensionError(
            f"pyscript_runtime: {len(missing)} runtime file(s) missing under {node_modules}, "
            f"first {missing[0]!r}; {INSTALL_HINT}."
        )
    for f in files:
        actual = sha256_of(node_modules / f.source)
        if actual != f.sha256:
            pinned = ", ".join(f"{name} {version}" for name, version in sorted(packages.items()))
            raise ExtensionError(
                f"pyscript_runtime: {f.source} does not match its pinned SHA-256 "
                f"(expected {f.sha256}, got {actual}). The pinned runtime is {pinned}; "
                f"{INSTALL_HINT}, or refresh runtime-manifest.json deliberately with "
                "scripts/update_runtime_manifest.py after reviewing an upgrade."
            )
    return files


def _verify_and_copy(app: Sphinx) -> None:
    # Verified and copied once, before any page is written (see static_files).
    if app.builder.format != "html":
        return
    node_modules = Path(app.config.pyscript_node_modules)
    copy_to_static(app, ((node_modules / f.source, f.target) for f in verify(node_modules)))


def setup_assets(app: Sphinx) -> None:
    """Register the config value and the check-and-copy step."""
    app.add_config_value("pyscript_node_modules", "node_modules", "env", types=[str])
    app.connect("builder-inited", _verify_and_copy)
    setup_pages(app)
