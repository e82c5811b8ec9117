"""Never promise what is not there: every "fill in", "download as Word" or "export" on a page is
kept by a form or a button the built site really has."""

from __future__ import annotations

from pathlib import Path

from conftest import BuiltSite
from promises import RULES, Site, broken_promises, read_site


def test_no_page_promises_a_tool_or_an_export_the_site_lacks(built_site: BuiltSite) -> None:
    broken = broken_promises(built_site.path)
    assert broken == [], "\n".join(broken)


def test_the_site_has_what_its_pages_promise(built_site: BuiltSite) -> None:
    site = read_site(built_site.path)
    assert {ids for forms in site.forms.values() for ids in forms} == {
        "applicability",
        "risk",
        "readiness",
        "workbook",
    }
    assert {"save", "load", "markdown", "csv", "docx", "odt", "print", "plan-csv"} <= site.actions
    assert site.checks == {"check-report.html"}


def _page(folder: Path, name: str, article: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body><article>{article}</article></body></html>", encoding="utf-8")


def test_a_promise_the_site_cannot_keep_is_reported_with_its_page_and_words(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<p>Read the <a href="tools/form.html">form</a>.</p>')
    _page(tmp_path, "tools/form.html", '<form data-questionnaire="x"><button data-action="csv">CSV</button></form>')
    _page(tmp_path, "tools/a.html", "<p>Fill in the questionnaire, then download it as a Word document.</p>")
    _page(tmp_path, "tools/b.html", '<p>Fill it in <a href="form.html">here</a> and get a CSV or an Excel file.</p>')
    broken = broken_promises(tmp_path)
    assert [line.split(": ")[:2] for line in broken] == [
        ["tools/a.html", "fill in"],
        ["tools/a.html", "Word document"],
        ["tools/b.html", "Excel"],
    ]
    assert "Fill in the questionnaire" in broken[0]


def test_each_rule_is_kept_only_by_what_it_names() -> None:
    empty = Site(forms={}, actions=set(), checks=set(), links={})
    full = Site(
        forms={"f.html": {"x"}},
        actions={"docx", "odt", "csv", "markdown", "print", "xlsx", "save", "load"},
        checks={"c.html"},
        links={"p.html": {"f.html"}},
    )
    for rule in RULES:
        assert not rule.kept(empty, "p.html"), rule.name
        assert rule.kept(full, "p.html"), rule.name
