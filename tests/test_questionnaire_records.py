"""New field types and records, as a reader meets them: tables, dates, checklists, long text,
progress, overdue actions, and named records that survive a reload and a saved file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, serving_test_root, wait_live
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
FORM = 'form[data-questionnaire="record"]'


@pytest.fixture(scope="module")
def fields_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The q-fields test root, built with the real runtime and served on loopback."""
    with serving_test_root(tmp_path_factory, "q-fields") as url:
        yield url


@pytest.fixture
def record_page(page: Any, guard: PageGuard, fields_url: str) -> Any:
    return open_live(page, fields_url, FORM, guard=guard)


def _cell(page: Any, row: int, column: str) -> Any:
    return page.locator(f'{FORM} [name="actions.{row}.{column}"]')


def _add_row(page: Any) -> None:
    page.locator(f'{FORM} button[data-action="add-row"][data-question="actions"]').click()


def _fill_plan(page: Any) -> None:
    page.locator(f'{FORM} input[name="system"]').fill("Face matching")
    page.locator(f'{FORM} input[name="started"]').fill("2026-03-01")
    page.locator(f'{FORM} input[name="principles"][value="privacy"]').check()


def test_fields_fill_in_and_progress_follows(record_page: Any, guard: PageGuard) -> None:
    page = record_page
    overall = page.locator(f'{FORM} [data-result="overall"]')
    expect(overall).to_have_attribute("data-progress", "0")
    expect(overall).to_have_attribute("data-level", "not-started")
    _fill_plan(page)
    expect(page.locator(f'{FORM} [data-progress-section="plan"]')).to_have_attribute("data-progress", "75")
    page.locator(f'{FORM} textarea[name="objectives"]').fill("Find missing persons faster, with review.")
    expect(page.locator(f'{FORM} [data-progress-section="plan"]')).to_have_attribute("data-progress", "100")
    expect(overall).to_have_attribute("data-progress", "80")
    expect(overall).to_have_attribute("data-level", "in-progress")
    # The table starts empty; a row is added, focused, filled with typed cells.
    expect(page.locator(f'{FORM} [data-table="actions"] [data-role="table-empty"]')).to_be_visible()
    _add_row(page)
    expect(_cell(page, 0, "action")).to_be_focused()
    expect(page.locator(f'{FORM} [data-table="actions"] [data-role="table-empty"]')).to_be_hidden()
    _cell(page, 0, "action").fill("Audit the training data")
    _cell(page, 0, "due").fill("2020-01-31")
    _cell(page, 0, "status").select_option("open")
    expect(overall).to_have_attribute("data-progress", "100")
    expect(overall).to_have_attribute("data-level", "complete")
    # A past due date on an open action is flagged, in words; marking it done clears the flag.
    row = page.locator(f'{FORM} [data-row="actions.0"]')
    expect(row).to_have_attribute("data-overdue", "true")
    expect(row.locator('[data-role="row-status"]')).to_have_text("Overdue: it was due on 2020-01-31.")
    _cell(page, 0, "status").select_option("done")
    expect(row).to_have_attribute("data-overdue", "false")
    expect(row.locator('[data-role="row-status"]')).to_have_text("")
    guard.assert_clean()


def test_rows_are_added_up_to_the_limit_and_removed_without_losing_the_others(
    record_page: Any, guard: PageGuard
) -> None:
    page = record_page
    for index, action in enumerate(["first", "second", "third"]):
        _add_row(page)
        _cell(page, index, "action").fill(action)
    _add_row(page)  # max_rows is 3
    expect(page.locator(f'{FORM} [data-role="message"]')).to_have_text("This table holds at most 3 rows.")
    expect(page.locator(f"{FORM} .table-row")).to_have_count(3)
    page.locator(f'{FORM} [data-row="actions.1"] button[data-action="remove-row"]').click()
    expect(page.locator(f"{FORM} .table-row")).to_have_count(2)
    expect(_cell(page, 0, "action")).to_have_value("first")
    expect(_cell(page, 1, "action")).to_have_value("third")
    expect(page.locator(f'{FORM} [data-row="actions.1"] legend')).to_have_text("Row 2")
    expect(page.locator(f'{FORM} button[data-action="add-row"]')).to_be_focused()
    # Everything survives a reload, rows included.
    page.reload()
    wait_live(page, FORM)
    expect(_cell(page, 1, "action")).to_have_value("third")
    expect(page.locator(f"{FORM} .table-row")).to_have_count(2)
    guard.assert_clean()


def _records(page: Any) -> list[str]:
    return page.locator(f'{FORM} select[data-records="choose"] option').all_inner_texts()


def test_records_keep_their_answers_apart(record_page: Any, guard: PageGuard) -> None:
    page = record_page
    name = page.locator(f'{FORM} input[data-records="name"]')
    expect(name).to_have_value("First record")
    name.fill("Face matching")
    name.press("Enter")
    name.blur()
    expect(page.locator(f'{FORM} [data-role="message"]')).to_have_text("The record is now called “Face matching”.")
    _fill_plan(page)
    page.locator(f'{FORM} button[data-action="new-record"]').click()
    expect(name).to_be_focused()
    expect(name).to_have_value("Record 2")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("")
    expect(page.locator(f'{FORM} input[name="principles"][value="privacy"]')).not_to_be_checked()
    page.locator(f'{FORM} input[name="system"]').fill("Predictive patrol map")
    assert _records(page) == ["Face matching", "Record 2"]
    page.locator(f'{FORM} select[data-records="choose"]').select_option(label="Face matching")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Face matching")
    expect(page.locator(f'{FORM} input[name="started"]')).to_have_value("2026-03-01")
    page.reload()
    wait_live(page, FORM)
    assert _records(page) == ["Face matching", "Record 2"]
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Face matching")
    page.locator(f'{FORM} select[data-records="choose"]').select_option(label="Record 2")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Predictive patrol map")
    guard.assert_clean()


def test_deleting_a_record_asks_first(record_page: Any, guard: PageGuard) -> None:
    page = record_page
    page.locator(f'{FORM} input[name="system"]').fill("Keep me")
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss() if len(asked) == 1 else dialog.accept()

    page.on("dialog", answer)
    page.locator(f'{FORM} button[data-action="delete-record"]').click()
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Keep me")
    assert asked == [
        "Delete the record “First record” and all its answers from this browser? "
        "This cannot be undone unless you saved it to a file."
    ]
    page.locator(f'{FORM} button[data-action="delete-record"]').click()
    expect(page.locator(f'{FORM} [data-role="message"]')).to_have_text("Deleted the record “First record”.")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("")
    assert _records(page) == ["Record 2"]
    guard.assert_clean()


def test_a_saved_file_carries_its_record_and_comes_back_as_one(
    record_page: Any, guard: PageGuard, tmp_path: Path
) -> None:
    page = record_page
    page.locator(f'{FORM} input[data-records="name"]').fill("Face matching")
    page.locator(f'{FORM} input[data-records="name"]').blur()
    _fill_plan(page)
    _add_row(page)
    _cell(page, 0, "action").fill("Audit")
    _cell(page, 0, "due").fill("2027-01-15")
    with page.expect_download() as download:
        page.locator(f'{FORM} button[data-action="save"]').click()
    assert download.value.suggested_filename.startswith("record-face-matching-answers-")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved["record"] == {"name": "Face matching"}
    assert saved["answers"]["actions"] == [{"action": "Audit", "due": "2027-01-15"}]
    # Loaded over answers on screen, the file gets a record of its own: nothing on screen is lost.
    page.locator(f'{FORM} input[name="system"]').fill("Changed since")
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    page.locator(f'{FORM} input[data-action="load"]').set_input_files(str(path))
    expect(page.locator(f'{FORM} [data-role="message"]')).to_contain_text("into a new record, “Face matching”")
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Face matching")
    expect(_cell(page, 0, "due")).to_have_value("2027-01-15")
    assert _records(page) == ["Face matching", "Face matching"]
    page.locator(f'{FORM} select[data-records="choose"]').select_option(index=0)
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("Changed since")
    guard.assert_clean()


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        ({"started": "2026-02-30"}, "the date “2026-02-30” given for “started” does not exist"),
        ({"actions": [{"action": "a"}] * 4}, "the table “actions” has 4 rows, more than the 3 it allows"),
        (
            {"actions": [{"status": "maybe"}]},
            "it gives an answer “maybe” that question “actions.0.status” does not offer",
        ),
        ({"system": "x" * 81}, "the text for “system” is too long"),
        ({"actions": "do it"}, "the answer to “actions” has the wrong type"),
    ],
    ids=["impossible-date", "too-many-rows", "unknown-choice", "too-long", "wrong-type"],
)
def test_a_bad_file_is_refused_and_the_answers_on_screen_stay(
    record_page: Any, guard: PageGuard, tmp_path: Path, answers: dict[str, Any], reason: str
) -> None:
    page = record_page
    page.locator(f'{FORM} input[name="system"]').fill("On screen")
    data = {
        "format": "aitk-questionnaire-answers",
        "format_version": 1,
        "questionnaire": {"id": "record", "version": "1.1.0"},
        "answers": answers,
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    page.locator(f'{FORM} input[data-action="load"]').set_input_files(str(path))
    expect(page.locator(f'{FORM} [data-role="message"]')).to_contain_text(reason)
    expect(page.locator(f'{FORM} input[name="system"]')).to_have_value("On screen")
    assert _records(page) == ["First record"]
    guard.assert_clean()
