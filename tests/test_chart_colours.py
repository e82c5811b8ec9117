"""Heat-map cell colours: every text colour keeps 4.5:1 against its own cell fill, in light and dark mode."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

CSS = (ROOT / "extensions" / "questionnaire" / "static" / "questionnaire.css").read_text(encoding="utf-8")
#: Where each mode's pairs are declared: light on the chart, dark for Furo's switch and for the system setting.
BLOCKS = {
    "light": r"^\.chart-heat-map \{(?P<body>[^}]*)\}",
    "dark": r'^body\[data-theme="dark"\] \.chart-heat-map \{(?P<body>[^}]*)\}',
    "dark (system)": (
        r'@media \(prefers-color-scheme: dark\) \{\s*body:not\(\[data-theme="light"\]\) \.chart-heat-map '
        r"\{(?P<body>[^}]*)\}"
    ),
}
PAIR = re.compile(r"--heat-(?P<level>[a-z0-9-]+?)-(?P<role>fill|text):\s*(?P<colour>#[0-9a-fA-F]{6})\s*;")


def levels() -> list[str]:
    """The matrix-max levels the charts colour, and ``none`` for a cell no band covers."""
    risk = yaml.safe_load((ROOT / "tests" / "roots" / "test-q-dimensions" / "risk.yaml").read_text(encoding="utf-8"))
    return ["none"] + [level["id"] for level in risk["levels"]]


def pairs(mode: str) -> dict[str, dict[str, str]]:
    """Level -> {"fill", "text"} as declared for one mode."""
    found = re.search(BLOCKS[mode], CSS, re.MULTILINE)
    assert found, f"no {mode} heat-map colours in questionnaire.css"
    out: dict[str, dict[str, str]] = {}
    for match in PAIR.finditer(found.group("body")):
        out.setdefault(match["level"], {})[match["role"]] = match["colour"].lower()
    return out


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(("first", "second", "ratio"), [("#000000", "#ffffff", 21.0), ("#767676", "#ffffff", 4.54)])
def test_contrast_is_measured_as_wcag_defines_it(first: str, second: str, ratio: float) -> None:
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast("#777777", "#888888") < 4.5  # a pair the check below must refuse


@pytest.mark.parametrize("mode", list(BLOCKS))
def test_every_cell_text_keeps_4_5_to_1_on_its_fill(mode: str) -> None:
    declared = pairs(mode)
    assert sorted(declared) == sorted(levels())
    weak = {
        level: round(contrast(pair["fill"], pair["text"]), 2)
        for level, pair in declared.items()
        if contrast(pair["fill"], pair["text"]) < 4.5
    }
    assert weak == {}


def test_both_dark_switches_use_the_same_colours() -> None:
    assert pairs("dark") == pairs("dark (system)")


@pytest.mark.parametrize("level", levels()[1:])
def test_each_level_paints_its_cells_and_their_text_with_its_pair(level: str) -> None:
    assert f".heat-cell.level-{level} .heat-cell-box {{ fill: var(--heat-{level}-fill); }}" in CSS
    assert f".heat-cell.level-{level} text {{ fill: var(--heat-{level}-text); }}" in CSS
