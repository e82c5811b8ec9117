"""site_a11y's table boxes: every table's scroll box is a focusable region with a distinct name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite
from sitemap import pages, soup


@pytest.mark.sphinx("html", testroot="scroll-regions")
def test_each_table_box_is_a_focusable_region_named_by_caption_or_section(app: Any) -> None:
    app.build()
    document = BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    boxes = document.select("div.table-wrapper")
    assert [(box["role"], box["tabindex"], box["aria-label"]) for box in boxes] == [
        ("region", "0", "Table: Likelihood scale"),
        ("region", "0", "Table 1 in “Two tables”"),
        ("region", "0", "Table 2 in “Two tables”"),
        ("region", "0", "Table in “Below”"),
    ]
    assert all(box.find("table") is not None for box in boxes)


def test_every_table_box_on_the_site_has_a_name_unique_on_its_page(built_site: BuiltSite) -> None:
    for page in pages(built_site.path):
        boxes = soup(built_site.path / page).select("div.table-wrapper")
        names = [box.get("aria-label") for box in boxes]
        assert all(names), page
        assert all(box.get("role") == "region" and box.get("tabindex") == "0" for box in boxes), page
        assert len(set(names)) == len(names), (page, names)
