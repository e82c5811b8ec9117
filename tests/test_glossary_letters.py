"""The glossary_letters extension: a glossary split into letter sections, with an A–Z bar and the
letters in "On this page"; a bar without a glossary to split is a located warning."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuiltSite
from docutils import nodes
from sitemap import soup


def parsed(app: Any, page: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def letter_sections(document: BeautifulSoup) -> list[tuple[str, list[str]]]:
    """``(heading, terms)`` for each letter section, in page order."""
    found = []
    for section in document.select('section[id^="glossary-letter-"]'):
        heading = section.find("h2")
        assert heading is not None
        headerlink = heading.find("a", class_="headerlink")
        if headerlink:
            headerlink.extract()
        terms = []  # the main term of each entry: the first of its term lines
        for dt in section.select("dl.glossary > dt"):
            previous = dt.find_previous_sibling(["dt", "dd"])
            if previous is not None and previous.name == "dt":
                continue
            for link in dt.select("a.headerlink"):
                link.extract()
            terms.append(dt.get_text(strip=True))
        found.append((heading.get_text(strip=True), terms))
    return found


@pytest.mark.sphinx("html", testroot="glossary-letters")
def test_glossary_is_split_into_one_section_per_initial_letter(app: Any) -> None:
    app.build()
    assert letter_sections(parsed(app)) == [
        ("#", ["3D scan"]),
        ("A", ["accuracy", "audit trail"]),
        ("E", ["élite unit"]),
        ("R", ["recall"]),
    ]


@pytest.mark.sphinx("html", testroot="glossary-letters")
def test_bar_is_a_named_landmark_linking_every_letter_section(app: Any) -> None:
    app.build()
    document = parsed(app)
    bar = document.select_one("nav.glossary-letters")
    assert bar is not None and bar["aria-label"] == "Terms by letter"
    links = [(a.get_text(), a["href"]) for a in bar.select("a")]
    assert links == [
        ("#", "#glossary-letter-other"),
        ("A", "#glossary-letter-a"),
        ("E", "#glossary-letter-e"),
        ("R", "#glossary-letter-r"),
    ]
    for _text, href in links:
        assert document.find(id=href[1:]) is not None


@pytest.mark.sphinx("html", testroot="glossary-letters")
def test_letters_are_in_the_page_table_of_contents(app: Any) -> None:
    app.build()
    toc = app.env.tocs["index"]
    anchors = [ref["anchorname"] for ref in toc.findall(nodes.reference)]
    assert anchors[1:] == ["#glossary-letter-other", "#glossary-letter-a", "#glossary-letter-e", "#glossary-letter-r"]


@pytest.mark.sphinx("html", testroot="glossary-letters")
def test_term_references_still_reach_their_entries(app: Any) -> None:
    app.build()
    document = parsed(app)
    for href in [a["href"] for a in document.select("article p a.reference.internal")]:
        assert document.find(id=href.lstrip("#")) is not None, href
    assert app._warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="glossary-letters-alone")
def test_bar_without_a_glossary_is_a_located_warning(app: Any) -> None:
    app.build()
    warnings = app._warning.getvalue()
    assert "index.md:3: WARNING: glossary-letters must be followed by a glossary in the same section" in warnings
    assert "[glossary_letters.no_glossary]" in warnings
    assert parsed(app).select_one("nav.glossary-letters") is None


@pytest.mark.sphinx("html", testroot="glossary-letters-not-last")
def test_glossary_followed_by_text_is_left_whole_with_a_located_warning(app: Any) -> None:
    app.build()
    warnings = app._warning.getvalue()
    assert "index.md:8: WARNING: the glossary after glossary-letters must end its section" in warnings
    assert "[glossary_letters.not_last]" in warnings
    assert letter_sections(parsed(app)) == []
    assert parsed(app).select_one("dl.glossary dt") is not None


def test_site_glossary_files_every_term_under_its_letter_with_a_bar(built_site: BuiltSite) -> None:
    document = soup(built_site.path / "glossary.html")
    sections = letter_sections(BeautifulSoup(str(document), "html.parser"))
    assert len(sections) >= 15
    headings = [heading for heading, _terms in sections]
    assert headings == sorted(headings)
    for heading, terms in sections:
        assert terms, heading
        for term in terms:
            first = unicodedata.normalize("NFKD", term)[0].upper()
            assert first == heading or (heading == "#" and not first.isalpha()), (term, heading)
    terms_in_source = _source_term_lines(ROOT / "content" / "glossary.md")
    assert len(document.select("dl.glossary > dt")) == terms_in_source, "every term line is on the page once"
    bar = document.select_one("nav.glossary-letters")
    assert bar is not None
    assert [a.get_text() for a in bar.select("a")] == headings
    on_this_page = document.select_one(".toc-tree")
    assert on_this_page is not None
    assert [a.get_text() for a in on_this_page.select('a[href^="#glossary-letter-"]')] == headings


def _source_term_lines(path: Path) -> int:
    """How many term lines (main terms and synonyms) the glossary block of a Markdown page has."""
    block = path.read_text(encoding="utf-8").split("```{glossary}\n", 1)[1].split("\n```", 1)[0]
    return sum(1 for line in block.splitlines() if line.strip() and not line.startswith((" ", ":")))
