"""Report documents on the built site, in Chromium: every format downloads from every instrument,
a .docx comes back through "Load from file", a bad one is refused with the answers intact, and the
Check a report page gives the code the report prints."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, start_print
from playwright.sync_api import expect
from questionnaire.engine import zipper
from report_samples import docx_texts, markdown_texts, odt_texts

pytestmark = pytest.mark.browser

PAGES = {
    "applicability": "overview/index.html",
    "risk": "risk-assessment/index.html",
    "readiness": "readiness/index.html",
    "workbook": "workbook/index.html",
}
#: One answer per instrument, as a reader would give it.
FIRST_ANSWER = {
    "applicability": 'input[name="core-functions"][value="yes"]',
    "risk": 'input[name="no-specific-legal-basis.likelihood"][value="likely"]',
    "readiness": 'input[name="executive-lead"][value="partial"]',
    "workbook": 'input[name="path"][value="procure"]',
}
APPLICABILITY = 'form[data-questionnaire="applicability"]'
CHECK = "[data-questionnaire-check]"


def _form(name: str) -> str:
    return f'form[data-questionnaire="{name}"]'


def _download(page: Any, form: str, action: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.locator(f'{form} button[data-action="{action}"]').click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _without_date(texts: list[str]) -> list[str]:
    # Two downloads may fall in different minutes: the date line is compared by shape only.
    assert any(re.fullmatch(r"Date: \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d \(UTC[+-]\d\d:\d\d\)", t) for t in texts)
    return [text for text in texts if not text.startswith("Date: ")]


@pytest.mark.parametrize("name", list(PAGES))
def test_every_format_downloads_and_the_documents_say_what_the_markdown_says(
    page: Any, guard: PageGuard, tmp_path: Path, name: str
) -> None:
    form = _form(name)
    open_live(page, PAGES[name], form)
    page.locator(f"{form} {FIRST_ANSWER[name]}").check()
    page.locator(f'{form} textarea[name="note:general"]').fill('Seen by <b>legal</b> & "ops"')
    markdown = _download(page, form, "markdown", tmp_path).read_text(encoding="utf-8")
    docx = _download(page, form, "docx", tmp_path)
    odt = _download(page, form, "odt", tmp_path)
    csv = _download(page, form, "csv", tmp_path).read_text(encoding="utf-8")
    assert (docx.suffix, odt.suffix) == (".docx", ".odt")
    expected = _without_date(markdown_texts(markdown))
    assert _without_date(docx_texts(docx.read_bytes())) == expected
    assert _without_date(odt_texts(odt.read_bytes())) == expected
    assert zipfile.ZipFile(docx).testzip() is None and zipfile.ZipFile(odt).testzip() is None
    code = re.search(r"^- Verification code: (\S+)$", markdown, re.M)
    assert code and f",verification,Verification code,,{code.group(1)}," in csv
    expect(page.locator(f'{form} [data-role="message"]')).to_contain_text("It carries your answers")
    guard.assert_clean()


def test_a_docx_comes_back_through_load_from_file(page: Any, guard: PageGuard, tmp_path: Path) -> None:
    open_live(page, PAGES["applicability"], APPLICABILITY)
    page.locator(f'{APPLICABILITY} input[name="core-functions"][value="no"]').check()
    page.locator(f'{APPLICABILITY} input[name="medium-or-higher-risk"][value="yes"]').check()
    page.locator(f'{APPLICABILITY} textarea[name="note:general"]').fill("Returned by the legal adviser")
    docx = _download(page, APPLICABILITY, "docx", tmp_path)
    page.evaluate("() => localStorage.clear()")
    page.reload()
    open_live(page, PAGES["applicability"], APPLICABILITY)
    expect(page.locator(f'{APPLICABILITY} input[name="core-functions"][value="no"]')).not_to_be_checked()
    page.locator(f'{APPLICABILITY} input[data-action="load"]').set_input_files(str(docx))
    expect(page.locator(f'{APPLICABILITY} [data-role="message"]')).to_contain_text(f"Loaded answers from {docx.name}")
    expect(page.locator(f'{APPLICABILITY} input[name="core-functions"][value="no"]')).to_be_checked()
    expect(page.locator(f'{APPLICABILITY} input[name="medium-or-higher-risk"][value="yes"]')).to_be_checked()
    expect(page.locator(f'{APPLICABILITY} textarea[name="note:general"]')).to_have_value(
        "Returned by the legal adviser"
    )
    expect(page.locator(f'{APPLICABILITY} [data-result="overall"]')).to_have_attribute("data-level", "full-toolkit")
    guard.assert_clean()


def _rewritten(docx: Path, change: Any, target: Path) -> Path:
    archive = zipfile.ZipFile(docx)
    entries = [change(info.filename, archive.read(info)) for info in archive.infolist()]
    target.write_bytes(zipper.write([entry for entry in entries if entry]))
    return target


def _strip(name: str, body: bytes) -> tuple[str, bytes] | None:
    return None if name.startswith("customXml/") or name == "docProps/custom.xml" else (name, body)


def _foreign(name: str, body: bytes) -> tuple[str, bytes]:
    return name, body.replace(b"&quot;applicability&quot;", b"&quot;risk&quot;")


def _padded(name: str, body: bytes) -> tuple[str, bytes]:
    # A document grown by an editor (a picture pasted in): 6 MB more, the answers untouched.
    return name, (body + b"<!--" + b"x" * 6_000_000 + b"-->") if name == "word/document.xml" else body


@pytest.mark.parametrize(
    ("change", "said"),
    [(_strip, "this site did not make"), (_foreign, "holds answers for “risk”, not for “applicability”")],
    ids=["answers-removed", "other-questionnaire"],
)
def test_a_docx_with_its_answers_removed_or_foreign_is_refused_and_nothing_changes(
    page: Any, guard: PageGuard, tmp_path: Path, change: Any, said: str
) -> None:
    open_live(page, PAGES["applicability"], APPLICABILITY)
    page.locator(f'{APPLICABILITY} input[name="core-functions"][value="yes"]').check()
    docx = _download(page, APPLICABILITY, "docx", tmp_path)
    bad = _rewritten(docx, change, tmp_path / "returned.docx")
    page.locator(f'{APPLICABILITY} input[name="core-functions"][value="no"]').check()
    page.locator(f'{APPLICABILITY} textarea[name="note:general"]').fill("keep me")
    page.locator(f'{APPLICABILITY} input[data-action="load"]').set_input_files(str(bad))
    message = page.locator(f'{APPLICABILITY} [data-role="message"]')
    expect(message).to_contain_text("returned.docx was not loaded and your answers on screen are unchanged")
    expect(message).to_contain_text(said)
    expect(page.locator(f'{APPLICABILITY} input[name="core-functions"][value="no"]')).to_be_checked()
    expect(page.locator(f'{APPLICABILITY} textarea[name="note:general"]')).to_have_value("keep me")
    guard.assert_clean()


def test_a_large_edited_docx_still_loads(page: Any, guard: PageGuard, tmp_path: Path) -> None:
    open_live(page, PAGES["applicability"], APPLICABILITY)
    page.locator(f'{APPLICABILITY} input[name="core-functions"][value="yes"]').check()
    docx = _download(page, APPLICABILITY, "docx", tmp_path)
    big = _rewritten(docx, _padded, tmp_path / "edited.docx")
    assert big.stat().st_size > 6_000_000
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'{APPLICABILITY} button[data-action="clear"]').click()
    page.locator(f'{APPLICABILITY} input[data-action="load"]').set_input_files(str(big))
    expect(page.locator(f'{APPLICABILITY} [data-role="message"]')).to_contain_text("Loaded answers from edited.docx")
    expect(page.locator(f'{APPLICABILITY} input[name="core-functions"][value="yes"]')).to_be_checked()
    guard.assert_clean()


def test_check_a_report_gives_the_result_and_code_the_report_prints(
    page: Any, guard: PageGuard, tmp_path: Path
) -> None:
    open_live(page, PAGES["applicability"], APPLICABILITY)
    page.locator(f'{APPLICABILITY} input[name="core-functions"][value="yes"]').check()
    page.locator(f'{APPLICABILITY} input[data-records="name"]').fill("North pilot")
    page.locator(f'{APPLICABILITY} input[data-records="name"]').press("Tab")
    markdown = _download(page, APPLICABILITY, "markdown", tmp_path).read_text(encoding="utf-8")
    saved = _download(page, APPLICABILITY, "save", tmp_path)
    odt = _download(page, APPLICABILITY, "odt", tmp_path)
    code = re.search(r"^- Verification code: (\S+)$", markdown, re.M).group(1)  # type: ignore[union-attr]
    page.goto("check-report.html")
    expect(page.locator(CHECK)).to_have_attribute("data-ready", "true", timeout=20000)
    result = page.locator(f'{CHECK} [data-role="check-result"]')
    for given in (saved, odt):
        page.locator(f'{CHECK} input[data-action="check"]').set_input_files(str(given))
        expect(page.locator(f'{CHECK} [data-role="message"]')).to_contain_text(f"Checked {given.name}")
        expect(result).to_have_attribute("data-code", code)
        expect(result).to_contain_text("Apply the full toolkit")
        expect(result).to_contain_text("North pilot")
    # One answer changed in the file: another code, and the refusal of a foreign file keeps it shown.
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["answers"]["core-functions"] = "no"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    page.locator(f'{CHECK} input[data-action="check"]').set_input_files(str(edited))
    expect(page.locator(f'{CHECK} [data-role="message"]')).to_contain_text("Checked edited.json")
    expect(result).not_to_have_attribute("data-code", code)
    shown = result.get_attribute("data-code")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({**data, "questionnaire": {"id": "elsewhere", "version": "1.0.0"}}))
    page.locator(f'{CHECK} input[data-action="check"]').set_input_files(str(foreign))
    expect(page.locator(f'{CHECK} [data-role="message"]')).to_contain_text("not a questionnaire on this site")
    expect(result).to_have_attribute("data-code", shown or "")
    guard.assert_clean()


def test_the_printed_report_starts_with_its_head_and_carries_the_code(page: Any, guard: PageGuard) -> None:
    open_live(page, PAGES["applicability"], APPLICABILITY)
    page.locator(f'{APPLICABILITY} input[name="core-functions"][value="yes"]').check()
    start_print(page, APPLICABILITY)
    header = page.locator(".questionnaire[data-printing] > .questionnaire-print-header")
    expect(header).to_be_visible()
    expect(header.locator('[data-role="print-code"]')).to_have_text(re.compile(r"^Verification code: \w{5}-\w{5}$"))
    expect(header.locator('[data-role="print-date"]')).to_have_text(re.compile(r"^Date: \d{1,2} [A-Z][a-z]+ \d{4}, "))
    expect(header.locator('[data-role="print-record"]')).to_have_text("Record: First record")
    box = page.locator(".questionnaire[data-printing] .interpretation")
    expect(box).to_be_visible()
    assert header.bounding_box()["y"] < box.bounding_box()["y"]  # type: ignore[index]
    guard.assert_clean()
