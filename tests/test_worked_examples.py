"""Every figure in the Technical Reference Book's worked examples follows from the counts on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from worked_examples import chains, check_page

REFERENCE = Path(__file__).resolve().parent.parent / "content" / "reference"

#: Pages with worked examples, and the sections whose figures must have been recomputed.
WORKED_EXAMPLES = {
    "model-performance.md": {
        "Worked example: forecasting calls for service",
        "Worked example 1: triaging tips from the public",
        "Model A: flags nothing",
        "Model B: flags 300 invoices",
        "What the two models show",
        "Worked example 3: moving the threshold",
    },
    "fairness-and-monitoring.md": {
        "Group A: victims under 30",
        "Group B: victims 30 and over",
        "Three fairness measures compared",
        "What if the unit forces equal flag rates?",
        "Why all three cannot in general hold at once",
        "Worked example: checking a risk score",
        "Worked example: a population stability index",
    },
}


def source(page: str) -> str:
    """The Markdown source of a Reference Book page."""
    return (REFERENCE / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(p.name for p in REFERENCE.glob("*.md")))
def test_every_figure_in_the_reference_book_follows_from_the_counts(page: str) -> None:
    report = check_page(source(page), page)
    assert report.problems == [], "\n".join(map(str, report.problems))


@pytest.mark.parametrize("page", sorted(WORKED_EXAMPLES))
def test_every_worked_example_was_recomputed(page: str) -> None:
    report = check_page(source(page), page)
    missing = WORKED_EXAMPLES[page] - report.sections_checked
    assert missing == set(), f"{page}: no figure recomputed in {sorted(missing)}"
    assert report.checks >= 60, f"{page}: only {report.checks} figures checked"


PLANTED = [
    # (page, what the page says, a wrong figure, why it is wrong)
    ("model-performance.md", "80 ÷ 120 ≈ **67%**", "80 ÷ 120 ≈ **76%**", "arithmetic"),
    ("model-performance.md", "= 52 ÷ 5 = **10.4 calls**", "= 52 ÷ 5 = **10.6 calls**", "arithmetic"),
    ("model-performance.md", "| Friday | 160 | 190 | 30 | 30 | 900 |", "| Friday | 160 | 190 | 30 | 30 | 960 |", "row"),
    (
        "model-performance.md",
        "| **Flagged urgent** | TP = 80 | FP = 40 | 120 |",
        "| **Flagged urgent** | TP = 80 | FP = 40 | 130 |",
        "total",
    ),
    (
        "model-performance.md",
        "- Recall = 80 ÷ (80 + 20) = 80 ÷ 100 = **80%**",
        "- Recall = 80 ÷ (80 + 25) ≈ **76%**",
        "matrix",
    ),
    (
        "model-performance.md",
        "| Recall | 80 ÷ 100 = 80% | 65 ÷ 100 = 65% |",
        "| Recall | 80 ÷ 100 = 80% | 65 ÷ 95 ≈ 68% |",
        "matrix",
    ),
    ("model-performance.md", "260 ÷ 40 = 6.5", "260 ÷ 40 = 8", "arithmetic"),
    ("fairness-and-monitoring.md", "70 ÷ 400 = **17.5%**", "70 ÷ 400 = **15.7%**", "arithmetic"),
    (
        "fairness-and-monitoring.md",
        "| **Flagged** | TP = 40 | FP = 35 | 75 |",
        "| **Flagged** | TP = 40 | FP = 30 | 75 |",
        "matrix",
    ),
    (
        "fairness-and-monitoring.md",
        "| 0.0 to 0.2 | 400 | 0.10 | 36 |",
        "| 0.0 to 0.2 | 400 | 0.10 | 46 |",
        "calibration",
    ),
    (
        "fairness-and-monitoring.md",
        "| **Total** | **1,000** | | **231** |",
        "| **Total** | **1,000** | | **213** |",
        "total",
    ),
    ("fairness-and-monitoring.md", "**0.183**", "**0.138**", "stability"),
    (
        "fairness-and-monitoring.md",
        "| Phone | 0.60 | 0.40 | −0.20 | −0.405 | 0.081 |",
        "| Phone | 0.60 | 0.45 | −0.20 | −0.405 | 0.081 |",
        "stability",
    ),
]


@pytest.mark.parametrize(("page", "right", "wrong", "kind"), PLANTED, ids=[f"{p[3]}:{p[2]}" for p in PLANTED])
def test_a_wrong_figure_is_reported_with_its_line(page: str, right: str, wrong: str, kind: str) -> None:
    text = source(page)
    assert text.count(right) == 1, f"the page no longer says {right!r}; update this test"
    line = text[: text.index(right)].count("\n") + 1
    report = check_page(text.replace(right, wrong), page)
    assert report.problems, f"planted {kind} error {wrong!r} was not caught"
    assert any(problem.line == line or kind in {"total", "stability", "matrix"} for problem in report.problems)


def test_chains_read_page_arithmetic() -> None:
    text = "- Precision = 80 ÷ (80 + 40) = 80 ÷ 120 ≈ **67%**. One in three, and 1,050 ÷ 5 = 210 (in calls)."
    assert list(chains(text.replace("**", ""))) == [["80 ÷ (80 + 40)", "80 ÷ 120", "67%"], ["1,050 ÷ 5", "210"]]
