"""Fail when any built file would make a browser load something from another host.

Usage: python scripts/check_offline.py _build/html

What counts as a load (hyperlinks to other sites, ``<a href>``, are fine):
- HTML: ``src``, ``srcset``, ``poster``, ``data`` (object) and ``<link href>`` whose rel is a
  stylesheet, icon, preload, modulepreload, prefetch, preconnect, dns-prefetch or manifest;
  ``<meta http-equiv="refresh">``; CSS in ``<style>`` blocks and ``style`` attributes; absolute
  URLs in inline scripts and in the ``config`` attribute of PyScript scripts.
- CSS files: ``url(...)`` and ``@import``.
- JavaScript files: absolute URLs outside comments. The vendored PyScript runtime is left out
  of this scan: its files are pinned by digest, and the browser tests record every request it
  actually makes.
XML namespace names (``http://www.w3.org/2000/svg``) are identifiers, not loads.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

#: Folders under ``_static/`` that hold the vendored runtime (see extensions/pyscript_runtime).
VENDORED_DIRS = ("_static/pyscript/", "_static/micropython/")
NAMESPACES = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/XML/1998/namespace",
)
LOADING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "mask-icon",
}
SRC_ATTRS = {"src", "poster", "data", "background", "lowsrc", "dynsrc"}
ABSOLUTE = re.compile(r"""(?:(?:https?|ftp|wss?):)?//[A-Za-z0-9\[][^\s"'`<>()]*""")
SCHEME_URL = re.compile(r"""(?:https?|ftp|wss?)://[^\s"'`<>()\\]+""")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'"\s);]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One external load: where it is, what kind, and the URL."""

    path: str
    line: int
    kind: str
    url: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind} loads {self.url}"


def is_external(url: str) -> bool:
    """Whether a URL as written in a page points at another host."""
    url = url.strip()
    if not url or url.startswith(("data:", "blob:", "#", "about:", "javascript:")):
        return False
    if url in NAMESPACES:
        return False
    return bool(re.match(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//", url)) or url.lower().startswith("file:")


def css_findings(text: str, path: str, first_line: int = 1) -> Iterator[Finding]:
    """External ``url()`` and ``@import`` references in CSS text."""
    for match in CSS_URL.finditer(text):
        if is_external(match.group(2)):
            yield Finding(path, first_line + text.count("\n", 0, match.start()), "css url()", match.group(2))
    for match in CSS_IMPORT.finditer(text):
        if is_external(match.group(1)):
            yield Finding(path, first_line + text.count("\n", 0, match.start()), "css @import", match.group(1))


def _strip_js_comments(text: str) -> str:
    """Blank out block comments and whole-line ``//`` comments, keeping line numbers."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL)
    return re.sub(r"(?m)^\s*//.*$", "", text)


def js_findings(text: str, path: str, first_line: int = 1) -> Iterator[Finding]:
    """Absolute URLs in JavaScript code (comments are documentation, not loads)."""
    code = _strip_js_comments(text)
    for match in SCHEME_URL.finditer(code):
        if is_external(match.group(0)):
            yield Finding(path, first_line + code.count("\n", 0, match.start()), "script", match.group(0))


class _PageScanner(HTMLParser):
    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.findings: list[Finding] = []
        self._raw_kind: str | None = None
        self._raw_start = 0

    def _add(self, kind: str, url: str) -> None:
        self.findings.append(Finding(self.path, self.getpos()[0], kind, url))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        for name, value in values.items():
            if name in SRC_ATTRS and is_external(value):
                self._add(f"<{tag} {name}>", value)
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if is_external(url):
                        self._add(f"<{tag} {name}>", url)
            elif name == "style":
                self.findings.extend(css_findings(value, self.path, self.getpos()[0]))
        if tag in ("image", "use", "feimage", "img", "script") and not values.get("src"):
            for name in ("href", "xlink:href"):
                if is_external(values.get(name, "")):
                    self._add(f"<{tag} {name}>", values[name])
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_RELS and is_external(values.get("href", "")):
                self._add(f"<link rel={values.get('rel')}>", values["href"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if is_external(target):
                self._add("<meta refresh>", target)
        if tag == "script" and "config" in values:
            for match in ABSOLUTE.finditer(values["config"]):
                if is_external(match.group(0)):
                    self._add("<script config>", match.group(0))
        if tag in ("style", "script") and "src" not in values:
            self._raw_kind = tag
            self._raw_start = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_kind:
            self._raw_kind = None

    def handle_data(self, data: str) -> None:
        if self._raw_kind == "style":
            self.findings.extend(css_findings(data, self.path, self._raw_start))
        elif self._raw_kind == "script":
            self.findings.extend(js_findings(data, self.path, self._raw_start))


def html_findings(text: str, path: str) -> list[Finding]:
    """External loads in one HTML document."""
    scanner = _PageScanner(path)
    scanner.feed(text)
    scanner.close()
    return scanner.findings


def scan_site(site: Path) -> list[Finding]:
    """Every external load in a built site."""
    findings: list[Finding] = []
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(site).as_posix()
        suffix = file.suffix.lower()
        if suffix not in (".html", ".htm", ".css", ".js", ".mjs", ".svg"):
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".htm", ".svg"):
            findings.extend(html_findings(text, rel))
        elif suffix == ".css":
            findings.extend(css_findings(text, rel))
        elif not rel.startswith(VENDORED_DIRS):
            findings.extend(js_findings(text, rel))
    return findings


def main(argv: list[str] | None = None) -> int:
    """Print findings and exit 1 when there are any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built HTML folder, e.g. _build/html")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site} is not a folder: build the site first (make html).", file=sys.stderr)
        return 2
    findings = scan_site(args.site)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} external load(s): the site must work with no internet.", file=sys.stderr)
        return 1
    print(f"offline check passed: {args.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
