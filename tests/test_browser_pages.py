"""Every built page opens in real Chromium with no outside request and no script error."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import BuiltSite, PageGuard
from sitemap import pages


@pytest.mark.browser
def test_every_page_loads_offline_without_errors(page: Any, guard: PageGuard, built_site: BuiltSite) -> None:
    all_pages = pages(built_site.path)
    assert len(all_pages) > 10
    problems = []
    for page_path in all_pages:
        response = page.goto(page_path, wait_until="load")
        page.wait_for_load_state("networkidle")
        if response is None or not response.ok:
            problems.append(f"{page_path}: HTTP {response.status if response else 'no response'}")
        for kind in ("external_requests", "console_errors", "failed_requests"):
            found = getattr(guard, kind)
            if found:
                problems.append(f"{page_path}: {kind}: {found}")
                found.clear()
    assert problems == []


@pytest.mark.browser
def test_guard_catches_a_page_that_reaches_for_a_cdn(page: Any, guard: PageGuard) -> None:
    """The browser check can fail: a script from another host is aborted and recorded."""
    page.goto("index.html")
    page.evaluate(
        """() => new Promise((resolve) => {
            const s = document.createElement('script');
            s.src = 'https://cdn.example.org/lib.js';
            s.onerror = resolve; s.onload = resolve;
            document.head.appendChild(s);
        })"""
    )
    assert guard.external_requests == ["https://cdn.example.org/lib.js"]
    guard.external_requests.clear()
    guard.console_errors.clear()  # the aborted load logs an error; that is the point
