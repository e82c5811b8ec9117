"""A way into the tools: the home page leads to each questionnaire's own heading, which is in "On
this page", a keyboard user reaches the first answer in a few Tab presses, the result panel puts
the verdict first, and a page opened from disk says how to serve the site."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, PageGuard, open_live
from playwright.sync_api import expect

#: Each tool as the home page offers it: the page, its heading's anchor, its questionnaire.
TOOLS = [
    ("Does the toolkit apply to my AI system?", "overview/index.html", "overview-applicability-check", "applicability"),
    ("Assess the risks of one AI system", "risk-assessment/index.html", "risk-assessment-form", "risk"),
    ("Check the organization’s readiness", "readiness/index.html", "readiness-form", "readiness"),
    ("Keep the record of a system", "workbook/index.html", "workbook-form", "workbook"),
]
#: The record bar (record, name, new, delete) comes before the first question by design: it says
#: whose answers these are. Counted from the heading, the first answer is at most this many Tabs away.
MOST_TABS = 7


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_the_home_page_leads_straight_to_the_four_tools_starting_with_applicability(built_site: BuiltSite) -> None:
    tools = _soup(built_site.path, "index.html").find(id="home-tools")
    assert tools is not None, "the home page has a 'Use the tools' section"
    first_section = _soup(built_site.path, "index.html").select("section#home-page > section")[0]
    assert first_section.get("id") == "home-tools", "the tools come before the seven resources"
    cards = tools.select(".sd-card")
    assert [card.select_one(".sd-card-title").get_text(" ", strip=True) for card in cards] == [
        f"{number}. {title}" for number, (title, *_rest) in enumerate(TOOLS, 1)
    ]
    for card, (_title, page, anchor, _qid) in zip(cards, TOOLS, strict=True):
        assert card.select_one("a.sd-stretched-link")["href"] == f"{page}#{anchor}"


@pytest.mark.parametrize(("title", "page", "anchor", "questionnaire"), TOOLS, ids=[t[3] for t in TOOLS])
def test_each_questionnaire_has_its_own_heading_in_on_this_page(
    built_site: BuiltSite, title: str, page: str, anchor: str, questionnaire: str
) -> None:
    html = _soup(built_site.path, page)
    section = html.find(id=anchor)
    assert section is not None and section.name == "section"
    # The form is in that heading's own section, not in a later one.
    assert section.select_one(f'form[data-questionnaire="{questionnaire}"]') is not None
    assert section.find(re.compile("^h[1-6]$")).get_text() not in ("", None)
    toc = html.select_one(".toc-drawer .toc-tree")
    assert toc is not None and toc.select_one(f'a[href="#{anchor}"]') is not None


def test_no_result_panel_names_an_internal_method(built_site: BuiltSite) -> None:
    for _title, page, _anchor, questionnaire in TOOLS:
        panel = _soup(built_site.path, page).select_one(
            f'form[data-questionnaire="{questionnaire}"] .questionnaire-result'
        )
        words = panel.get_text(" ")
        for name in ("any-yes", "matrix-max", "banded-mean", "progress method"):
            assert name not in words, (page, name)
        # The verdict first, what to do next right after it; "why" folded away.
        children = [child for child in panel.children if getattr(child, "name", None)]
        assert "result-overall" in children[1]["class"] and "result-recommendations" in children[2]["class"]
        assert panel.select_one("details.result-why-box").get("open") is None


@pytest.mark.browser
@pytest.mark.parametrize("tool", TOOLS, ids=[t[3] for t in TOOLS])
def test_a_keyboard_user_reaches_the_first_answer_in_a_few_tabs_from_the_heading(
    page: Any, guard: PageGuard, tool: tuple[str, str, str, str]
) -> None:
    _title, path, anchor, questionnaire = tool
    form = f'form[data-questionnaire="{questionnaire}"]'
    open_live(page, f"{path}#{anchor}", form)
    page.goto(f"{path}#{anchor}")  # following "On this page": focus starts at the heading
    expect(page.locator(form)).to_have_attribute("data-ready", "true")
    script = "() => [!!document.activeElement.closest('form[data-questionnaire]'), document.activeElement.name]"
    name = None
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        in_form, name = page.evaluate(script)
        if in_form and name:
            break
    else:
        raise AssertionError(f"no answer reached in {MOST_TABS} Tab presses from #{anchor}")
    first = page.locator(f"{form} [name]").first.get_attribute("name")
    assert name == first, f"Tab reached {name} first, not the first question's {first}"
    guard.assert_clean()


@pytest.mark.browser
def test_one_decisive_answer_says_the_rest_cannot_change_the_result(page: Any, guard: PageGuard) -> None:
    form = 'form[data-questionnaire="applicability"]'
    open_live(page, "overview/index.html", form)
    summary = page.locator(f'{form} [data-result="overall"] [data-role="summary"]')
    page.locator(f'{form} input[name="core-functions"][value="no"]').check()
    expect(summary).to_have_text("Not complete yet: 2 question(s) still need an answer.")
    page.locator(f'{form} input[name="core-functions"][value="yes"]').check()
    expect(summary).to_have_text("Answering the rest cannot change this result (2 question(s) not answered yet).")
    expect(page.locator(f'{form} [data-result="overall"]')).to_have_attribute("data-settled", "true")
    expect(page.locator(f"{form} details.result-why-box")).not_to_have_attribute("open", re.compile(".*"))
    guard.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("overview/index.html", 'form[data-questionnaire="applicability"]'),
        ("risk-assessment/index.html", 'form[data-questionnaire="risk"]'),
        ("check-report.html", "[data-questionnaire-check]"),
    ],
    ids=["applicability", "risk", "check"],
)
def test_a_page_opened_from_disk_says_to_serve_the_site_over_http(
    page: Any, built_site: BuiltSite, path: str, selector: str
) -> None:
    page.goto((built_site.path / path).resolve().as_uri())
    status = page.locator(f'{selector} [data-role="status"]')
    expect(page.locator(selector)).to_have_attribute("data-ready", "failed")
    expect(status).to_contain_text("opened as a file from disk")
    expect(status).to_contain_text("make serve")
    expect(status).to_contain_text("web server")
