"""Record the versions and SHA-256 digests of the vendored PyScript runtime.

Run after a deliberate, reviewed upgrade of package.json and package-lock.json:

    npm ci && .venv/bin/python scripts/update_runtime_manifest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "extensions"))

from pyscript_runtime.manifest import MANIFEST_PATH, write_manifest  # noqa: E402


def main() -> int:
    """Rewrite the manifest from ``node_modules``."""
    write_manifest(ROOT / "node_modules")
    print(f"wrote {MANIFEST_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
