"""Find glossary terms used in a built page's running text, and which of them the page links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from link_glossary_terms import NAME_PATTERN

#: Block elements whose text counts as running text.
RUNNING_TEXT = {"p", "li", "td", "dd", "dt"}

#: Elements whose text is never running text, wherever they sit.
SKIPPED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "kbd",
    "samp",
    "script",
    "style",
    "template",
    "nav",
    "th",
    "summary",
    "button",
    "form",
    "fieldset",
    "svg",
}

#: Classes that mark titles and machinery rather than prose.
SKIPPED_CLASSES = {"admonition-title", "sd-card-title", "sd-summary-title", "headerlink", "toctree-wrapper"}

#: Breaks the text where a skipped element was, so no term is matched across it.
GAP = " \u2016 "

#: A trailing qualifier such as ``accuracy (metric)``: it tells senses apart in the glossary, it is not said in text.
QUALIFIER = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True)
class Entry:
    """One glossary entry: its term lines (the first is the main term) and their anchor ids, in the same order."""

    terms: tuple[str, ...]
    ids: tuple[str, ...]


def glossary_entries(glossary: BeautifulSoup) -> list[Entry]:
    """The entries of the built glossary page, synonyms grouped with their main term."""
    entries: list[Entry] = []
    for dl in glossary.select("dl.glossary"):
        terms: list[str] = []
        ids: list[str] = []
        for child in dl.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                headerlink = child.find("a", class_="headerlink")
                if headerlink:
                    headerlink.extract()
                terms.append(child.get_text(" ", strip=True))
                ids.append(child["id"])
            else:
                entries.append(Entry(tuple(terms), tuple(ids)))
                terms, ids = [], []
    return entries


def term_pattern(entries: list[Entry]) -> tuple[re.Pattern[str], dict[str, Entry]]:
    """A regex matching any term or synonym as a whole word with a plain plural, longest first."""
    by_form: dict[str, Entry] = {}
    for entry in entries:
        for term in entry.terms:
            by_form[QUALIFIER.sub("", term).casefold()] = entry
    forms = sorted(by_form, key=len, reverse=True)
    alternation = "|".join(re.escape(form) for form in forms)
    # Hyphens count as part of a word, so "AI-assisted" is not a use of "AI".
    pattern = re.compile(rf"(?<![\w-])({alternation})(?:e?s)?(?![\w-])", re.IGNORECASE)
    return pattern, by_form


def _skipped(tag: Tag) -> bool:
    classes = set(tag.get("class") or [])
    return tag.name in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES) or tag.get("type") == "application/json"


def running_text(article: Tag) -> Iterator[str]:
    """The running text of a page's main article, one string per block, skipped parts replaced by a gap."""
    pieces: list[str] = []

    def walk(node: Tag, inside: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if inside and type(child) is NavigableString:
                    pieces.append(str(child))
            elif isinstance(child, Tag):
                if _skipped(child):
                    pieces.append(GAP)
                    continue
                starts_block = child.name in RUNNING_TEXT
                if starts_block:
                    pieces.append(GAP)
                walk(child, inside or starts_block)
                if starts_block:
                    pieces.append(GAP)

    walk(article, False)
    for block in "".join(pieces).split(GAP.strip()):
        text = " ".join(block.split())
        if text:
            yield text


def glossary_links(article: Tag) -> set[str]:
    """Anchor ids of the glossary entries this article links to."""
    linked = set()
    for anchor in article.find_all("a", href=True):
        parts = urlsplit(anchor["href"])
        if parts.path.rsplit("/", 1)[-1] == "glossary.html" and parts.fragment:
            linked.add(unquote(parts.fragment))
    return linked


def main_article(page: BeautifulSoup) -> Tag:
    """The article Furo puts a page's own content in."""
    article = page.find("article", attrs={"role": "main"})
    assert isinstance(article, Tag), "page has no <article role=main>"
    return article


def unlinked_terms(page: BeautifulSoup, entries: list[Entry]) -> list[str]:
    """Terms (as first written on the page) used in running text whose entry the page never links.

    Names of the toolkit and its resources are not uses of the terms inside them.
    """
    pattern, by_form = term_pattern(entries)
    article = main_article(page)
    linked = glossary_links(article)
    missing: dict[Entry, str] = {}
    for block in running_text(article):
        text = NAME_PATTERN.sub(GAP, block)
        for match in pattern.finditer(text):
            entry = by_form[match.group(1).casefold()]
            if not linked.intersection(entry.ids) and entry not in missing:
                missing[entry] = match.group(1)
    return list(missing.values())
