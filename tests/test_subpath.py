"""The site works when an agency hosts it under a URL sub-path (every asset path is relative)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import BuiltSite, PageGuard
from playwright.sync_api import expect
from serve import serving

PREFIX = "agency/ai-toolkit"


@pytest.fixture(scope="module")
def subpath_url(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve a folder whose only content is the site, linked in at ``/agency/ai-toolkit/``."""
    root = tmp_path_factory.mktemp("webroot")
    (root / PREFIX).parent.mkdir(parents=True)
    (root / PREFIX).symlink_to(Path(built_site.path).resolve(), target_is_directory=True)
    with serving(root) as url:
        yield url + PREFIX + "/"


@pytest.mark.browser
def test_questionnaire_starts_and_scores_under_a_sub_path(page: Any, guard: PageGuard, subpath_url: str) -> None:
    guard.local_host = subpath_url.split("/")[2]
    page.goto(subpath_url + "overview/index.html")
    form = page.locator('form[data-questionnaire="applicability"]')
    expect(form).to_have_attribute("data-ready", "true", timeout=15000)
    form.locator('input[name="core-functions"][value="yes"]').check()
    expect(form.locator('[data-result="overall"]')).to_have_attribute("data-level", "full-toolkit")
    page.goto(subpath_url + "glossary.html")
    expect(page.locator("h1")).to_contain_text("Glossary")
    guard.assert_clean()
