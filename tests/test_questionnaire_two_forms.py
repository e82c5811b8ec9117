"""Two live questionnaires on one page stay independent; older saved files migrate or are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PageGuard, open_live, rate, serving_test_root
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
CHECK = 'form[data-questionnaire="check"]'
RISK = 'form[data-questionnaire="risk"]'


@pytest.fixture(scope="module")
def two_forms_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The q-two-forms test root, built with the real runtime and served on loopback."""
    with serving_test_root(tmp_path_factory, "q-two-forms") as url:
        yield url


@pytest.fixture
def two_forms(page: Any, guard: PageGuard, two_forms_url: str) -> Any:
    return open_live(page, two_forms_url, CHECK, RISK, guard=guard)


def _rate(page: Any, item: str, likelihood: str, impact: str) -> None:
    rate(page, RISK, item, likelihood, impact)


def test_answering_one_form_leaves_the_other_alone(two_forms: Any, guard: PageGuard) -> None:
    page = two_forms
    page.locator(f'{CHECK} input[name="first"][value="yes"]').check()
    expect(page.locator(f'{CHECK} [data-result="overall"]')).to_have_attribute("data-level", "act")
    expect(page.locator(f'{RISK} [data-result="overall"]')).to_have_attribute("data-level", "not-assessed")
    _rate(page, "no-legal-basis", "likely", "major")
    risk = page.locator(f'{RISK} [data-result="overall"]')
    expect(risk).to_have_attribute("data-level", "high")
    expect(risk).to_have_attribute("data-complete", "false")
    expect(page.locator(f'{RISK} [data-result-group="legitimacy"]')).to_have_attribute("data-level", "high")
    expect(page.locator(f'{RISK} [data-result-group="necessity"]')).to_have_attribute("data-level", "not-assessed")
    expect(page.locator(f"{RISK} .result-why")).to_contain_text("Likely (4) × Impact: Major (4) = 16 → High")
    page.locator(f'{RISK} input[name="less-intrusive-option.not-applicable"]').check()
    expect(risk).to_have_attribute("data-complete", "true")
    expect(page.locator(f'{CHECK} [data-result="overall"]')).to_have_attribute("data-level", "act")
    guard.assert_clean()


def _load(page: Any, tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    page.locator(f'{CHECK} input[data-action="load"]').set_input_files(str(path))
    return page.locator(f'{CHECK} [data-role="message"]')


def _file(version: str, answers: dict[str, str]) -> dict[str, Any]:
    return {
        "format": "aitk-questionnaire-answers",
        "format_version": 1,
        "questionnaire": {"id": "check", "version": version},
        "saved_at": "2026-01-01T00:00:00Z",
        "answers": answers,
        "notes": {},
    }


def test_file_of_an_older_version_loads_through_its_migration(two_forms: Any, guard: PageGuard, tmp_path: Path) -> None:
    message = _load(two_forms, tmp_path, _file("1.0.0", {"old-first": "yes"}))
    expect(message).to_contain_text("saved with version 1.0.0, updated to version 1.2.0")
    expect(two_forms.locator(f'{CHECK} input[name="first"][value="yes"]')).to_be_checked()
    guard.assert_clean()


def test_file_of_a_version_without_migration_is_refused_with_the_reason(
    two_forms: Any, guard: PageGuard, tmp_path: Path
) -> None:
    two_forms.locator(f'{CHECK} input[name="second"][value="no"]').check()
    message = _load(two_forms, tmp_path, _file("1.1.0", {"first": "yes"}))
    expect(message).to_contain_text("cannot be carried over to version 1.2.0")
    expect(two_forms.locator(f'{CHECK} input[name="second"][value="no"]')).to_be_checked()
    expect(two_forms.locator(f'{CHECK} input[name="first"][value="yes"]')).not_to_be_checked()
    guard.assert_clean()
