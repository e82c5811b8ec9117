"""The Content-Security-Policy the hosting guide's configuration files send really works."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import ROOT, BuiltSite, PageGuard
from playwright.sync_api import expect
from serve import serving
from sitemap import pages

#: The guide's configuration files (docs/hosting/), the ones the web-server tests serve with.
CONFIGURATIONS = sorted((ROOT / "docs" / "hosting").glob("*-ai-toolkit.conf"))


def documented_policies() -> list[str]:
    """Every policy string the guide's configuration files send (nginx and Apache)."""
    found = []
    for path in CONFIGURATIONS:
        found += re.findall(r'Content-Security-Policy "([^"]+)"', path.read_text(encoding="utf-8"))
    return found


def test_the_guide_gives_one_policy_everywhere() -> None:
    policies = documented_policies()
    assert len(policies) >= 2
    assert len(set(policies)) == 1, "the nginx and Apache examples must send the same policy"


@pytest.mark.browser
def test_every_page_and_the_questionnaire_work_under_the_documented_policy(
    page: Any, guard: PageGuard, built_site: BuiltSite
) -> None:
    policy = documented_policies()[0]
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    with serving(built_site.path, headers={"Content-Security-Policy": policy}) as base:
        guard.local_host = base.split("/")[2]
        for page_path in pages(built_site.path):
            page.goto(base + page_path)
        page.goto(base + "overview/index.html")
        form = page.locator('form[data-questionnaire="applicability"]')
        expect(form).to_have_attribute("data-ready", "true", timeout=15000)
        form.locator('input[name="core-functions"][value="yes"]').check()
        expect(form.locator('[data-result="overall"]')).to_have_attribute("data-level", "full-toolkit")
    assert violations == []
    guard.assert_clean()
