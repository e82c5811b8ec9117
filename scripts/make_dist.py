"""Package the built site for an internal web server: a zip plus SHA256SUMS.

The zip holds the site under ``ai-toolkit-site/`` with its own ``SHA256SUMS`` of every
file; ``dist/SHA256SUMS`` holds the digest of the zip itself. Check either with
``sha256sum -c SHA256SUMS``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import zipfile
from pathlib import Path

TOP = "ai-toolkit-site"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_dist(site: Path, out: Path) -> Path:
    """Write ``out/<TOP>.zip`` and ``out/SHA256SUMS``; return the zip's path."""
    # Dot-files and dot-folders are build bookkeeping (.buildinfo, .doctrees), not the site.
    files = sorted(
        p
        for p in site.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(site).parts)
    )
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{TOP}.zip"
    sums = []
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            rel = path.relative_to(site).as_posix()
            data = path.read_bytes()
            sums.append(f"{_digest(data)}  {rel}")
            zf.writestr(f"{TOP}/{rel}", data)
        zf.writestr(f"{TOP}/SHA256SUMS", "\n".join(sums) + "\n")
    (out / "SHA256SUMS").write_text(f"{_digest(archive.read_bytes())}  {archive.name}\n", encoding="utf-8")
    return archive


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make html` first.", file=sys.stderr)
        return 1
    archive = build_dist(args.site, args.out)
    print(f"wrote {archive} and {args.out / 'SHA256SUMS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
