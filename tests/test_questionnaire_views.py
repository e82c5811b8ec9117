"""Charts and comparisons as a reader meets them: drawn again after each answer, read as tables,
compared with another record or a saved file without touching the answers on screen, and
accessible in light and dark mode."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, rate, serving_test_root
from playwright.sync_api import expect
from test_accessibility import _violations

pytestmark = pytest.mark.browser
HEAT = 'form[data-questionnaire="heat"]'
READY = 'form[data-questionnaire="readiness-sample"]'


@pytest.fixture(scope="module")
def views_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The q-views test root in the site's theme, built with the real runtime and served on loopback."""
    with serving_test_root(tmp_path_factory, "q-views", "html_theme=furo") as url:
        yield url


@pytest.fixture
def views(page: Any, guard: PageGuard, views_url: str) -> Any:
    return open_live(page, views_url, HEAT, READY, guard=guard)


def _rate(page: Any, item: str, likelihood: str, impact: str) -> None:
    rate(page, HEAT, item, likelihood, impact)


def _view(page: Any, form: str, kind: str) -> Any:
    return page.locator(f'{form} [data-view="{kind}"]')


def _table(view: Any) -> list[list[str]]:
    rows = view.locator('[data-role="chart-table"] tr')
    return [row.locator("th, td").all_inner_texts() for row in rows.all()]


def test_the_heat_map_is_drawn_again_and_its_table_says_the_same(views: Any, guard: PageGuard) -> None:
    page = views
    heat = _view(page, HEAT, "heat-map")
    expect(heat.locator('[data-role="chart-summary"]')).to_have_text("No item is rated yet, so every cell is empty.")
    _rate(page, "biased-data", "likely", "major")
    _rate(page, "unequal-errors", "likely", "major")
    _rate(page, "no-legal-basis", "possible", "minor")
    expect(heat.locator('[data-role="chart-summary"]')).to_have_text(
        "3 item(s) rated; the highest cell is Likely × Major (High) with 2 item(s)."
    )
    heat.locator("details summary").click()
    table = _table(heat)
    assert table[0] == [
        "Impact (rows) by Likelihood (columns)",
        "Rare",
        "Unlikely",
        "Possible",
        "Likely",
        "Almost certain",
    ]
    rows = {row[0]: row[1:] for row in table[1:]}
    assert list(rows) == ["Severe", "Major", "Moderate", "Minor", "Minimal"], "the highest impact on top"
    assert rows["Major"][3] == "2 · High"
    assert rows["Minor"][2] == "1 · Medium"
    assert rows["Severe"][4] == "0 · Extremely high"
    # The picture agrees: the cell's count is drawn inside the SVG, which screen readers skip.
    svg = heat.locator('[data-role="chart"] svg')
    expect(svg).to_have_attribute("aria-hidden", "true")
    expect(svg.locator(".heat-count")).to_have_count(2)
    page.locator(f'{HEAT} input[name="unequal-errors.not-applicable"]').check()
    expect(heat.locator('[data-role="chart-summary"]')).to_contain_text("2 item(s) rated")
    guard.assert_clean()


def test_the_radar_table_follows_the_answers(views: Any, guard: PageGuard) -> None:
    page = views
    radar = _view(page, READY, "radar")
    for question, answer in [("g1", "fully"), ("g2", "mostly"), ("d1", "partly"), ("p1", "not-yet")]:
        page.locator(f'{READY} input[name="{question}"][value="{answer}"]').check()
    radar.locator("details summary").click()
    rows = {row[0]: row[1:] for row in _table(radar)[1:]}
    assert rows["Governance and oversight"] == ["Advanced (2.50)"]
    assert rows['Data & "quality" <checks>'] == ["Developing (1.00)"]
    assert rows["Community engagement and transparency"] == ["Not assessed"]
    expect(radar.locator('[data-role="chart-summary"]')).to_contain_text("3 of 5 areas assessed")
    expect(radar.locator("svg polygon.radar-current")).to_have_count(1)
    expect(radar.locator("svg .radar-previous")).to_have_count(0)
    guard.assert_clean()


def test_comparing_with_another_record_changes_nothing_on_screen(views: Any, guard: PageGuard) -> None:
    page = views
    for question in ("g1", "g2", "d1", "d2", "p1", "t1", "e1"):
        page.locator(f'{READY} input[name="{question}"][value="partly"]').check()
    page.locator(f'{READY} button[data-action="new-record"]').click()
    page.locator(f'{READY} input[data-records="name"]').fill("2027 review")
    page.locator(f'{READY} input[data-records="name"]').blur()
    for question in ("g1", "g2", "d1", "d2", "p1", "t1", "e1"):
        page.locator(f'{READY} input[name="{question}"][value="fully"]').check()
    compare = _view(page, READY, "comparison")
    expect(compare.locator('[data-role="chart-summary"]')).to_have_text("There is no earlier result to compare with.")
    compare.locator('select[data-compare="choose"]').select_option(label="First record")
    expect(compare.locator('[data-role="chart-summary"]')).to_contain_text("Overall: Developing (1.00) before")
    table = _table(compare)
    assert table[0] == ["Entry", "Before", "Now", "Change"]
    assert table[1][:3] == ["Overall", "Developing (1.00)", "Advanced (3.00)"]
    assert "+2.00" in table[1][3]
    # The radar draws the earlier result too, dashed.
    expect(_view(page, READY, "radar").locator("svg .radar-previous").first).to_be_visible()
    # Nothing on screen changed, and the record on screen is still the new one.
    expect(page.locator(f'{READY} input[name="g1"][value="fully"]')).to_be_checked()
    expect(page.locator(f'{READY} select[data-records="choose"]')).to_have_value("r2")
    guard.assert_clean()


def _compare_file(page: Any, tmp_path: Path, answers: dict[str, Any], version: str = "1.0.0") -> Any:
    data = {
        "format": "aitk-questionnaire-answers",
        "format_version": 1,
        "questionnaire": {"id": "heat", "version": version},
        "answers": answers,
    }
    path = tmp_path / "last-year.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    page.locator(f'{HEAT} input[data-action="compare-file"]').set_input_files(str(path))
    return page.locator(f'{HEAT} [data-role="message"]')


def test_comparing_with_a_file_never_loads_it(views: Any, guard: PageGuard, tmp_path: Path) -> None:
    page = views
    _rate(page, "biased-data", "rare", "minor")
    message = _compare_file(page, tmp_path, {"biased-data.likelihood": "likely", "biased-data.impact": "severe"})
    expect(message).to_have_text("Comparing with the answers in last-year.json. Your answers on screen are unchanged.")
    compare = _view(page, HEAT, "comparison")
    table = _table(compare)
    assert table[1][:3] == ["Overall", "Extremely high (20.00)", "Low (2.00)"]
    expect(page.locator(f'{HEAT} input[name="biased-data.likelihood"][value="rare"]')).to_be_checked()
    expect(page.locator(f'{HEAT} select[data-records="choose"] option')).to_have_count(1)
    expect(compare.locator('select[data-compare="choose"]')).to_have_value("file")
    # The Markdown report carries the comparison shown on screen.
    with page.expect_download() as download:
        page.locator(f'{HEAT} button[data-action="markdown"]').click()
    report = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## Compared with File: last-year.json\n\n- Overall: Extremely high (20.00) → Low (2.00)" in report
    # A broken file is refused like any other; the comparison and the answers stay as they were.
    refused = _compare_file(page, tmp_path, {"biased-data.likelihood": "sometimes"})
    expect(refused).to_contain_text("was not loaded and your answers on screen are unchanged")
    assert _table(compare)[1][:3] == ["Overall", "Extremely high (20.00)", "Low (2.00)"]
    expect(page.locator(f'{HEAT} input[name="biased-data.likelihood"][value="rare"]')).to_be_checked()
    compare.locator('select[data-compare="choose"]').select_option("")
    expect(compare.locator('[data-role="chart-table"]')).to_be_hidden()
    guard.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_and_comparisons_meet_wcag_22_aa(views: Any, guard: PageGuard, tmp_path: Path, scheme: str) -> None:
    page = views
    page.emulate_media(color_scheme=scheme)
    assert _violations(page) == [], "empty charts"
    _rate(page, "biased-data", "likely", "major")
    _rate(page, "no-legal-basis", "almost-certain", "severe")
    for question in ("g1", "d1", "p1"):
        page.locator(f'{READY} input[name="{question}"][value="mostly"]').check()
    _compare_file(page, tmp_path, {"biased-data.likelihood": "rare", "biased-data.impact": "minor"})
    for details in page.locator("details.view-table-box").all():
        details.locator("summary").click()
    expect(_view(page, HEAT, "comparison").locator('[data-role="chart-table"] table')).to_be_visible()
    page.add_script_tag(content="document.querySelectorAll('details').forEach(d => d.open = true)")
    assert _violations(page) == [], "charts with answers, their tables and a comparison"
    guard.assert_clean()


def test_the_compare_file_button_shows_keyboard_focus(views: Any, guard: PageGuard) -> None:
    page = views
    page.locator(f'{HEAT} select[data-compare="choose"]').focus()
    page.keyboard.press("Tab")
    expect(page.locator(f'{HEAT} input[data-action="compare-file"]')).to_be_focused()
    label = page.locator(f'{HEAT} input[data-action="compare-file"] + label')
    assert label.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    guard.assert_clean()
