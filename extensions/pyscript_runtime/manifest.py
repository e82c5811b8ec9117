"""The pinned runtime files and their SHA-256 digests (``runtime-manifest.json``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST_PATH = Path(__file__).with_name("runtime-manifest.json")

#: Which files of which npm package a page needs, and where they go under ``_static``.
#: PyScript's chunk names carry content hashes, so the core's whole ``dist/`` is taken
#: (JavaScript and CSS only; source maps are for debugging and stay out).
SOURCES = (
    ("@pyscript/core", "dist", ("*.js", "*.css"), "pyscript"),
    (
        "@micropython/micropython-webassembly-pyscript",
        "",
        ("micropython.mjs", "micropython.wasm"),
        "micropython",
    ),
)


@dataclass(frozen=True)
class RuntimeFile:
    """One vendored file: where npm puts it, where the site serves it, its digest."""

    source: str  # relative to node_modules/
    target: str  # relative to _static/
    sha256: str


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 digest of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def scan(node_modules: Path) -> list[RuntimeFile]:
    """List the runtime files present in ``node_modules`` (used to refresh the manifest)."""
    files: list[RuntimeFile] = []
    for package, subdir, patterns, target_dir in SOURCES:
        base = node_modules / package / subdir if subdir else node_modules / package
        for pattern in patterns:
            for path in sorted(base.glob(pattern)):
                source = path.relative_to(node_modules).as_posix()
                files.append(RuntimeFile(source, f"{target_dir}/{path.name}", sha256_of(path)))
    return files


def load_manifest(path: Path = MANIFEST_PATH) -> tuple[dict[str, str], list[RuntimeFile]]:
    """Read the committed manifest: the pinned package versions and the files."""
    data = json.loads(path.read_text(encoding="utf-8"))
    files = [RuntimeFile(f["source"], f["target"], f["sha256"]) for f in data["files"]]
    return data["packages"], files


def write_manifest(node_modules: Path, path: Path = MANIFEST_PATH) -> None:
    """Record the versions and digests of what ``npm ci`` installed."""
    packages = {}
    for package, *_ in SOURCES:
        meta = json.loads((node_modules / package / "package.json").read_text(encoding="utf-8"))
        packages[package] = meta["version"]
    files = [f.__dict__ for f in scan(node_modules)]
    text = json.dumps({"packages": packages, "files": files}, indent=2, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
