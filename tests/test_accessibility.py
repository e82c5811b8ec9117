"""WCAG 2.2 A and AA checks with axe-core (every rule it has for 2.0, 2.1 and 2.2, such as 2.2's
target size) on every built page, in light and dark mode and on a phone, and on a filled form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, BuiltSite, PageGuard
from playwright.sync_api import expect
from sitemap import pages

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: axe's tags for WCAG 2.2 AA: 2.2 adds one rule axe checks, target size (2.5.8), under wcag22aa.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""


def _violations(page: Any) -> list[str]:
    assert AXE.is_file(), f"{AXE} missing: run `npm ci` (make test does)"
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(RUN_AXE, WCAG_22_AA))


def _audit(page: Any, site: Path, scheme: str) -> list[str]:
    page.emulate_media(color_scheme=scheme)
    problems = []
    for page_path in pages(site):
        page.goto(page_path)
        problems += [f"{page_path} [{scheme}]: {v}" for v in _violations(page)]
    return problems


def test_every_page_meets_wcag_22_aa_in_light_mode(page: Any, guard: PageGuard, built_site: BuiltSite) -> None:
    assert _audit(page, built_site.path, "light") == []
    guard.assert_clean()


def test_every_page_meets_wcag_22_aa_in_dark_mode(page: Any, guard: PageGuard, built_site: BuiltSite) -> None:
    assert _audit(page, built_site.path, "dark") == []
    guard.assert_clean()


def test_every_page_meets_wcag_22_aa_on_a_390_px_phone(page: Any, guard: PageGuard, built_site: BuiltSite) -> None:
    """The narrow layout: the mobile header, the narrow pathway diagram, tables in scroll regions."""
    page.set_viewport_size({"width": 390, "height": 844})
    assert _audit(page, built_site.path, "light") == []
    guard.assert_clean()


def test_answered_questionnaire_with_result_and_messages_meets_wcag_22_aa(page: Any, guard: PageGuard) -> None:
    page.goto("overview/index.html")
    form = page.locator('form[data-questionnaire="applicability"]')
    expect(form).to_have_attribute("data-ready", "true", timeout=15000)
    form.locator('input[name="core-functions"][value="yes"]').check()
    form.locator("details.questionnaire-note").first.locator("summary").click()
    expect(form.locator('[data-result="overall"]')).to_have_attribute("data-level", "full-toolkit")
    assert _violations(page) == []
    guard.assert_clean()


def test_axe_finds_a_missing_label(page: Any, guard: PageGuard) -> None:
    """The audit can fail: an unlabelled input on a real page is reported."""
    page.goto("index.html")
    page.evaluate("() => document.querySelector('article').appendChild(document.createElement('input'))")
    assert any(v.startswith("label") for v in _violations(page))
    guard.assert_clean()


def test_axe_checks_the_wcag_22_target_size_rule(page: Any, guard: PageGuard) -> None:
    """The 2.2 rules run: a tiny button crowded by another is reported as a target-size violation."""
    page.goto("index.html")
    page.evaluate(
        """() => {
        const box = document.createElement('div');
        box.innerHTML = '<button style="width:10px;height:10px;padding:0;margin:0">a</button>'
          + '<button style="width:10px;height:10px;padding:0;margin:0">b</button>';
        document.querySelector('article').appendChild(box);
    }"""
    )
    assert any(v.startswith("target-size") for v in _violations(page))
