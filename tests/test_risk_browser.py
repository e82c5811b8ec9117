"""The Risk Assessment Questionnaire on the built site, as a team fills it in: item, principle and
overall levels, the flagged list, completeness, and its result offered to the applicability check."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import PageGuard, open_live, rate, wait_live
from playwright.sync_api import expect
from toolkit_ids import PRINCIPLES

pytestmark = pytest.mark.browser
FORM = 'form[data-questionnaire="risk"]'
PAGE = "risk-assessment/index.html"


def _open(page: Any) -> Any:
    return open_live(page, PAGE, FORM).locator(FORM)


def _items(page: Any, principle: str) -> list[str]:
    return page.locator(f'{FORM} fieldset[data-principle="{principle}"]').evaluate_all(
        "els => els.map(e => e.getAttribute('data-question'))"
    )


def _rate(page: Any, item: str, likelihood: str, impact: str) -> None:
    rate(page, FORM, item, likelihood, impact)


def _level(page: Any, selector: str) -> Any:
    return expect(page.locator(f"{FORM} {selector}"))


def test_ratings_set_item_principle_and_overall_levels(page: Any, guard: PageGuard) -> None:
    _open(page)
    for core, groups in PRINCIPLES.items():
        for principle in [core, *groups]:
            _level(page, f'[data-result-principle="{principle}"]').to_have_attribute("data-level", "not-assessed")
    first, second = _items(page, "equality-and-non-discrimination")[:2]
    _rate(page, first, "possible", "severe")  # 15: high
    _level(page, f'[data-question="{first}"]').to_have_attribute("data-level", "high")
    _level(page, f'[data-question="{first}"]').to_have_attribute("data-score", "15")
    _rate(page, second, "rare", "minor")  # 2: low
    _level(page, f'[data-question="{second}"]').to_have_attribute("data-level", "low")
    _level(page, '[data-result-principle="equality-and-non-discrimination"]').to_have_attribute("data-level", "high")
    _level(page, '[data-result-principle="fairness"]').to_have_attribute("data-level", "high")
    _level(page, '[data-result-principle="privacy"]').to_have_attribute("data-level", "not-assessed")
    _level(page, '[data-result="overall"]').to_have_attribute("data-level", "high")
    # One item rated once does not count; a not-applicable item is left out.
    privacy = _items(page, "privacy")[0]
    page.locator(f'{FORM} input[name="{privacy}.likelihood"][value="almost-certain"]').check()
    _level(page, f'[data-question="{privacy}"]').to_have_attribute("data-level", "not-assessed")
    _level(page, '[data-result-principle="human-autonomy"]').to_have_attribute("data-level", "not-assessed")
    _rate(page, privacy, "almost-certain", "severe")  # 25: extremely high
    _level(page, '[data-result="overall"]').to_have_attribute("data-level", "extremely-high")
    page.locator(f'{FORM} input[name="{privacy}.not-applicable"]').check()
    _level(page, '[data-result="overall"]').to_have_attribute("data-level", "high")
    # The flagged list shows the high item, linked to the item and to its principle.
    flagged = page.locator(f'{FORM} [data-flag-item="{first}"]')
    expect(flagged).to_be_visible()
    expect(flagged).to_contain_text("High (15)")
    expect(flagged.locator(f'a[href="#q-risk-q-{first}"]')).to_have_count(1)
    expect(flagged.locator('a[href$="fairness.html#equality-and-non-discrimination"]')).to_have_count(1)
    expect(page.locator(f'{FORM} [data-flag-item="{second}"]')).to_be_hidden()
    guard.assert_clean()


def test_complete_only_when_every_item_is_rated_or_not_applicable(page: Any, guard: PageGuard) -> None:
    form = _open(page)
    boxes = form.locator('input[name$=".not-applicable"]')
    count = boxes.count()
    assert count >= 34
    for index in range(count - 1):
        boxes.nth(index).check()
    _level(page, '[data-result="overall"]').to_have_attribute("data-complete", "false")
    last = boxes.nth(count - 1).get_attribute("name").split(".")[0]
    _rate(page, last, "unlikely", "moderate")
    _level(page, '[data-result="overall"]').to_have_attribute("data-complete", "true")
    _level(page, '[data-result="overall"]').to_have_attribute("data-level", "medium")
    expect(form.locator('[data-view="heat-map"] [data-role="chart-summary"]')).to_contain_text("1 item(s) rated")
    guard.assert_clean()


def test_the_applicability_check_is_offered_the_saved_risk_result(page: Any, guard: PageGuard) -> None:
    _open(page)
    name = page.locator(f'{FORM} input[data-records="name"]')
    name.fill("Face matching")
    name.blur()
    _rate(page, _items(page, "legitimacy")[0], "likely", "major")  # 16: high
    _level(page, '[data-result="overall"]').to_have_attribute("data-level", "high")
    page.goto("overview/index.html")
    check = 'form[data-questionnaire="applicability"]'
    wait_live(page, check)
    offer = page.locator(f'{check} [data-suggest="medium-or-higher-risk"] button')
    expect(offer).to_have_text(re.compile(r"^Use “Face matching” \(High \(16\.00\), saved \d{4}-\d{2}-\d{2}\): Yes$"))
    expect(page.locator(f'{check} input[name="medium-or-higher-risk"][value="yes"]')).not_to_be_checked()
    offer.click()
    expect(page.locator(f'{check} input[name="medium-or-higher-risk"][value="yes"]')).to_be_checked()
    note = page.locator(f'{check} textarea[name="note:medium-or-higher-risk"]')
    expect(note).to_have_value(re.compile(r"^Answered from the saved record “Face matching”: High \(16\.00\), saved "))
    expect(page.locator(f'{check} [data-result="overall"]')).to_have_attribute("data-level", "full-toolkit")
    guard.assert_clean()


def test_not_assessed_yet_counts_as_yes_and_says_so(page: Any, guard: PageGuard) -> None:
    page.goto("overview/index.html")
    check = 'form[data-questionnaire="applicability"]'
    wait_live(page, check)
    expect(page.locator(f'{check} [data-suggest="medium-or-higher-risk"]')).to_be_hidden()
    page.locator(f'{check} input[name="medium-or-higher-risk"][value="not-assessed-yet"]').check()
    expect(page.locator(f'{check} [data-result="overall"]')).to_have_attribute("data-level", "full-toolkit")
    expect(page.locator(f"{check} .result-why")).to_contain_text("for this system? (Not assessed yet)")
    guard.assert_clean()
