"""What the site's pages promise a reader can do, and whether the built site can do it.

A promise is a phrase in a page's article ("fill in", "download as Word", "export") and the
thing that keeps it: a form on the page or one it links to, or a button somewhere on the site.
A page that promises what the site does not have is a broken promise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from sitemap import internal_links, pages, soup


@dataclass(frozen=True)
class Site:
    """What the built site offers, read once from its pages."""

    #: Pages holding a questionnaire form, and the ids of those forms' questionnaires.
    forms: dict[str, set[str]]
    #: Every ``data-action`` of a button or file input on the site (``docx``, ``csv``, ``load``, ...).
    actions: set[str]
    #: Pages with a "Check a report" panel.
    checks: set[str]
    #: Each page's links to other pages of the site.
    links: dict[str, set[str]]


def read_site(site: Path) -> Site:
    """What ``site`` offers."""
    forms: dict[str, set[str]] = {}
    actions: set[str] = set()
    checks: set[str] = set()
    links: dict[str, set[str]] = {}
    for page in pages(site):
        html = soup(site / page)
        found = {form["data-questionnaire"] for form in html.select("form[data-questionnaire]")}
        if found:
            forms[page] = found
        actions |= {str(el["data-action"]) for el in html.select("button[data-action], input[data-action]")}
        if html.select_one("[data-questionnaire-check]"):
            checks.add(page)
        links[page] = {target for _href, target, _fragment in internal_links(site, page)}
    return Site(forms, actions, checks, links)


def _fillable(site: Site, page: str) -> bool:
    # The page has a form, or links to a page that has one.
    return page in site.forms or any(target in site.forms for target in site.links.get(page, set()))


def _action(*names: str) -> Callable[[Site, str], bool]:
    return lambda site, _page: any(name in site.actions for name in names)


@dataclass(frozen=True)
class Rule:
    """A phrase that promises something, and what keeps the promise."""

    name: str
    pattern: re.Pattern[str]
    kept: Callable[[Site, str], bool]


RULES = [
    Rule("fill in", re.compile(r"\bfill(?:ed|ing|s)? (?:it |them |this |one |each )?in\b", re.I), _fillable),
    Rule("Word document", re.compile(r"\b(?:Word (?:file|document|report)|\.docx)\b"), _action("docx")),
    Rule("OpenDocument", re.compile(r"\b(?:OpenDocument|\.odt)\b"), _action("odt")),
    Rule("CSV", re.compile(r"\bCSV\b"), _action("csv", "plan-csv")),
    Rule("Markdown", re.compile(r"\bMarkdown\b"), _action("markdown")),
    Rule("PDF", re.compile(r"\bPDF\b"), _action("print")),
    Rule("Excel", re.compile(r"\b(?:Excel|\.xlsx)\b"), _action("xlsx")),
    Rule("export", re.compile(r"\bexport(?:s|ed|ing)?\b", re.I), _action("save", "csv", "docx", "odt", "markdown")),
    Rule(
        "save to file",
        re.compile(r"\bsave (?:them |it |your answers )?to a file\b|Save to file", re.I),
        _action("save"),
    ),
    Rule("load from file", re.compile(r"\bLoad from file\b"), _action("load")),
    Rule("check a report", re.compile(r"\bCheck a report\b"), lambda site, _page: bool(site.checks)),
]


def article_text(html: BeautifulSoup) -> str:
    """The words of a page's article, without code, the forms' own controls or the site's chrome."""
    article = html.select_one("article") or html
    copy = BeautifulSoup(str(article), "html.parser")
    for element in copy.select("pre, code, script, style, form, [data-questionnaire-check]"):
        element.decompose()
    return " ".join(copy.get_text(" ").split())


def broken_promises(site_path: Path, site: Site | None = None) -> list[str]:
    """``page: rule: "… context …"`` for every promise the site does not keep."""
    offered = site or read_site(site_path)
    out = []
    for page in pages(site_path):
        text = article_text(soup(site_path / page))
        for rule in RULES:
            for match in rule.pattern.finditer(text):
                if not rule.kept(offered, page):
                    context = text[max(0, match.start() - 50) : match.end() + 50]
                    out.append(f"{page}: {rule.name}: “…{context}…”")
    return out
