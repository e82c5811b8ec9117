"""The Organizational Readiness Assessment Questionnaire on the built site, as a group fills it in:
area and overall stages and scores, the priorities in their order with their advice, the
"to find out" list, the group in the report, and this year compared with last year's file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, start_print
from playwright.sync_api import expect
from test_accessibility import _violations
from toolkit_ids import BUILDING_BLOCKS

pytestmark = pytest.mark.browser
FORM = 'form[data-questionnaire="readiness"]'
PAGE = "readiness/index.html"

#: Hand-computed below: leadership (3+2+1+0)/4 = 1.50, governance 1/5 = 0.20, legal 2.00,
#: people 14/5 = 2.80, data 1.00; the other four areas are not assessed.
ANSWERS = {
    "executive-lead": "full",
    "ai-position": "partial",
    "ai-tools-known": "initial",
    "proposals-fit-strategy": "dont-know",
    "ai-inventory": "not-in-place",
    "governance-body": "not-in-place",
    "approval-points": "not-in-place",
    "decisions-recorded": "not-in-place",
    "systems-in-use-reviewed": "initial",
    "law-overview": "partial",
    "legal-review": "partial",
    "general-policy": "partial",
    "executive-briefing": "full",
    "user-training": "full",
    "specialist-skills": "full",
    "raising-concerns": "partial",
    "users-involved": "full",
    "datasets-listed": "initial",
    "dpia-first": "initial",
}


def _open(page: Any) -> Any:
    return open_live(page, PAGE, FORM).locator(FORM)


def _answer(page: Any, answers: dict[str, str]) -> None:
    for statement, option in answers.items():
        page.locator(f'{FORM} input[name="{statement}"][value="{option}"]').check()


def _area(page: Any, area: str) -> Any:
    return page.locator(f'{FORM} [data-result-area="{area}"]')


def _priorities(page: Any) -> list[str]:
    """The priority lines a reader sees, in reading (DOM) order."""
    return page.locator(f'{FORM} [data-role="priority-list"] > li:not([hidden])').evaluate_all(
        "els => els.map(e => e.getAttribute('data-priority'))"
    )


def test_each_statement_is_a_radio_group_in_its_area(page: Any, guard: PageGuard) -> None:
    form = _open(page)
    for area in BUILDING_BLOCKS:
        statements = form.locator(f'fieldset[data-area="{area}"][data-question]:has(input[type="radio"])')
        expect(statements).to_have_count(5)
        first = statements.first.locator('input[type="radio"]')
        assert first.evaluate_all("els => els.map(e => e.value)") == [
            "not-in-place",
            "initial",
            "partial",
            "full",
            "dont-know",
        ]
        name = statements.first.get_attribute("data-question")
        assert set(first.evaluate_all("els => els.map(e => e.name)")) == {name}
    guard.assert_clean()


def test_answers_give_area_and_overall_stages_and_scores(page: Any, guard: PageGuard) -> None:
    _open(page)
    overall = page.locator(f'{FORM} [data-result="overall"]')
    expect(overall).to_have_attribute("data-level", "not-assessed")
    _answer(page, ANSWERS)
    expected = {
        "leadership-and-strategy": ("established", "1.50"),  # exactly on the cut-point: the higher stage
        "governance-and-accountability": ("starting", "0.20"),
        "legal-and-policy-framework": ("established", "2.00"),
        "people-skills-and-culture": ("advanced", "2.80"),
        "data-management-and-protection": ("developing", "1.00"),
    }
    for area, (level, score) in expected.items():
        expect(_area(page, area)).to_have_attribute("data-level", level)
        expect(_area(page, area)).to_have_attribute("data-score", score)
    for area in set(BUILDING_BLOCKS) - set(expected):
        expect(_area(page, area)).to_have_attribute("data-level", "not-assessed")
        expect(_area(page, area)).to_have_attribute("data-score", "")
    # (1.5 + 0.2 + 2 + 2.8 + 1) / 5 = 1.5: the mean of the assessed areas, not of the statements.
    expect(overall).to_have_attribute("data-level", "established")
    expect(overall).to_have_attribute("data-score", "1.50")
    expect(overall).to_have_attribute("data-percent", "50")
    expect(overall).to_have_attribute("data-complete", "false")
    expect(page.locator(f'{FORM} [data-question="executive-lead"]')).to_have_attribute("data-score", "3")
    guard.assert_clean()


def test_priorities_follow_the_scores_with_advice_and_links(page: Any, guard: PageGuard) -> None:
    _open(page)
    box = page.locator(f'{FORM} [data-role="priorities"]')
    expect(box).to_be_hidden()
    _answer(page, ANSWERS)
    expect(box).to_be_visible()
    expect(page.locator(f'{FORM} [data-priority="data-management-and-protection"]')).to_be_visible()
    assert _priorities(page) == ["governance-and-accountability", "data-management-and-protection"]
    governance = page.locator(f'{FORM} [data-priority="governance-and-accountability"]')
    expect(governance).to_contain_text("Starting (0.20)")
    expect(governance.locator('[data-advice-level="starting"]')).to_be_visible()
    expect(governance.locator('[data-advice-level="developing"]')).to_be_hidden()
    expect(
        governance.locator('a[href$="roadmap/governance-and-accountability.html#governance-and-accountability"]')
    ).to_have_count(1)
    data = page.locator(f'{FORM} [data-priority="data-management-and-protection"]')
    expect(data.locator('[data-advice-level="developing"]')).to_be_visible()
    # Data falls below governance: the reading order changes with it.
    _answer(page, {"datasets-listed": "not-in-place", "dpia-first": "not-in-place"})
    expect(data).to_contain_text("Starting (0.00)")
    assert _priorities(page) == ["data-management-and-protection", "governance-and-accountability"]
    # Every assessed area at Established or above: no priorities, and the page says so.
    _answer(page, {s: "full" for s in ("ai-inventory", "governance-body", "approval-points", "decisions-recorded")})
    _answer(page, {"datasets-listed": "partial", "dpia-first": "full"})
    expect(page.locator(f'{FORM} [data-role="priorities-none"]')).to_be_visible()
    assert _priorities(page) == []
    guard.assert_clean()


def test_dont_know_counts_as_not_in_place_and_is_to_find_out(page: Any, guard: PageGuard) -> None:
    _open(page)
    listing = page.locator(f'{FORM} [data-role="to-find-out"]')
    _answer(page, {"executive-lead": "full", "ai-position": "full"})
    expect(_area(page, "leadership-and-strategy")).to_have_attribute("data-score", "3.00")
    expect(listing).to_be_hidden()
    _answer(page, {"ai-tools-known": "dont-know"})
    expect(_area(page, "leadership-and-strategy")).to_have_attribute("data-score", "2.00")
    expect(listing).to_be_visible()
    line = listing.locator('[data-find-out="ai-tools-known"]')
    expect(line).to_be_visible()
    expect(line.locator('a[href="#q-readiness-q-ai-tools-known"]')).to_have_count(1)
    expect(listing.locator("li:not([hidden])")).to_have_count(1)
    _answer(page, {"ai-tools-known": "initial"})
    expect(listing).to_be_hidden()
    guard.assert_clean()


def test_complete_only_when_every_statement_is_answered(page: Any, guard: PageGuard) -> None:
    form = _open(page)
    statements = form.locator('fieldset[data-area][data-question]:has(input[type="radio"])').evaluate_all(
        "els => els.map(e => e.getAttribute('data-question'))"
    )
    assert len(statements) == 45
    overall = page.locator(f'{FORM} [data-result="overall"]')
    _answer(page, {s: "partial" for s in statements[:-1]})
    expect(overall).to_have_attribute("data-complete", "false")
    _answer(page, {statements[-1]: "dont-know"})
    expect(overall).to_have_attribute("data-complete", "true")
    # 44 x 2 + 0, spread over nine areas: eight at 2.00 and one at 1.60; the mean is 17.6 / 9.
    expect(overall).to_have_attribute("data-score", "1.96")
    expect(overall).to_have_attribute("data-level", "established")
    guard.assert_clean()


def _fill_group(page: Any) -> None:
    page.locator(f'{FORM} input[name="assessment-date"]').fill("2026-11-20")
    add = page.locator(f'{FORM} button[data-action="add-row"][data-question="participants"]')
    add.click()
    page.locator(f'{FORM} [name="participants.0.name"]').fill("Ana Ruiz")
    page.locator(f'{FORM} [name="participants.0.role"]').fill("Deputy chief")
    add.click()
    page.locator(f'{FORM} [name="participants.1.role"]').fill("Data protection officer")


def _download(page: Any, action: str) -> str:
    with page.expect_download() as info:
        page.locator(f'{FORM} button[data-action="{action}"]').click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_the_group_and_date_head_every_report(page: Any, guard: PageGuard) -> None:
    _open(page)
    page.locator(f'{FORM} input[data-records="name"]').fill("2026 review")
    page.locator(f'{FORM} input[data-records="name"]').blur()
    _fill_group(page)
    _answer(page, ANSWERS)
    markdown = _download(page, "markdown")
    head = markdown.split("## ")[0]
    assert "- Date of the session: 2026-11-20" in head
    assert "- Participants: Ana Ruiz, Deputy chief; Data protection officer" in head
    assert "- Result: Established" in head
    steps = markdown.split("## What to do next")[1].split("## ")[0]
    assert "Governance and accountability (Starting (0.20)): " in steps
    assert steps.index("Governance and accountability") < steps.index("Data management and protection")
    csv = _download(page, "csv")
    assert ',headline,Participants,,"Ana Ruiz, Deputy chief; Data protection officer",' in csv
    assert ",headline,Date of the session,,2026-11-20," in csv
    saved = json.loads(_download(page, "save"))
    assert saved["record"] == {"name": "2026 review"}
    assert saved["answers"]["participants"] == [
        {"name": "Ana Ruiz", "role": "Deputy chief"},
        {"role": "Data protection officer"},
    ]
    # The printed page starts with the same facts: the record's first part is the group.
    start_print(page, FORM)
    expect(page.locator(f'{FORM} [name="participants.0.name"]')).to_be_visible()
    expect(page.locator(f'{FORM} [data-role="priorities"]')).to_be_visible()
    guard.assert_clean()


def _last_year(tmp_path: Path, answers: dict[str, Any]) -> Path:
    path = tmp_path / "2025-review.json"
    data = {
        "format": "aitk-questionnaire-answers",
        "format_version": 1,
        "questionnaire": {"id": "readiness", "version": "1.0.0"},
        "record": {"name": "2025 review"},
        "answers": answers,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _table(view: Any) -> dict[str, list[str]]:
    rows = view.locator('[data-role="chart-table"] tr').all()
    return {cells[0]: cells[1:] for cells in (row.locator("th, td").all_inner_texts() for row in rows)}


def test_this_year_against_last_years_file(page: Any, guard: PageGuard, tmp_path: Path) -> None:
    _open(page)
    _answer(page, ANSWERS)
    # Last year: governance and data were lower, legal higher, people not assessed.
    before = {
        "executive-lead": "full",
        "ai-position": "partial",
        "ai-tools-known": "initial",
        "proposals-fit-strategy": "dont-know",
        "ai-inventory": "not-in-place",
        "datasets-listed": "not-in-place",
        "law-overview": "full",
    }
    page.locator(f'{FORM} input[data-action="compare-file"]').set_input_files(str(_last_year(tmp_path, before)))
    expect(page.locator(f'{FORM} [data-role="message"]')).to_contain_text("Your answers on screen are unchanged")
    compare = page.locator(f'{FORM} [data-view="comparison"]')
    table = _table(compare)
    assert table["Entry"] == ["Before", "Now", "Change"]
    # Before: leadership 1.50, governance 0.00, legal 3.00, data 0.00: overall 4.5 / 4 = 1.125.
    assert table["Overall"][:2] == ["Developing (1.13)", "Established (1.50)"]
    assert table["Overall"][2].startswith("Higher")
    assert table["Governance and accountability"][:2] == ["Starting (0.00)", "Starting (0.20)"]
    assert table["Legal and policy framework"][:2] == ["Advanced (3.00)", "Established (2.00)"]
    assert table["Legal and policy framework"][2].startswith("Lower")
    assert table["Leadership and strategy"][2].startswith("No change")
    assert table["People, skills and culture"][0] == "Not assessed"
    # The radar draws last year's shape too, and its table gains a column.
    radar = page.locator(f'{FORM} [data-view="radar"]')
    expect(radar.locator("svg .radar-previous").first).to_be_attached()
    radar.locator("details summary").click()
    assert _table(radar)["Legal and policy framework"] == ["Established (2.00)", "Advanced (3.00)"]
    # The file was only read: the answers, the records and the result on screen are this year's.
    expect(page.locator(f'{FORM} input[name="law-overview"][value="partial"]')).to_be_checked()
    expect(page.locator(f'{FORM} input[name="ai-inventory"][value="not-in-place"]')).to_be_checked()
    expect(page.locator(f'{FORM} select[data-records="choose"] option')).to_have_count(1)
    expect(page.locator(f'{FORM} [data-result="overall"]')).to_have_attribute("data-score", "1.50")
    # A foreign file is refused for comparison, and nothing changes.
    foreign = tmp_path / "risk.json"
    foreign.write_text(
        json.dumps(
            {
                "format": "aitk-questionnaire-answers",
                "format_version": 1,
                "questionnaire": {"id": "risk", "version": "1.0.0"},
                "answers": {},
            }
        ),
        encoding="utf-8",
    )
    page.locator(f'{FORM} input[data-action="compare-file"]').set_input_files(str(foreign))
    expect(page.locator(f'{FORM} [data-role="message"]')).to_contain_text("was not loaded")
    assert _table(compare)["Overall"][:2] == ["Developing (1.13)", "Established (1.50)"]
    # Everything shown at once (priorities, to find out, both charts, the refusal) meets WCAG 2.2 AA.
    expect(page.locator(f'{FORM} [data-role="to-find-out"]')).to_be_visible()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert _violations(page) == [], scheme
    guard.assert_clean()
