"""Hostile answer files (tests/hostile.py), at least 25 per instrument: each is refused with its
reason, or its markup and script stay text; in Chromium, the answers already on screen stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live
from hostile import PAYLOAD, Case, cases, text_fields
from playwright.sync_api import expect
from questionnaire.engine import answers
from report_samples import INSTRUMENTS, spec_of

PAGES = {
    "applicability": ("overview/index.html", 'input[name="core-functions"][value="yes"]'),
    "risk": ("risk-assessment/index.html", 'input[name="path"][value="procure"]'),
    "readiness": ("readiness/index.html", 'input[name="executive-lead"][value="full"]'),
    "workbook": ("workbook/index.html", 'input[name="path"][value="build"]'),
}


def _first_codes(spec: dict[str, Any], case: Case) -> list[str]:
    """What the engine makes of a file: the codes it is refused with, or [] when it loads."""
    read = answers.read_source(case.content)
    if not read["ok"]:
        return [error["code"] for error in read["errors"]]
    parsed = answers.parse(read["text"])
    if not parsed["ok"]:
        return [error["code"] for error in parsed["errors"]]
    return [error["code"] for error in answers.check_file(spec, parsed["data"])["errors"]]


def _corpus() -> list[tuple[str, Case]]:
    return [(name, case) for name in INSTRUMENTS for case in cases(spec_of(name))]


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_every_instrument_has_at_least_25_hostile_answer_files(name: str) -> None:
    found = cases(spec_of(name))
    assert len(found) >= 25
    assert len({case.name for case in found}) == len(found)


@pytest.mark.parametrize(("name", "case"), _corpus(), ids=[f"{n}-{c.name}" for n, c in _corpus()])
def test_the_engine_refuses_each_hostile_file_with_its_reason(name: str, case: Case) -> None:
    codes = _first_codes(spec_of(name), case)
    if case.refused is None:
        assert codes == []
    else:
        assert codes and codes[0] in case.refused, codes


def _file_name(index: int, case: Case) -> str:
    kind = case.name.split("-", 1)[0]
    return f"{index:02d}-{case.name}." + (kind if kind in ("docx", "odt") else "json")


@pytest.mark.browser
@pytest.mark.parametrize("name", INSTRUMENTS)
def test_in_the_browser_every_hostile_file_is_refused_or_shown_as_text_and_nothing_on_screen_is_lost(
    page: Any, guard: PageGuard, tmp_path: Path, name: str
) -> None:
    path, answer = PAGES[name]
    form = f'form[data-questionnaire="{name}"]'
    open_live(page, path, form)
    page.locator(f"{form} {answer}").check()
    page.locator(f'{form} textarea[name="note:general"]').fill("our own note")
    message = page.locator(f'{form} [data-role="message"]')
    picker = page.locator(f'{form} input[data-action="load"]')
    found = cases(spec_of(name))
    for index, case in enumerate(found):
        target = tmp_path / _file_name(index, case)
        target.write_bytes(case.content)
        picker.set_input_files(str(target))
        if case.refused is None:
            expect(message).to_contain_text(f"Loaded answers from {target.name} into a new record")
            continue
        expect(message).to_contain_text(
            f"The file {target.name} was not loaded and your answers on screen are unchanged"
        )
        expect(page.locator(f"{form} {answer}")).to_be_checked()
        expect(page.locator(f'{form} textarea[name="note:general"]')).to_have_value("our own note")
    # The last file loaded (markup everywhere): every text is shown as text, and nothing ran.
    assert found[-1].name == "markup-everywhere"
    expect(page.locator(f'{form} textarea[name="note:general"]')).to_have_value(PAYLOAD)
    for question, value in text_fields(spec_of(name)).items():
        if isinstance(value, str):
            expect(page.locator(f'{form} [name="{question}"]')).to_have_value(value)
    chooser = page.locator(f'{form} select[data-records="choose"]')
    assert PAYLOAD in chooser.inner_text()
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => ({}).polluted") is None
    # The answers given before are still there, in their own record.
    chooser.select_option(index=0)
    expect(page.locator(f"{form} {answer}")).to_be_checked()
    expect(page.locator(f'{form} textarea[name="note:general"]')).to_have_value("our own note")
    guard.assert_clean()
