"""The applicability check on the built site, in real Chromium, as a user meets it."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, start_print, wait_live
from playwright.sync_api import expect
from serve import SiteHandler, serving

PAGE = "overview/index.html"
FORM = 'form[data-questionnaire="applicability"]'
OVERALL = f'{FORM} [data-result="overall"]'

pytestmark = pytest.mark.browser


def _open(page: Any) -> Any:
    return open_live(page, PAGE, FORM).locator(FORM)


def _answer(page: Any, question: str, option: str) -> None:
    page.locator(f'{FORM} input[name="{question}"][value="{option}"]').check()


def test_result_is_not_assessed_until_answered_then_updates_live(page: Any, guard: PageGuard) -> None:
    _open(page)
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "not-assessed")
    _answer(page, "core-functions", "no")
    _answer(page, "medium-or-higher-risk", "no")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "not-assessed")
    expect(page.locator(OVERALL)).to_have_attribute("data-complete", "false")
    _answer(page, "other-rights-effects", "no")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "core-principles")
    expect(page.locator(OVERALL)).to_have_attribute("data-complete", "true")
    _answer(page, "medium-or-higher-risk", "yes")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    expect(page.locator(f"{FORM} .result-why")).to_contain_text(
        "Because of these answers: Did the Risk Assessment Questionnaire find any risk rated medium, high or"
        " extremely high for this system? (Yes)"
    )
    expect(page.locator(f"{FORM} .result-why")).to_contain_text("version 1.1.0")
    expect(page.locator(f'{FORM} .result-recommendation[data-level="full-toolkit"]')).to_be_visible()
    expect(page.locator(f'{FORM} .result-recommendation[data-level="core-principles"]')).to_be_hidden()
    progress = page.locator(f'{FORM} [data-progress-section="questions"]')
    expect(progress).to_have_text("3 of 3 answered")
    expect(progress).to_have_attribute("data-progress", "100")
    guard.assert_clean()


def test_keyboard_alone_can_answer(page: Any, guard: PageGuard) -> None:
    _open(page)
    page.locator(f'{FORM} input[name="core-functions"][value="yes"]').focus()
    page.keyboard.press("Space")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    guard.assert_clean()


def test_answers_survive_a_reload_and_clear_asks_first(page: Any, guard: PageGuard) -> None:
    _open(page)
    _answer(page, "core-functions", "yes")
    page.locator(f'{FORM} textarea[name="note:general"]').fill("Pilot in the north district")
    expect(page.locator(f'{FORM} [data-role="storage"]')).to_contain_text("Saved in this browser")
    page.reload()
    _open(page)
    expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).to_be_checked()
    expect(page.locator(f'{FORM} textarea[name="note:general"]')).to_have_value("Pilot in the north district")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(f'{FORM} button[data-action="clear"]').click()
    expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'{FORM} button[data-action="clear"]').click()
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "not-assessed")
    page.reload()
    _open(page)
    expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).not_to_be_checked()
    guard.assert_clean()


def _save(page: Any, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.locator(f'{FORM} button[data-action="save"]').click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_save_and_load_round_trip(page: Any, guard: PageGuard, tmp_path: Path) -> None:
    _open(page)
    _answer(page, "core-functions", "no")
    _answer(page, "medium-or-higher-risk", "no")
    _answer(page, "other-rights-effects", "no")
    page.locator(f'{FORM} textarea[name="note:general"]').fill('Reviewed by <b>legal</b> & "ops"')
    saved = _save(page, tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "aitk-questionnaire-answers"
    assert data["questionnaire"] == {"id": "applicability", "version": "1.1.0"}
    assert data["answers"] == {"core-functions": "no", "medium-or-higher-risk": "no", "other-rights-effects": "no"}
    assert data["result"]["level"] == "core-principles"
    page.evaluate("() => localStorage.clear()")
    page.reload()
    _open(page)
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "not-assessed")
    page.locator(f'{FORM} input[data-action="load"]').set_input_files(str(saved))
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "core-principles")
    expect(page.locator(f'{FORM} textarea[name="note:general"]')).to_have_value('Reviewed by <b>legal</b> & "ops"')
    expect(page.locator(f'{FORM} [data-role="message"]')).to_contain_text("Loaded answers from")
    guard.assert_clean()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not a valid JSON file"),
        (
            json.dumps(
                {
                    "format": "aitk-questionnaire-answers",
                    "format_version": 1,
                    "questionnaire": {"id": "risk", "version": "1.0.0"},
                    "answers": {},
                }
            ),
            "not for",
        ),
        (
            json.dumps(
                {
                    "format": "aitk-questionnaire-answers",
                    "format_version": 99,
                    "questionnaire": {"id": "applicability", "version": "1.0.0"},
                    "answers": {},
                }
            ),
            "newer file format",
        ),
        (
            json.dumps(
                {
                    "format": "aitk-questionnaire-answers",
                    "format_version": 1,
                    "questionnaire": {"id": "applicability", "version": "1.0.0"},
                    "answers": {"core-functions": "maybe"},
                }
            ),
            "does not offer",
        ),
        (json.dumps({"format": "something-else"}), "not a saved-answers file"),
        ('{"padding": "' + "x" * 1_000_100 + '"}', "more than the 1000000 bytes this site accepts"),
        ("[1, 2, 3]", "does not hold a saved-answers object"),
    ],
    ids=["malformed", "other-questionnaire", "newer-format", "unknown-option", "foreign", "oversized", "not-object"],
)
def test_bad_file_is_refused_and_answers_on_screen_stay(
    page: Any, guard: PageGuard, tmp_path: Path, content: str, reason: str
) -> None:
    _open(page)
    _answer(page, "core-functions", "yes")
    page.locator(f'{FORM} textarea[name="note:general"]').fill("keep me")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.locator(f'{FORM} input[data-action="load"]').set_input_files(str(bad))
    message = page.locator(f'{FORM} [data-role="message"]')
    expect(message).to_contain_text("was not loaded and your answers on screen are unchanged")
    expect(message).to_contain_text(reason)
    expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).to_be_checked()
    expect(page.locator(f'{FORM} textarea[name="note:general"]')).to_have_value("keep me")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    guard.assert_clean()


def test_markdown_and_csv_reports_download(page: Any, guard: PageGuard, tmp_path: Path) -> None:
    _open(page)
    _answer(page, "core-functions", "yes")
    for action, suffix, expected in (("markdown", ".md", "# Report:"), ("csv", ".csv", "section,question_id")):
        with page.expect_download() as info:
            page.locator(f'{FORM} button[data-action="{action}"]').click()
        assert info.value.suggested_filename.endswith(suffix)
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        assert target.read_text(encoding="utf-8").startswith(expected)
    guard.assert_clean()


def test_print_view_shows_the_report_without_site_chrome(page: Any, guard: PageGuard) -> None:
    _open(page)
    _answer(page, "core-functions", "yes")
    start_print(page, FORM)
    header = page.locator(".questionnaire[data-printing] > .questionnaire-print-header")
    expect(header).to_be_visible()
    expect(header.locator('[data-role="print-date"]')).to_contain_text("Date:")
    expect(page.locator(OVERALL)).to_be_visible()
    expect(page.locator(f"{FORM} .result-why")).to_be_visible()
    expect(header).to_contain_text("(applicability, 1.1.0)")
    expect(page.locator(f"{FORM} .questionnaire-actions")).to_be_hidden()
    expect(page.locator(".sidebar-drawer")).to_be_hidden()
    expect(page.locator("article h1")).to_be_hidden()  # the rest of the page is left out
    expect(page.locator(f"{FORM} .result-recommendation[data-level='full-toolkit']")).to_be_visible()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("body")).not_to_have_attribute("data-printing-questionnaire", "true")
    guard.assert_clean()


def test_print_shows_notes_that_have_text(page: Any, guard: PageGuard) -> None:
    _open(page)
    page.locator(f"{FORM} details.questionnaire-note summary").first.click()
    page.locator(f'{FORM} textarea[name="note:core-functions"]').fill("Checked with the control room")
    page.locator(f"{FORM} details.questionnaire-note summary").first.click()  # closed again
    start_print(page, FORM)
    expect(page.locator(f'{FORM} textarea[name="note:core-functions"]')).to_be_visible()
    expect(page.locator(f'{FORM} textarea[name="note:medium-or-higher-risk"]')).to_be_hidden()
    guard.assert_clean()


def test_runtime_failure_is_said_plainly(page: Any, guard: PageGuard) -> None:
    page.route("**/micropython.mjs*", lambda route: route.abort())
    page.goto(PAGE)
    status = page.locator(f'{FORM} [data-role="status"]')
    expect(status).to_contain_text("could not start", timeout=25000)
    expect(page.locator(FORM)).to_have_attribute("data-ready", "failed")
    guard.console_errors.clear()  # the blocked interpreter is logged; that is this test's point
    guard.failed_requests.clear()
    guard.assert_clean()


@pytest.mark.parametrize(
    "breakage",
    [
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('blocked', 'SecurityError'); }})",
        "Storage.prototype.setItem = function () { throw new DOMException('blocked', 'QuotaExceededError'); };",
    ],
    ids=["storage-blocked", "storage-full"],
)
def test_without_storage_the_user_is_told_and_scoring_goes_on(page: Any, guard: PageGuard, breakage: str) -> None:
    page.add_init_script(breakage)
    _open(page)
    _answer(page, "core-functions", "yes")
    expect(page.locator(f'{FORM} [data-role="storage"]')).to_contain_text("does not allow saving here")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    _answer(page, "core-functions", "no")
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "not-assessed")
    # The theme's own scripts also read storage and log the simulated refusal; ours must log nothing.
    guard.console_errors[:] = [
        e for e in guard.console_errors if e.strip() not in ("blocked", "SecurityError: blocked")
    ]
    guard.assert_clean()


FOCUS_INFO = """() => {
    const el = document.activeElement;
    const shown = el.matches('input[type=file]') ? el.nextElementSibling : el;
    const style = getComputedStyle(shown);
    return {
        inForm: !!el.closest('form[data-questionnaire="applicability"]'),
        name: el.getAttribute('name') || '', action: el.getAttribute('data-action') || '', tag: el.tagName,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def test_keyboard_reaches_every_control_with_a_visible_focus(page: Any, guard: PageGuard) -> None:
    _open(page)
    page.locator(f'{FORM} input[name="core-functions"][value="yes"]').focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    reached = []
    for _ in range(40):
        info = page.evaluate(FOCUS_INFO)
        if not info["inForm"]:
            break
        reached.append(info)
        page.keyboard.press("Tab")
    names = {r["name"] for r in reached}
    actions = {r["action"] for r in reached}
    assert {"core-functions", "medium-or-higher-risk", "other-rights-effects", "note:general"} <= names
    assert {"save", "load", "print", "markdown", "csv", "clear"} <= actions
    assert [r for r in reached if not r["outline"]] == [], "every focused control shows a focus outline"
    guard.assert_clean()


def test_corrupt_saved_answers_are_reported_not_silently_dropped(page: Any, guard: PageGuard) -> None:
    page.add_init_script(
        'localStorage.setItem(\'aitk:questionnaire:applicability@1.0.0\', \'{"answers": {"core-functions": "maybe"}}\')'
    )
    _open(page)
    expect(page.locator(f'{FORM} [data-role="storage"]')).to_contain_text("could not be read")
    expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).not_to_be_checked()
    assert any("stored answers refused" in e for e in guard.console_errors), guard.console_errors
    guard.console_errors.clear()  # the refusal is logged on purpose
    guard.assert_clean()


def test_answers_saved_by_engine_2_move_into_a_first_record(page: Any, guard: PageGuard) -> None:
    legacy = json.dumps({"answers": {"core-functions": "no"}, "notes": {"general": "kept since 2025"}})
    page.add_init_script(
        "if (!localStorage.getItem('aitk:records:applicability'))"
        f" localStorage.setItem('aitk:questionnaire:applicability@1.0.0', {json.dumps(legacy)})"
    )
    _open(page)
    expect(page.locator(f'{FORM} [data-role="storage"]')).to_contain_text("are now in the record “First record”")
    expect(page.locator(f'{FORM} input[name="core-functions"][value="no"]')).to_be_checked()
    expect(page.locator(f'{FORM} textarea[name="note:general"]')).to_have_value("kept since 2025")
    assert page.evaluate("localStorage.getItem('aitk:questionnaire:applicability@1.0.0')") is None
    page.reload()
    wait_live(page, FORM)
    expect(page.locator(f'{FORM} input[name="core-functions"][value="no"]')).to_be_checked()
    expect(page.locator(f'{FORM} select[data-records="choose"] option')).to_have_text(["First record"])
    guard.assert_clean()


class _SlowHandler(SiteHandler):
    """Serves the site, holding back the files whose path contains ``slow_part`` for ``delay`` seconds."""

    slow_part = ""
    delay = 0.0

    def do_GET(self) -> None:
        if self.slow_part in self.path:
            time.sleep(self.delay)  # the server thread waits, not the test: the browser keeps loading the rest
        super().do_GET()


@contextlib.contextmanager
def _slow_site(site: Path, slow_part: str, delay: float) -> Iterator[str]:
    """The built site on a server that sends one file late; yields the page's URL.

    Nothing is cached, so the file is late on every visit, not only the first.
    """
    handler = type("Slow", (_SlowHandler,), {"slow_part": slow_part, "delay": delay})
    with serving(site, headers={"Cache-Control": "no-store"}, handler=handler) as base:
        yield base + PAGE


def _errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def test_page_starts_even_when_watchdog_js_arrives_late(page: Any, built_site: Any) -> None:
    # The glue reads window.aitkStorage, which watchdog.js defines. A classic script without defer
    # runs during parsing, before any module script, so however late it arrives the glue finds it.
    errors = _errors(page)
    with _slow_site(built_site.path, "watchdog.js", 1.5) as url:
        for _ in range(2):  # a cold load, then a warm one (a warm cache made the old race likelier)
            page.goto(url)
            wait_live(page, FORM)
            _answer(page, "core-functions", "yes")
            expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    assert [e for e in errors if "404" not in e] == []


def test_an_answer_given_before_the_engine_starts_is_kept_and_scored(page: Any, built_site: Any) -> None:
    # The interpreter's binary arrives 2.5 s late, so the form is on screen well before the engine.
    errors = _errors(page)
    choose = page.locator(f'{FORM} select[data-records="choose"]')
    with _slow_site(built_site.path, "micropython.wasm", 2.5) as url:
        page.goto(url)
        wait_live(page, FORM, timeout=30000)
        _answer(page, "core-functions", "yes")  # saved in this browser
        expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
        page.goto(url)
        expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).not_to_be_checked()
        _answer(page, "core-functions", "no")
        _answer(page, "medium-or-higher-risk", "no")
        # Given before the engine started: the form was still loading when both answers were given.
        assert page.locator(FORM).get_attribute("data-ready") == "false"
        wait_live(page, FORM, timeout=30000)
    # The new answers are on screen, scored, and kept in a record of their own...
    expect(page.locator(f'{FORM} input[name="core-functions"][value="no"]')).to_be_checked()
    expect(page.locator(OVERALL)).to_have_attribute("data-progress", "67")  # two of three answered
    expect(page.locator(f'{FORM} [data-role="message"]')).to_contain_text("First record")
    expect(choose.locator("option")).to_have_text(["First record", "Record 2"])
    # ...and the answers saved earlier are untouched in theirs.
    choose.select_option(label="First record")
    expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).to_be_checked()
    expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
    assert [e for e in errors if "404" not in e] == []


def test_an_answer_given_before_the_engine_starts_with_nothing_saved_stays_in_the_record(
    page: Any, built_site: Any
) -> None:
    with _slow_site(built_site.path, "micropython.wasm", 2.5) as url:
        page.goto(url)
        _answer(page, "core-functions", "yes")
        assert page.locator(FORM).get_attribute("data-ready") == "false"
        wait_live(page, FORM, timeout=30000)
        expect(page.locator(OVERALL)).to_have_attribute("data-level", "full-toolkit")
        expect(page.locator(f'{FORM} select[data-records="choose"] option')).to_have_text(["First record"])
        page.goto(url)  # saved once the engine started, so it is restored on the next visit
        wait_live(page, FORM, timeout=30000)
        expect(page.locator(f'{FORM} input[name="core-functions"][value="yes"]')).to_be_checked()
