"""The six life-cycle stages: one set of ids and names, the same on every page that names them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, BuiltSite
from questionnaire.engine import spec as specs
from questionnaire.model import load_definition
from sitemap import soup
from sphinx.util.inventory import InventoryFile
from toolkit_ids import LIFE_CYCLE_STAGES

RISK = ROOT / "content" / "questionnaires" / "risk.yaml"
WORKBOOK = ROOT / "content" / "questionnaires" / "workbook.yaml"


def stage_names() -> dict[str, str]:
    """Stage id → name, from the one definition: the options of the risk intake's ``stage`` question."""
    risk = load_definition(RISK, "risk.yaml").spec
    question = next(q for _s, q in specs.questions(risk) if q["id"] == "stage")
    return {option["id"]: option["label"] for option in question["options"]}


NAMES = stage_names()
NUMBERED = [(number, stage, NAMES[stage]) for number, stage in enumerate(LIFE_CYCLE_STAGES, start=1)]


@pytest.fixture(scope="module")
def labels(built_site: BuiltSite) -> dict[str, str]:
    """std:label entries of the built site's inventory: label → page URI."""
    with (built_site.path / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    return {name: str(item.uri if hasattr(item, "uri") else item[2]) for name, item in inventory["std:label"].items()}


def heading_text(section: Tag) -> str:
    """The text of a section's own heading, without its ¶ link."""
    heading = section.find(["h1", "h2", "h3"])
    assert heading is not None, section.get("id")
    return "".join(heading.find_all(string=True, recursive=False)).strip()


def page(site: Path, name: str) -> BeautifulSoup:
    return soup(site / name)


def link(anchor: Tag | None) -> tuple[str, str]:
    """A link's text and the page it points to (without the fragment)."""
    assert anchor is not None
    return anchor.get_text(), str(anchor["href"]).split("#")[0]


def test_the_ids_are_the_risk_intakes_stage_options_in_order() -> None:
    assert list(NAMES) == LIFE_CYCLE_STAGES


@pytest.mark.parametrize(("number", "stage", "name"), NUMBERED)
def test_each_stage_has_its_page_titled_with_its_number_and_name(
    built_site: BuiltSite, labels: dict[str, str], number: int, stage: str, name: str
) -> None:
    assert labels[f"stage-{stage}"].split("#")[0] == f"workbook/stages/{stage}.html"
    section = page(built_site.path, f"workbook/stages/{stage}.html").find(id=f"stage-{stage}")
    assert section is not None
    assert heading_text(section) == f"Stage {number}: {name}"


@pytest.mark.parametrize(("number", "stage", "name"), NUMBERED)
def test_the_introduction_and_the_practice_page_use_the_same_stage(
    built_site: BuiltSite, labels: dict[str, str], number: int, stage: str, name: str
) -> None:
    intro = page(built_site.path, "introduction/life-cycle.html").find(id=f"intro-stage-{stage}")
    practice = page(built_site.path, "principles/putting-into-practice.html").find(id=f"practice-stage-{stage}")
    assert intro is not None and practice is not None
    assert heading_text(intro) == f"Stage {number}: {name}"
    assert heading_text(practice) == f"{number}. {name}"
    for section in (intro, practice):
        targets = {link(a)[1] for a in section.select("a.reference.internal")}
        assert any(target.endswith(f"workbook/stages/{stage}.html") for target in targets), stage


def test_no_other_stage_sections_remain(built_site: BuiltSite) -> None:
    intro = page(built_site.path, "introduction/life-cycle.html")
    practice = page(built_site.path, "principles/putting-into-practice.html")
    assert [s["id"] for s in intro.select('section[id^="intro-stage-"]')] == [
        f"intro-stage-{s}" for s in LIFE_CYCLE_STAGES
    ]
    assert [s["id"] for s in practice.select('section[id^="practice-stage-"]')] == [
        f"practice-stage-{s}" for s in LIFE_CYCLE_STAGES
    ]


def test_the_toolkit_map_has_one_row_per_stage_linked_to_its_page(built_site: BuiltSite) -> None:
    document = page(built_site.path, "introduction/toolkit-map.html")
    table = next(t for t in document.select("article table") if "Principles to focus on" in t.get_text())
    firsts = [row.select_one("td a") for row in table.select("tbody tr")]
    assert [link(a) for a in firsts] == [
        (f"{number}. {name}", f"../workbook/stages/{stage}.html") for number, stage, name in NUMBERED
    ]


def test_the_workbook_lists_the_stages_by_name_and_in_its_toctree(built_site: BuiltSite) -> None:
    document = page(built_site.path, "workbook/index.html")
    section = document.find(id="tools-workbook-this-edition")
    assert section is not None
    listed = section.select_one("ol")
    assert listed is not None
    items = [li.select_one("a") for li in listed.find_all("li", recursive=False)]
    assert [link(a) for a in items] == [(name, f"stages/{stage}.html") for _n, stage, name in NUMBERED]
    # The toctree is hidden on the page (the list says the same); the navigation shows it.
    toctree = document.select('.sidebar-tree a[href^="stages/"]')
    assert [link(a) for a in toctree] == [
        (f"Stage {number}: {name}", f"stages/{stage}.html") for number, stage, name in NUMBERED
    ]


def test_the_workbook_questionnaire_uses_the_stage_ids_as_section_ids() -> None:
    workbook = load_definition(WORKBOOK, "workbook.yaml").spec
    sections = {section["id"]: section for section in workbook["sections"]}
    for stage, name in NAMES.items():
        assert stage in sections, f"workbook.yaml has no section {stage!r}"
        assert name in sections[stage]["title"], f"section {stage!r} is not titled {name!r}"
    staged = [section for section in workbook["sections"] if section["id"] in NAMES]
    assert [s["id"] for s in staged] == LIFE_CYCLE_STAGES, "in life-cycle order"
    assert [s["title"] for s in staged] == [f"Stage {number}: {name}" for number, _stage, name in NUMBERED]
    assert [s["ref"] for s in staged] == [f"stage-{stage}" for stage in LIFE_CYCLE_STAGES]
    # The workbook's own choice of stage (the system's current stage) offers the same options.
    current = specs.question(workbook, "current-stage")
    assert {o["id"]: o["label"] for o in current["options"]} == NAMES
    assert specs.dimension(workbook, "sections")["kind"] == "stage"
