"""Phones: at 390 CSS pixels wide no page scrolls sideways, a box that scrolls on its own can be
focused, is named and shows a cue, every control is at least 24 by 24 pixels (WCAG 2.2, 2.5.8),
and the home page's pathway diagram is drawn at a legible size."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import ROOT, BuiltSite, PageGuard, wait_live
from playwright.sync_api import expect
from sitemap import pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

#: The questionnaire pages and their forms, answered before checking them (results, charts, tables).
FORM_PAGES = [
    ("overview/index.html", 'form[data-questionnaire="applicability"]'),
    ("risk-assessment/index.html", 'form[data-questionnaire="risk"]'),
    ("readiness/index.html", 'form[data-questionnaire="readiness"]'),
    ("workbook/index.html", 'form[data-questionnaire="workbook"]'),
    ("check-report.html", None),
]

#: Elements reaching past the right edge of the screen, unless a box that scrolls sideways (inside
#: the screen) holds them: they make the page scroll sideways, or are cut off where the theme clips.
#: Furo's navigation drawers wait off-screen until opened, so only the header and the content count.
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  // Furo's content column (.content) itself scrolls sideways when anything in it is too wide.
  const column = document.querySelector('.content');
  const clipped = (element) => {
    for (let box = element.parentElement; box && box !== column; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (['auto', 'scroll'].includes(overflow) && box.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const wide = [...document.querySelectorAll('.mobile-header *, .content *')].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !clipped(element);
  }).map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
    + (element.className && element.className.baseVal === undefined ? '.' + element.className.split(' ')[0] : ''));
  const scrolls = document.documentElement.scrollWidth > width || column.scrollWidth > column.clientWidth + 1;
  return {scrolls, wide: wide.slice(0, 5)};
}"""

#: Boxes that scroll sideways on their own, and what a keyboard and screen reader user and a
#: sighted user are given for each.
SCROLL_BOXES = """() => [...document.querySelectorAll('article *')]
  .filter((box) => ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)
    && box.scrollWidth > box.clientWidth + 1 && box.getClientRects().length)
  .map((box) => ({
    box: box.tagName.toLowerCase() + '.' + box.className.split(' ')[0],
    tabindex: box.tabIndex,
    role: box.getAttribute('role'),
    name: box.getAttribute('aria-label') || '',
    cue: getComputedStyle(box).backgroundImage.includes('gradient')
      && getComputedStyle(box).backgroundAttachment.includes('local'),
  }))"""

#: Every control and non-inline link a finger must hit, with its size.
TARGETS = """() => [...document.querySelectorAll(
    'article input:not([type=hidden]):not(.visually-hidden-file), article .visually-hidden-file + label, '
    + 'article button, article select, article textarea, article summary, '
    + 'article a.headerlink, nav.glossary-letters a')]
  .filter((target) => target.getClientRects().length
    && (getComputedStyle(target).visibility !== 'hidden' || target.matches('a.headerlink')))
  .map((target) => {
    const box = target.getBoundingClientRect();
    return {target: target.tagName.toLowerCase() + (target.name ? '[name=' + target.name + ']' : '')
      + '.' + (target.className || ''), width: box.width, height: box.height};
  })"""

#: Answer every question: the first option of each radio group, every checkbox, a line in each text field.
ANSWER_ALL = """(form) => {
  const seen = new Set();
  for (const input of form.querySelectorAll('input[type=radio]')) {
    if (!seen.has(input.name)) { seen.add(input.name); input.click(); }
  }
  for (const input of form.querySelectorAll('input[type=checkbox]')) input.click();
  for (const field of form.querySelectorAll('textarea, input[type=text], input:not([type])')) {
    field.value = 'A long answer written on a phone, without spaces: ' + 'x'.repeat(120);
    field.dispatchEvent(new Event('input', {bubbles: true}));
  }
}"""


#: ``data-progress`` once at least one answer has been scored (a whole percent above zero).
ANSWERED = re.compile(r"^[1-9][0-9]*$")


def _on_phone(page: Any) -> Any:
    page.set_viewport_size(PHONE)
    return page


def _answered(page: Any, path: str, form: str | None) -> None:
    page.goto(path)
    if form is not None:
        wait_live(page, form)
        page.locator(form).evaluate(ANSWER_ALL)
        # Scored: the overall result reports a share of questions answered above zero.
        expect(page.locator(f'{form} [data-result="overall"]')).to_have_attribute("data-progress", ANSWERED)


def test_no_page_scrolls_sideways_at_390_px(page: Any, guard: PageGuard, built_site: BuiltSite) -> None:
    _on_phone(page)
    problems = []
    for path in pages(built_site.path):
        page.goto(path)
        found = page.evaluate(SIDEWAYS)
        if found["scrolls"] or found["wide"]:
            problems.append(f"{path}: {found['wide']}")
    assert problems == []
    guard.assert_clean()


@pytest.mark.parametrize(("path", "form"), FORM_PAGES, ids=[path for path, _ in FORM_PAGES])
def test_an_answered_questionnaire_does_not_scroll_sideways_at_390_px(
    page: Any, guard: PageGuard, path: str, form: str | None
) -> None:
    _answered(_on_phone(page), path, form)
    found = page.evaluate(SIDEWAYS)
    assert not found["scrolls"] and found["wide"] == [], found
    guard.assert_clean()


def test_the_sideways_check_catches_a_page_that_is_too_wide(page: Any, guard: PageGuard) -> None:
    _on_phone(page).goto("index.html")
    page.evaluate(
        "() => { const wide = document.createElement('p'); wide.id = 'too-wide'; wide.style.width = '600px';"
        " wide.textContent = 'A line set too wide for a phone.';"
        " document.querySelector('article').appendChild(wide); }"
    )
    found = page.evaluate(SIDEWAYS)
    assert found["scrolls"] and found["wide"] == ["p#too-wide"]
    guard.assert_clean()


def test_every_box_that_scrolls_sideways_takes_focus_has_a_name_and_shows_a_cue(
    page: Any, guard: PageGuard, built_site: BuiltSite
) -> None:
    _on_phone(page)
    boxes = []
    for path in pages(built_site.path):
        page.goto(path)
        boxes += [{**box, "page": path} for box in page.evaluate(SCROLL_BOXES)]
    for path, form in FORM_PAGES:
        if form is not None:
            _answered(page, path, form)
            page.locator(f"{form} details.view-table-box").evaluate_all("(all) => all.forEach((d) => d.open = true)")
            boxes += [{**box, "page": path + " (answered)"} for box in page.evaluate(SCROLL_BOXES)]
    assert len(boxes) >= 10, "wide tables scroll in their own box on a phone (the check has boxes to look at)"
    bad = [box for box in boxes if box["tabindex"] < 0 or box["role"] != "region" or not box["name"] or not box["cue"]]
    assert bad == []
    guard.assert_clean()


@pytest.mark.parametrize(("path", "form"), [*FORM_PAGES, ("glossary.html", None)], ids=lambda value: str(value))
def test_every_target_is_at_least_24_by_24_css_pixels(page: Any, guard: PageGuard, path: str, form: str | None) -> None:
    _answered(_on_phone(page), path, form)
    targets = page.evaluate(TARGETS)
    assert len(targets) >= 3
    small = [t for t in targets if t["width"] < 24 or t["height"] < 24]
    assert small == []
    guard.assert_clean()


def _smallest_font_size(svg: str) -> float:
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes, "the diagram sets its text sizes"
    return min(sizes)


def _view_box_width(svg: str) -> float:
    match = re.search(r'viewBox="0 0 ([\d.]+) ', svg)
    assert match
    return float(match.group(1))


#: On a phone the diagram's smallest text is drawn at 12 px or more. On a desktop the wide diagram
#: is scaled to the text column (about 0.77), so its smallest text is drawn at 10 px or more.
PATHWAY = [(390, "pathway-narrow.svg", 12), (1280, "pathway.svg", 10)]


@pytest.mark.parametrize(("width", "shown", "smallest"), PATHWAY)
def test_the_pathway_diagram_is_drawn_with_legible_text(
    page: Any, guard: PageGuard, width: int, shown: str, smallest: float
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("index.html")
    visible = page.evaluate(
        """() => [...document.querySelectorAll('img.pathway-diagram')]
        .filter((img) => img.getClientRects().length)
        .map((img) => ({src: img.getAttribute('src'), width: img.getBoundingClientRect().width,
                        alt: img.getAttribute('alt')}))"""
    )
    assert [image["src"].rsplit("/", 1)[-1] for image in visible] == [shown]
    svg = (ROOT / "content" / "_static" / "img" / shown).read_text(encoding="utf-8")
    drawn = _smallest_font_size(svg) * visible[0]["width"] / _view_box_width(svg)
    assert drawn >= smallest, f"smallest text drawn at {drawn:.1f} px"
    assert visible[0]["alt"]
    guard.assert_clean()


def test_glossary_terms_stand_apart_from_their_definitions(page: Any, guard: PageGuard) -> None:
    _on_phone(page).goto("glossary.html")
    styles = page.evaluate(
        """() => {
        const dt = document.querySelector('dl.glossary > dt'), dd = document.querySelector('dl.glossary > dd');
        const term = getComputedStyle(dt), definition = getComputedStyle(dd);
        return {weight: Number(term.fontWeight), rule: parseFloat(definition.borderInlineStartWidth),
                indent: parseFloat(definition.paddingInlineStart), gap: parseFloat(term.marginTop)};
    }"""
    )
    assert styles["weight"] >= 600 and styles["rule"] >= 2 and styles["indent"] > 0 and styles["gap"] > 0, styles
    guard.assert_clean()
