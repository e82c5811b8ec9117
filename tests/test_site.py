"""The real site: builds cleanly, every resource is reachable, no link is broken."""

from __future__ import annotations

import pytest
from conftest import BuiltSite
from sitemap import GENERATED, ids, internal_links, pages, reachable, soup

#: The seven resources, plus the overview and this edition's notes, by landing page.
LANDING_PAGES = {
    "overview/index.html": "toolkit overview",
    "introduction/index.html": "Introduction to Responsible AI Innovation",
    "principles/index.html": "Principles for Responsible AI Innovation",
    "roadmap/index.html": "Organizational Roadmap",
    "readiness/index.html": "Organizational Readiness Assessment Questionnaire",
    "risk-assessment/index.html": "Risk Assessment Questionnaire",
    "workbook/index.html": "Responsible AI Innovation in Action Workbook",
    "reference/index.html": "Technical Reference Book",
    "about.html": "About this edition",
}


def test_site_builds_without_warnings(built_site: BuiltSite) -> None:
    assert built_site.warnings.strip() == ""


@pytest.mark.parametrize("landing", sorted(LANDING_PAGES))
def test_resource_is_in_home_navigation(built_site: BuiltSite, landing: str) -> None:
    nav = soup(built_site.path / "index.html").select_one(".sidebar-tree")
    assert nav is not None, "home page has no navigation tree"
    targets = {target for _href, target, _f in internal_links(built_site.path, "index.html")}
    nav_hrefs = {a["href"] for a in nav.find_all("a", href=True)}
    assert landing in nav_hrefs, f"{LANDING_PAGES[landing]} missing from the navigation"
    assert landing in targets


def test_every_page_is_reachable_from_home(built_site: BuiltSite) -> None:
    wanted = set(pages(built_site.path)) - GENERATED
    missing = wanted - reachable(built_site.path)
    assert missing == set(), f"pages no link leads to: {sorted(missing)}"


def test_no_internal_link_is_broken(built_site: BuiltSite) -> None:
    broken = []
    for page in pages(built_site.path):
        for href, target, fragment in internal_links(built_site.path, page):
            if not (built_site.path / target).is_file():
                broken.append(f"{page}: {href} (no file {target})")
            elif target.endswith(".html") and fragment and fragment not in ids(built_site.path, target):
                broken.append(f"{page}: {href} (no id {fragment!r} in {target})")
    assert broken == []


def test_every_page_has_one_h1_and_a_language(built_site: BuiltSite) -> None:
    problems = []
    for page in sorted(set(pages(built_site.path)) - GENERATED):
        document = soup(built_site.path / page)
        if len(document.select("article h1")) != 1:
            problems.append(f"{page}: {len(document.select('article h1'))} h1 in the article")
        if not document.html.get("lang"):
            problems.append(f"{page}: no lang attribute")
    assert problems == []


PLACEHOLDERS = ("coming soon", "tbd", "todo", "lorem ipsum", "under construction", "to be written")


def test_no_page_is_a_placeholder(built_site: BuiltSite) -> None:
    found = []
    for page in sorted(set(pages(built_site.path)) - GENERATED):
        text = " ".join(soup(built_site.path / page).select_one("article").get_text(" ").lower().split())
        found += [f"{page}: {word!r}" for word in PLACEHOLDERS if f" {word} " in f" {text} "]
    assert found == []
