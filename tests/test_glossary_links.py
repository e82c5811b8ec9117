"""Every glossary term a page uses in running text is linked to the glossary somewhere on that page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite
from glossary_terms import glossary_entries, main_article, running_text, unlinked_terms
from link_glossary_terms import EVERYDAY_SENSES
from sitemap import GENERATED, pages, soup

#: Pages whose text is not prose a reader meets terms in.
NOT_CHECKED = GENERATED | {"glossary.html"}


def entries_of(site: Path) -> list:
    """The glossary entries of the built site."""
    return glossary_entries(BeautifulSoup((site / "glossary.html").read_text(encoding="utf-8"), "html.parser"))


def test_every_page_links_the_glossary_terms_it_uses(built_site: BuiltSite) -> None:
    entries = entries_of(built_site.path)
    assert len(entries) > 100, "the glossary page lost its entries"
    misses = []
    for page in pages(built_site.path):
        if page in NOT_CHECKED:
            continue
        docname = page.removesuffix(".html")
        everyday = {word for name, word in EVERYDAY_SENSES if name == docname}
        for term in unlinked_terms(soup(built_site.path / page), entries):
            if " ".join(term.lower().split()) not in everyday:
                misses.append(f"{page}: {term}")
    assert misses == [], (
        "glossary terms used in running text but never linked on the page "
        "(add a {term} role at the first use; scripts/link_glossary_terms.py lists them):\n" + "\n".join(misses)
    )


TINY_GLOSSARY = """
<html><body><article role="main"><section>
<dl class="glossary simple">
<dt id="term-false-positive">false positive<a class="headerlink" href="#term-false-positive">¶</a></dt>
<dd><p>An alarm about a case that is not a real case.</p></dd>
<dt id="term-AI">AI<a class="headerlink" href="#term-AI">¶</a></dt>
<dt id="term-artificial-intelligence">artificial intelligence</dt>
<dd><p>Computing that does tasks needing human skills.</p></dd>
<dt id="term-accuracy-metric">accuracy (metric)</dt>
<dd><p>The share of all cases a model gets right.</p></dd>
</dl></section></article></body></html>
"""


def tiny_page(body: str) -> BeautifulSoup:
    """A made-up built page with ``body`` as its article."""
    return BeautifulSoup(f'<html><body><article role="main">{body}</article></body></html>', "html.parser")


def test_checker_reports_a_term_used_without_a_link() -> None:
    entries = glossary_entries(BeautifulSoup(TINY_GLOSSARY, "html.parser"))
    page = tiny_page(
        "<h1>False positives</h1>"
        "<p>The tool raised many False Positives on Tuesday.</p>"
        '<p>An <a href="glossary.html#term-artificial-intelligence">artificial intelligence</a> tool, '
        "and AI again.</p>"
        "<p>Its accuracy was low.</p>"
    )
    assert unlinked_terms(page, entries) == ["False Positive", "accuracy"]


def test_checker_accepts_a_link_to_any_synonym_and_ignores_non_prose() -> None:
    entries = glossary_entries(BeautifulSoup(TINY_GLOSSARY, "html.parser"))
    page = tiny_page(
        "<h2>AI and false positives</h2>"
        '<div class="admonition"><p class="admonition-title">False positive example</p>'
        '<p>An <a href="../glossary.html#term-AI">AI</a> tool flagged the artificial intelligence team.</p></div>'
        "<pre>false positive</pre><p><code>accuracy</code> and AI-assisted review.</p>"
        '<script type="application/json">{"text": "false positive"}</script>'
        "<table><tr><th>Accuracy</th></tr><tr><td>high</td></tr></table>"
    )
    assert unlinked_terms(page, entries) == []


def test_running_text_keeps_table_cells_list_items_and_definitions_apart() -> None:
    page = tiny_page(
        "<ul><li>false</li><li>positive</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
        "<dl><dt>term</dt><dd><p>meaning <em>in</em> full</p></dd></dl>"
    )
    assert list(running_text(main_article(page))) == ["false", "positive", "a", "b", "term", "meaning in full"]


def search_index(site: Path) -> dict:
    """The data Sphinx's search page loads: ``Search.setIndex({...})`` in searchindex.js."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_search_finds_every_glossary_term_at_its_entry(built_site: BuiltSite) -> None:
    index = search_index(built_site.path)
    glossary = index["docnames"].index("glossary")
    expected = {
        term.lower(): id_
        for entry in entries_of(built_site.path)
        for term, id_ in zip(entry.terms, entry.ids, strict=True)
    }
    found = {
        term: anchor for term, hits in index["indexentries"].items() for doc, anchor, _main in hits if doc == glossary
    }
    missing = sorted(term for term, id_ in expected.items() if found.get(term) != id_)
    assert missing == [], f"glossary terms the search page cannot find at their entry: {missing}"
    # Words from the definitions are indexed too, so a search for one finds the glossary page.
    assert glossary in index["terms"]["pseudonym"]


@pytest.mark.parametrize("page", ["overview/index.html", "principles/fairness.html", "reference/data.html"])
def test_linked_terms_point_at_existing_glossary_entries(built_site: BuiltSite, page: str) -> None:
    ids = {dt["id"] for dt in soup(built_site.path / "glossary.html").select("dl.glossary > dt[id]")}
    article = main_article(soup(built_site.path / page))
    fragments = [a["href"].split("#", 1)[1] for a in article.select('a[href*="glossary.html#"]')]
    assert fragments, f"{page} links no glossary term"
    assert set(fragments) <= ids
