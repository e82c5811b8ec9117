"""Faults, per instrument, in Chromium: storage blocked, full or holding corrupt data loses no answer
on screen and tells the reader to save to a file; a Python runtime that is blocked or fails leaves
the form readable and printable, shows the scoring rules and says automatic scoring is unavailable."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import PageGuard, open_live
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

#: Each instrument's page and one answer a reader gives there.
PAGES = {
    "applicability": ("overview/index.html", 'input[name="core-functions"][value="yes"]'),
    "risk": ("risk-assessment/index.html", 'input[name="path"][value="procure"]'),
    "readiness": ("readiness/index.html", 'input[name="executive-lead"][value="full"]'),
    "workbook": ("workbook/index.html", 'input[name="path"][value="build"]'),
}
STORAGE_FAULTS = {
    "blocked": "Object.defineProperty(window, 'localStorage', "
    "{get() { throw new DOMException('blocked', 'SecurityError'); }})",
    "full": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
}
#: What the site's own storage wrapper and the theme log when storage is refused on purpose.
EXPECTED_NOISE = ("blocked", "SecurityError: blocked", "full", "QuotaExceededError: full")


def _form(name: str) -> str:
    return f'form[data-questionnaire="{name}"]'


@pytest.mark.parametrize("fault", sorted(STORAGE_FAULTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_storage_blocked_or_full_keeps_every_answer_and_says_to_save_a_file(
    page: Any, guard: PageGuard, name: str, fault: str
) -> None:
    path, answer = PAGES[name]
    form = _form(name)
    page.add_init_script(STORAGE_FAULTS[fault])
    open_live(page, path, form)
    page.locator(f"{form} {answer}").check()
    page.locator(f'{form} textarea[name="note:general"]').fill("kept on screen")
    storage = page.locator(f'{form} [data-role="storage"]')
    expect(storage).to_contain_text("does not allow saving here")
    expect(storage).to_contain_text("Save to file")
    expect(page.locator(f"{form} {answer}")).to_be_checked()
    expect(page.locator(f'{form} textarea[name="note:general"]')).to_have_value("kept on screen")
    guard.console_errors[:] = [e for e in guard.console_errors if e.strip() not in EXPECTED_NOISE]
    guard.assert_clean()


@pytest.mark.parametrize("name", list(PAGES))
def test_corrupt_stored_data_is_reported_and_the_reader_told_to_save_a_file(
    page: Any, guard: PageGuard, name: str
) -> None:
    path, answer = PAGES[name]
    form = _form(name)
    corrupt = (
        f'localStorage.setItem(\'aitk:records:{name}\', \'{{"current": "r1", "next": 2, '
        f'"records": [{{"id": "r1", "name": "Old", "updated": "2026-01-01"}}]}}\');'
        f"localStorage.setItem('aitk:record:{name}:r1', '{{\"answers\": [1, 2], \"notes\": {{{{');"
    )
    page.add_init_script(corrupt)
    open_live(page, path, form)
    storage = page.locator(f'{form} [data-role="storage"]')
    expect(storage).to_contain_text("could not be read")
    expect(storage).to_contain_text("Save to file")
    page.locator(f"{form} {answer}").check()
    expect(page.locator(f"{form} {answer}")).to_be_checked()
    assert any("stored answers refused" in e for e in guard.console_errors), guard.console_errors
    guard.console_errors.clear()  # the refusal is logged on purpose
    guard.assert_clean()


def _break_runtime(page: Any, how: str) -> None:
    if how == "blocked":
        page.route("**/micropython.mjs*", lambda route: route.abort())
    else:
        # The engine itself fails as it starts: its scoring module raises on import.
        page.route(
            "**/engine/scoring.py*",
            lambda route: route.fulfill(status=200, content_type="text/plain", body="raise RuntimeError('broken')\n"),
        )


@pytest.mark.parametrize("how", ["blocked", "failing"])
@pytest.mark.parametrize("name", list(PAGES))
def test_without_a_working_runtime_the_form_stays_usable_and_says_scoring_is_unavailable(
    page: Any, guard: PageGuard, name: str, how: str
) -> None:
    path, answer = PAGES[name]
    form = _form(name)
    _break_runtime(page, how)
    page.goto(path)
    status = page.locator(f'{form} [data-role="status"]')
    expect(page.locator(form)).to_have_attribute("data-ready", "failed", timeout=25000)
    expect(status).to_contain_text("Automatic scoring is unavailable")
    # Readable and answerable: the questions are plain HTML.
    page.locator(f"{form} {answer}").check()
    expect(page.locator(f"{form} {answer}")).to_be_checked()
    # The rules to score on paper are on the page, on screen and in print.
    container = page.locator(".questionnaire", has=page.locator(form))
    rules = container.locator(".questionnaire-how").first
    expect(rules).to_be_visible()
    expect(rules).to_contain_text("How this is scored")
    page.emulate_media(media="print")
    expect(page.locator(f"{form} {answer}")).to_be_visible()
    expect(rules).to_be_visible()
    guard.console_errors.clear()  # the blocked or broken runtime is logged; that is this test's point
    guard.failed_requests.clear()
    guard.external_requests[:] = [u for u in guard.external_requests if "micropython" not in u]
    guard.assert_clean()
