"""Serve the built site on the loopback interface, with the MIME types PyScript needs.

Usage: python scripts/serve.py [--host 127.0.0.1] [--port 8000] _build/html
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Module scripts and WebAssembly fail under a wrong MIME type; do not rely on the
# platform's mimetypes database for these two.
EXTRA_TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".js": "text/javascript"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler with explicit types for JavaScript modules and WebAssembly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Set before the base class handles the request, which it does inside __init__.
        self.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in sorted(self.server.extra_headers.items()):  # type: ignore[attr-defined]
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.quiet:  # type: ignore[attr-defined]
            return
        super().log_message(format, *args)


def make_server(
    site: Path,
    host: str,
    port: int,
    quiet: bool = False,
    headers: dict[str, str] | None = None,
    handler: type[SiteHandler] = SiteHandler,
) -> http.server.ThreadingHTTPServer:
    """Create (but do not start) a threaded server for ``site``; port 0 picks a free one.

    ``headers`` are added to every response (the tests use it to apply a Content-Security-Policy);
    ``handler`` is a SiteHandler subclass (the tests use one that sends a file late).
    """
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site)))
    server.quiet = quiet  # type: ignore[attr-defined]
    server.extra_headers = dict(headers or {})  # type: ignore[attr-defined]
    return server


@contextlib.contextmanager
def serving(
    site: Path,
    host: str = "127.0.0.1",
    headers: dict[str, str] | None = None,
    handler: type[SiteHandler] = SiteHandler,
) -> Iterator[str]:
    """Serve ``site`` on a free port in a background thread; yield its base URL (ending in /)."""
    server = make_server(site, host, 0, quiet=True, headers=headers, handler=handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make html` first.", file=sys.stderr)
        return 1
    server = make_server(args.site, args.host, args.port)
    print(f"Serving {args.site} at http://{args.host}:{server.server_address[1]}/ (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
