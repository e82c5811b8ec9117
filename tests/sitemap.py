"""Read the built site as a graph of pages and links (helpers for the tests)."""

from __future__ import annotations

from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

#: Pages Sphinx generates for machinery rather than for reading.
GENERATED = {"genindex.html", "search.html", "py-modindex.html"}


@cache
def soup(path: Path) -> BeautifulSoup:
    """Parsed HTML of one built file (cached: the tests read each page many times)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[str]:
    """Every built HTML page, as a path relative to the site root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def internal_links(site: Path, page: str) -> list[tuple[str, str, str]]:
    """``(href, target page, fragment)`` for each link from ``page`` to a page of this site."""
    links = []
    for anchor in soup(site / page).find_all("a", href=True):
        href = anchor["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
            continue
        if not parts.path:
            links.append((href, page, unquote(parts.fragment)))
            continue
        target = PurePosixPath(page).parent / unquote(parts.path)
        resolved = PurePosixPath(*_normalize(target.parts))
        if str(resolved).endswith("/") or not resolved.suffix:
            resolved = resolved / "index.html"
        links.append((href, str(resolved), unquote(parts.fragment)))
    return links


def _normalize(parts: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        elif part not in (".", ""):
            out.append(part)
    return out


def reachable(site: Path, start: str = "index.html") -> set[str]:
    """Pages a reader can reach by following links from ``start``."""
    seen = {start}
    todo = [start]
    while todo:
        page = todo.pop()
        for _href, target, _fragment in internal_links(site, page):
            if target.endswith(".html") and target not in seen and (site / target).is_file():
                seen.add(target)
                todo.append(target)
    return seen


def ids(site: Path, page: str) -> set[str]:
    """Every id (and legacy ``name``) an in-page link can target."""
    document = soup(site / page)
    found = {tag["id"] for tag in document.find_all(id=True)}
    found |= {tag["name"] for tag in document.find_all("a", attrs={"name": True})}
    return found
