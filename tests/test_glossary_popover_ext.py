"""The glossary_popover extension: each page carries only the definitions of the terms it links, escaped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from glossary_popover.definitions import first_sentence
from json_data import script_safe_json


def parsed(app: Any, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def definitions_block(document: BeautifulSoup) -> Any:
    return document.find("script", id="glossary-definitions")


@pytest.mark.sphinx("html", testroot="glossary-popover")
def test_page_carries_only_the_definitions_of_the_terms_it_links(app: Any) -> None:
    app.build()
    block = definitions_block(parsed(app, "sub/uses.html"))
    assert block is not None and block["type"] == "application/json"
    payload = json.loads(block.string)
    assert sorted(payload) == ["term-false-alarm", "term-hotspot"]  # not "recall", which the page never links
    assert payload["term-false-alarm"] == {
        "term": "false alarm",
        "definition": "An alarm about a case that is not a real case.",
    }


@pytest.mark.sphinx("html", testroot="glossary-popover")
def test_definitions_cannot_break_out_of_their_script_element(app: Any) -> None:
    app.build()
    document = parsed(app, "sub/uses.html")
    raw = (Path(app.outdir) / "sub" / "uses.html").read_text(encoding="utf-8")
    block = definitions_block(document)
    assert "<" not in block.string and ">" not in block.string and "&" not in block.string
    assert json.loads(block.string)["term-hotspot"]["definition"] == (
        "A place with </script><script>alert(1)</script> & <!-- many incidents."
    )
    assert len(document.find_all("script", string=lambda s: s and "alert(1)" in s)) == 1  # only the data block
    assert "<script>alert(1)" not in raw


@pytest.mark.sphinx("html", testroot="glossary-popover")
def test_pages_without_term_links_get_no_data_script_or_styles(app: Any) -> None:
    app.build()
    plain = parsed(app, "plain.html")
    assert definitions_block(plain) is None
    assert not plain.select('script[src*="glossary-popover"], link[href*="glossary-popover"]')
    uses = parsed(app, "sub/uses.html")
    # Files are in _static/ before pages are written, so each link carries a ?v= checksum stamp.
    assert [s["src"].split("?v=")[0] for s in uses.select('script[src*="glossary-popover"]')] == [
        "../_static/glossary-popover/glossary-popover.js"
    ]
    assert [link["href"].split("?v=")[0] for link in uses.select('link[href*="glossary-popover"]')] == [
        "../_static/glossary-popover/glossary-popover.css"
    ]
    assert all(
        "?v=" in tag.get("src", tag.get("href"))
        for tag in uses.select('[src*="glossary-popover"], [href*="glossary-popover"]')
    )
    static = Path(app.outdir) / "_static" / "glossary-popover"
    assert (static / "glossary-popover.js").is_file() and (static / "glossary-popover.css").is_file()


@pytest.mark.sphinx("text", testroot="glossary-popover")
def test_other_builders_skip_the_data_block(app: Any) -> None:
    app.build()
    assert "term-hotspot" not in (Path(app.outdir) / "sub" / "uses.txt").read_text(encoding="utf-8")


def test_the_script_uses_no_absolute_url_and_no_inner_html() -> None:
    script = (Path(__file__).parent.parent / "extensions/glossary_popover/static/glossary-popover.js").read_text()
    assert "://" not in script and "innerHTML" not in script and "insertAdjacentHTML" not in script


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("One sentence. Another one.", "One sentence."),
        ("Wrapped\n   over lines. Next.", "Wrapped over lines."),
        ("A score of 0.7 is high. Next.", "A score of 0.7 is high."),
        ("Only one sentence", "Only one sentence"),
    ],
)
def test_short_definition_is_the_first_sentence(text: str, first: str) -> None:
    assert first_sentence(text) == first


def test_script_safe_json_escapes_markup_characters() -> None:
    text = script_safe_json({"d": "</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"d": "</script> & <!--"}
