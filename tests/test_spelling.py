"""Every page is in Oxford spelling: -ize and -ization, British forms otherwise (see tests/spelling.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spelling import misspellings, misspellings_in_text, source_files

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def test_every_page_uses_oxford_spelling() -> None:
    files = source_files(CONTENT)
    assert len(files) > 40, "the content folder lost its pages"
    found = misspellings(files, ROOT)
    assert found == [], "US spellings (this edition uses Oxford spelling):\n" + "\n".join(map(str, found))


def test_check_names_file_and_line_of_a_planted_misspelling(tmp_path: Path) -> None:
    page = tmp_path / "content" / "page.md"
    page.parent.mkdir()
    page.write_text("# A page\n\nThe neighbourhood team.\nThe neighborhood team.\n", encoding="utf-8")
    found = misspellings(source_files(tmp_path / "content"), tmp_path)
    assert [str(m) for m in found] == [
        "content/page.md:4: 'neighborhood' → use neighbour, neighbourhood",
    ]


@pytest.mark.parametrize(
    "us",
    [
        "color",
        "Behavior",
        "behavioral",
        "center",
        "data centers",
        "analyze",
        "analyzing",
        "defense",
        "offenses",
        "neighborhood",
        "a training program",
        "a driving license",
        "organise",
        "Organisation",
        "recognised",
        "prioritising",
        "minimise",
        "summarisation",
        "labeled",
        "modeling",
        "fulfill",
        "judgment",
        "toward",
        "practiced",
    ],
)
def test_check_catches_a_us_or_non_oxford_form(us: str) -> None:
    assert list(misspellings_in_text(f"A sentence with {us} in it.")), f"{us!r} was not caught"


@pytest.mark.parametrize(
    "oxford",
    [
        "organization",
        "recognize",
        "prioritizing",
        "minimization",
        "colour",
        "behaviour",
        "centre",
        "analyse",
        "analysis",
        "analyses",
        "defence",
        "offence",
        "offensive",
        "neighbourhood",
        "programme",
        "a computer program",
        "programming",
        "a driving licence",
        "licensed to",
        "to license a product",
        "advise",
        "supervised",
        "unsupervised",
        "rising",
        "otherwise",
        "expertise",
        "premises",
        "promising",
        "precise",
        "denoising",
        "crises",
        "exercise",
        "SmartNoise",
        "judgement",
        "towards",
        "practised",
        "labelled",
        "modelling",
        "fulfil",
    ],
)
def test_check_leaves_oxford_forms_alone(oxford: str) -> None:
    assert list(misspellings_in_text(f"A sentence with {oxford} in it.")) == []


def test_code_and_link_targets_are_not_checked() -> None:
    text = "See `color: red` and [the page](https://example.org/neighborhood-center) or colors.css."
    assert list(misspellings_in_text(text)) == []
