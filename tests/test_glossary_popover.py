"""Glossary pop-overs in Chromium: shown on hover and on keyboard focus, announced, dismissible, link intact."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import PageGuard
from playwright.sync_api import expect

PAGE = "introduction/what-ai-is.html"
TERM = "term-machine-learning"
LINK = f'article a[href$="glossary.html#{TERM}"]'


def definition_of(page: Any, anchor: str) -> str:
    """The short definition the page's data block holds for one term."""
    data = json.loads(page.locator("#glossary-definitions").text_content())
    return data[anchor]["definition"]


def tooltip_for(page: Any, link: Any) -> Any:
    """The tooltip a term link names in aria-describedby."""
    described_by = link.get_attribute("aria-describedby")
    assert described_by, "the term link has no aria-describedby"
    return page.locator(f"#{described_by}")


def tab_to(page: Any, selector: str, limit: int = 300) -> None:
    """Press Tab until the element matching ``selector`` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def contrast(page: Any, tooltip: Any) -> float:
    """WCAG contrast ratio of the tooltip's text colour on its background."""
    return tooltip.evaluate(
        """(el) => {
            const style = getComputedStyle(el);
            const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = (c) => {
                const [r, g, b] = rgb(c).map((v) => {
                    v /= 255;
                    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }"""
    )


@pytest.mark.browser
def test_hovering_a_term_shows_its_definition_and_leaving_hides_it(page: Any, guard: PageGuard) -> None:
    page.goto(PAGE)
    link = page.locator(LINK).first
    expect(link).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = tooltip_for(page, link)
    expect(tooltip).to_be_hidden()
    link.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("role", "tooltip")
    expect(tooltip).to_contain_text(definition_of(page, TERM))
    expect(link).to_have_accessible_description(re.compile(re.escape(definition_of(page, TERM))))
    page.mouse.move(1, 1)
    expect(tooltip).to_be_hidden()
    guard.assert_clean()


@pytest.mark.browser
def test_pointer_can_move_onto_the_tooltip_without_losing_it(page: Any, guard: PageGuard) -> None:
    page.goto(PAGE)
    link = page.locator(LINK).first
    tooltip = tooltip_for(page, link)
    link.hover()
    expect(tooltip).to_be_visible()
    tooltip.hover()  # WCAG 1.4.13 hoverable: the content stays while the pointer is on it
    expect(tooltip).to_be_visible()
    page.mouse.move(1, 1)
    expect(tooltip).to_be_hidden()
    guard.assert_clean()


@pytest.mark.browser
def test_keyboard_focus_shows_the_tooltip_escape_hides_it_and_enter_opens_the_entry(
    page: Any, guard: PageGuard
) -> None:
    page.goto(PAGE)
    link = page.locator(LINK).first
    tooltip = tooltip_for(page, link)
    tab_to(page, LINK)
    expect(link).to_be_focused()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(definition_of(page, TERM))
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(link).to_be_focused()  # dismissing does not move focus
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/glossary\.html#{TERM}$"))
    expect(page.locator(f"#{TERM}")).to_be_in_viewport()
    guard.assert_clean()


@pytest.mark.browser
def test_tabbing_away_hides_the_tooltip(page: Any, guard: PageGuard) -> None:
    page.goto(PAGE)
    link = page.locator(LINK).first
    tooltip = tooltip_for(page, link)
    tab_to(page, LINK)
    expect(tooltip).to_be_visible()
    page.keyboard.press("Tab")
    expect(tooltip).to_be_hidden()
    guard.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tooltip_text_has_enough_contrast_in_light_and_dark_mode(page: Any, guard: PageGuard, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(PAGE)
    link = page.locator(LINK).first
    tooltip = tooltip_for(page, link)
    link.hover()
    expect(tooltip).to_be_visible()
    assert contrast(page, tooltip) >= 4.5
    guard.assert_clean()


@pytest.mark.browser
def test_tooltip_is_not_printed(page: Any, guard: PageGuard) -> None:
    page.goto(PAGE)
    link = page.locator(LINK).first
    tooltip = tooltip_for(page, link)
    link.hover()
    expect(tooltip).to_be_visible()
    page.emulate_media(media="print")
    expect(tooltip).to_be_hidden()
    guard.assert_clean()


@pytest.mark.browser
def test_pages_without_term_links_load_no_popover_script(page: Any, guard: PageGuard) -> None:
    page.goto("search.html")
    expect(page.locator('script[src*="glossary-popover"]')).to_have_count(0)
    expect(page.locator(".glossary-popover")).to_have_count(0)
    guard.assert_clean()
