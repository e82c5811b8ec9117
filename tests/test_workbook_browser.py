"""The Workbook on the built site, as a team keeps it: stages filled in over time, action rows added
and removed, two systems' records, reload, a saved file loaded back, actions imported from the risk
and readiness records of the same browser (twice, without duplicates), and the printed record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, start_print, wait_live
from playwright.sync_api import expect
from test_accessibility import _violations

pytestmark = pytest.mark.browser
FORM = 'form[data-questionnaire="workbook"]'
PAGE = "workbook/index.html"
RISK = 'form[data-questionnaire="risk"]'
READINESS = 'form[data-questionnaire="readiness"]'


def _open(page: Any, url: str = PAGE, form: str = FORM) -> Any:
    return open_live(page, url, form).locator(form)


def _add_row(page: Any, table: str) -> int:
    """Add a row to a table; its index."""
    rows = page.locator(f'{FORM} [data-rows="{table}"] > fieldset')
    count = rows.count()
    page.locator(f'{FORM} button[data-action="add-row"][data-question="{table}"]').click()
    expect(rows).to_have_count(count + 1)
    return count


def _cell(page: Any, table: str, row: int, column: str) -> Any:
    return page.locator(f'{FORM} [name="{table}.{row}.{column}"]')


def _download(page: Any, form: str, action: str) -> str:
    with page.expect_download() as info:
        page.locator(f'{form} button[data-action="{action}"]').click()
    return Path(info.value.path()).read_bytes().decode("utf-8")  # CSV lines end in CRLF: keep them


def _progress(page: Any, stage: str) -> Any:
    return page.locator(f'{FORM} [data-progress-section="{stage}"]')


def _fill_system(page: Any, name: str) -> None:
    page.locator(f'{FORM} input[name="system"]').fill(name)
    page.locator(f'{FORM} input[name="owner"]').fill("Deputy chief, crime")


def test_stages_fill_in_rows_come_and_go_and_progress_follows(page: Any, guard: PageGuard) -> None:
    _open(page)
    overall = page.locator(f'{FORM} [data-result="overall"]')
    expect(overall).to_have_attribute("data-progress", "0")
    expect(_progress(page, "decide")).to_have_attribute("data-progress", "0")
    _fill_system(page, "Face matching")
    page.locator(f'{FORM} textarea[name="decide-objectives"]').fill("Decide whether image search is needed.")
    row = _add_row(page, "decide-team")
    _cell(page, "decide-team", row, "name").fill("Ana Ruiz")
    _cell(page, "decide-team", row, "role").fill("Project lead")
    page.locator(f'{FORM} input[name="decide-principles"][value="necessity"]').check()
    # 3 of the 7 fields of "decide" are written down: 43 %.
    expect(_progress(page, "decide")).to_have_attribute("data-progress", "43")
    page.locator(f'{FORM} input[name="test-principles"][value="accuracy"]').check()
    expect(_progress(page, "test")).to_have_attribute("data-progress", "14")
    # Actions: three rows, one overdue, then the middle one removed.
    for action, due in [
        ("Ask the supplier for test results", "2020-01-31"),
        ("Brief the examiners", ""),
        ("Draft the notice", "2999-01-01"),
    ]:
        index = _add_row(page, "test-actions")
        _cell(page, "test-actions", index, "action").fill(action)
        if due:
            _cell(page, "test-actions", index, "due").fill(due)
    late = page.locator(f'{FORM} [data-row="test-actions.0"]')
    expect(late).to_have_attribute("data-overdue", "true")
    expect(late.locator('[data-role="row-status"]')).to_contain_text("Overdue: it was due on 2020-01-31.")
    _cell(page, "test-actions", 0, "status").select_option("done")
    expect(late).to_have_attribute("data-overdue", "false")
    page.locator(f'{FORM} button[data-action="remove-row"][data-question="test-actions"][data-index="1"]').click()
    expect(page.locator(f'{FORM} [data-rows="test-actions"] > fieldset')).to_have_count(2)
    expect(_cell(page, "test-actions", 1, "action")).to_have_value("Draft the notice")
    expect(_progress(page, "test")).to_have_attribute("data-progress", "29")
    # The whole record: 2 system fields + 3 in decide + 2 in test, of 5 + 6 x 7 = 47 expected fields.
    expect(overall).to_have_attribute("data-progress", "15")
    expect(overall).to_have_attribute("data-level", "in-progress")
    plan = _download(page, FORM, "plan-csv")
    lines = plan.strip().split("\r\n")
    assert lines[0] == "Stage,Row,Action,Owner,Due date,Status,From,Overdue"
    assert lines[1].startswith("Stage 3: Testing and validation,1,Ask the supplier for test results,,2020-01-31,Done,")
    assert len(lines) == 3
    guard.assert_clean()


def test_two_systems_are_kept_apart_and_survive_a_reload(page: Any, guard: PageGuard) -> None:
    _open(page)
    _fill_system(page, "Face matching")
    page.locator(f'{FORM} input[data-records="name"]').fill("Face matching")
    page.locator(f'{FORM} input[data-records="name"]').blur()
    page.locator(f'{FORM} textarea[name="deploy-objectives"]').fill("Roll out to two units first.")
    page.locator(f'{FORM} button[data-action="new-record"]').click()
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("")
    _fill_system(page, "Report triage")
    page.locator(f'{FORM} input[data-records="name"]').fill("Report triage")
    page.locator(f'{FORM} input[data-records="name"]').blur()
    index = _add_row(page, "use-and-monitor-actions")
    _cell(page, "use-and-monitor-actions", index, "action").fill("Read every report from victims over 70")
    chooser = page.locator(f'{FORM} select[data-records="choose"]')
    chooser.select_option(label="Face matching")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Face matching")
    expect(page.locator(f'{FORM} textarea[name="deploy-objectives"]')).to_have_value("Roll out to two units first.")
    expect(page.locator(f'{FORM} [data-rows="use-and-monitor-actions"] > fieldset')).to_have_count(0)
    page.reload()
    wait_live(page, FORM)
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Face matching")
    expect(page.locator(f'{FORM} textarea[name="deploy-objectives"]')).to_have_value("Roll out to two units first.")
    chooser.select_option(label="Report triage")
    expect(_cell(page, "use-and-monitor-actions", 0, "action")).to_have_value("Read every report from victims over 70")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Report triage")
    guard.assert_clean()


def test_a_saved_file_loads_back_as_the_same_record(page: Any, guard: PageGuard, tmp_path: Path) -> None:
    _open(page)
    _fill_system(page, "Face matching")
    page.locator(f'{FORM} input[name="path"][value="procure"]').check()
    page.locator(f'{FORM} textarea[name="design-or-procure-objectives"]').fill("Buy a product that logs every search.")
    row = _add_row(page, "design-or-procure-decisions")
    _cell(page, "design-or-procure-decisions", row, "decision").fill("Require audit logs in the contract")
    _cell(page, "design-or-procure-decisions", row, "date").fill("2026-10-01")
    page.locator(f'{FORM} input[name="review-or-retire-principles"][value="accountability"]').check()
    row = _add_row(page, "sign-off")
    _cell(page, "sign-off", row, "name").fill("R. Okafor")
    saved = json.loads(_download(page, FORM, "save"))
    path = tmp_path / "face-matching.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    # A colleague's browser: nothing stored, the file loaded into the empty form.
    page.evaluate("() => window.localStorage.clear()")
    _open(page)
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("")
    page.locator(f'{FORM} input[data-action="load"]').set_input_files(str(path))
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Face matching")
    expect(_cell(page, "design-or-procure-decisions", 0, "decision")).to_have_value(
        "Require audit logs in the contract"
    )
    again = json.loads(_download(page, FORM, "save"))
    assert again["answers"] == saved["answers"]
    assert again["notes"] == saved["notes"]
    assert saved["answers"]["sign-off"] == [{"name": "R. Okafor"}]
    guard.assert_clean()


def _risk_record(page: Any) -> None:
    """A risk assessment of "Face matching" with two items rated high or worse and one low."""
    form = _open(page, "risk-assessment/index.html", RISK)
    form.locator('input[name="system"]').fill("Face matching")
    items = form.locator("fieldset.question-rating").evaluate_all(
        "els => els.map(e => e.getAttribute('data-question'))"
    )
    for item, likelihood, impact in [
        (items[0], "likely", "severe"),
        (items[5], "possible", "major"),
        (items[9], "rare", "minor"),
    ]:
        form.locator(f'input[name="{item}.likelihood"][value="{likelihood}"]').check()
        form.locator(f'input[name="{item}.impact"][value="{impact}"]').check()
    expect(form.locator('[data-result="overall"]')).to_have_attribute("data-level", "extremely-high")
    expect(form.locator('[data-role="storage"]')).to_contain_text("Saved in this browser")


def _readiness_record(page: Any) -> None:
    """A readiness review with two areas below Established."""
    form = _open(page, "readiness/index.html", READINESS)
    form.locator('input[data-records="name"]').fill("2026 review")
    form.locator('input[data-records="name"]').blur()
    for statement, answer in [
        ("executive-lead", "full"),
        ("ai-inventory", "not-in-place"),
        ("datasets-listed", "initial"),
    ]:
        form.locator(f'input[name="{statement}"][value="{answer}"]').check()
    expect(form.locator('[data-priority="data-management-and-protection"]')).to_be_visible()
    expect(form.locator('[data-role="storage"]')).to_contain_text("Saved in this browser")


def test_actions_are_imported_from_risk_and_readiness_once(page: Any, guard: PageGuard) -> None:
    _risk_record(page)
    _readiness_record(page)
    _open(page)
    offers = page.locator(f'{FORM} [data-role="import-offers"]')
    expect(offers.locator("button")).to_have_count(2)
    _fill_system(page, "Face matching")
    # The risk assessment of the same system is offered first, and says so.
    first = offers.locator("button").first
    expect(first).to_contain_text("(the same system)")
    expect(first).to_contain_text("2 proposed action(s)")
    page.locator(f'{FORM} select[data-import="target"]').select_option("test-actions")
    first.click()
    message = page.locator(f'{FORM} [data-role="message"]')
    expect(message).to_contain_text("Added 2 proposed action(s)")
    rows = page.locator(f'{FORM} [data-rows="test-actions"] > fieldset')
    expect(rows).to_have_count(2)
    first_action = _cell(page, "test-actions", 0, "action").input_value()
    assert first_action.startswith("Reduce the risk: ")
    assert "(rated Extremely high (20); principle: " in first_action
    expect(_cell(page, "test-actions", 0, "status")).to_have_value("proposed")
    source = rows.first.locator('[data-role="row-source"]')
    expect(source).to_be_visible()
    href = source.get_attribute("href") or ""
    assert href.startswith("../risk-assessment/index.html#q-risk-q-"), href
    # Again: nothing new is added, into this table or another.
    first.click()
    expect(message).to_contain_text("Added 0 proposed action(s)")
    expect(message).to_contain_text("2 were already in this record")
    page.locator(f'{FORM} select[data-import="target"]').select_option("decide-actions")
    first.click()
    expect(page.locator(f'{FORM} [data-rows="decide-actions"] > fieldset')).to_have_count(0)
    # The readiness review's priorities, twice.
    readiness = offers.locator("button", has_text="2026 review")
    readiness.click()
    expect(message).to_contain_text("Added 2 proposed action(s)")
    readiness.click()
    expect(message).to_contain_text("Added 0 proposed action(s)")
    decide = page.locator(f'{FORM} [data-rows="decide-actions"] > fieldset')
    expect(decide).to_have_count(2)
    expect(_cell(page, "decide-actions", 0, "action")).to_have_value(
        "Raise readiness in Governance and accountability (now Starting (0.00))"
    )
    link = decide.first.locator('[data-role="row-source"]')
    assert link.get_attribute("href") == "../readiness/index.html#q-readiness-section-governance-and-accountability"
    # Each proposed row can be accepted, edited or removed.
    _cell(page, "test-actions", 0, "status").select_option("open")
    _cell(page, "test-actions", 1, "action").fill("Test the matcher on local images")
    _cell(page, "test-actions", 1, "owner").fill("Forensic imaging lead")
    page.locator(f'{FORM} button[data-action="remove-row"][data-question="decide-actions"][data-index="1"]').click()
    expect(decide).to_have_count(1)
    saved = json.loads(_download(page, FORM, "save"))
    test_rows = saved["answers"]["test-actions"]
    assert [row["status"] for row in test_rows] == ["open", "proposed"]
    assert test_rows[1]["action"] == "Test the matcher on local images"
    assert all(row["source"].startswith("risk-assessment/index.html#q-risk-q-") for row in test_rows)
    # The imported rows, their links and the offers meet WCAG 2.2 AA.
    assert _violations(page) == []
    guard.assert_clean()


def test_the_printed_record_holds_every_entry_and_a_sign_off_block(page: Any, guard: PageGuard) -> None:
    _open(page)
    _fill_system(page, "Face matching")
    entries = {
        'textarea[name="decide-objectives"]': "Decide whether image search is needed.",
        'textarea[name="deploy-objectives"]': "Roll out to two units first.",
        'textarea[name="review-or-retire-objectives"]': "Decide on renewal after a year.",
    }
    for selector, text in entries.items():
        page.locator(f"{FORM} {selector}").fill(text)
    index = _add_row(page, "use-and-monitor-actions")
    long_action = "Audit a sample of searches each month. " * 12
    _cell(page, "use-and-monitor-actions", index, "action").fill(long_action)
    start_print(page, FORM)
    for selector, text in entries.items():
        expect(page.locator(f"{FORM} {selector}")).to_be_visible()
        expect(page.locator(f"{FORM} {selector}")).to_have_value(text)
    action = _cell(page, "use-and-monitor-actions", 0, "action")
    expect(action).to_be_visible()
    # All of a long entry is on paper: its box grows to its text instead of scrolling.
    assert action.evaluate("el => el.scrollHeight <= el.clientHeight + 1"), "the printed text is cut off"
    for selector in entries:
        assert page.locator(f"{FORM} {selector}").evaluate("el => el.scrollHeight <= el.clientHeight + 1")
    expect(page.locator(f'{FORM} input[name="system"]')).to_be_visible()
    # No one has signed yet: a blank block to sign by hand.
    blank = page.locator(f'{FORM} [data-table="sign-off"] [data-role="table-empty"]')
    expect(blank).to_be_visible()
    expect(blank.locator(".signature-line")).to_be_visible()
    expect(blank).to_contain_text("Name:")
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(blank.locator(".signature-line")).to_be_hidden()
    index = _add_row(page, "sign-off")
    _cell(page, "sign-off", index, "name").fill("R. Okafor")
    page.emulate_media(media="print")
    expect(page.locator(f'{FORM} [data-row="sign-off.0"] .signature-line')).to_be_visible()
    expect(blank).to_be_hidden()
    guard.assert_clean()
