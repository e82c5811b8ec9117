"""A broken questionnaire file fails the build with one located message: file, line, column, field."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from typing import Any

import pytest

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _lines(stream: StringIO) -> list[str]:
    return ANSI.sub("", stream.getvalue()).splitlines()


CASES = {
    "duplicate-option": "q.yaml:19:18: sections[0].questions[0].options: duplicate id 'yes'",
    "duplicate-question": "q.yaml:17:14: sections[1].questions[0].id: duplicate id 'first'",
    "wrong-type": "q.yaml:18:44: sections[0].questions[0].options[1].value: must be a number (got 'high')",
    "missing-field": "q.yaml:13:9: sections[0].questions[0]: missing required field 'text'",
    "unknown-field": "q.yaml:16:17: sections[0].questions[0].colour: unknown field 'colour'",
    "bad-yaml": "q.yaml:12:1: (top level): invalid YAML: expected ',' or ']', but got '<stream end>'",
    "band-gap": "q.yaml:25:5: params.bands: gap: score 4 (2 × 2, from question 'item') falls in no band",
    "band-overlap": "q.yaml:26:7: params.bands[1]: band 4–9 overlaps band 1–4",
    "unknown-level": "q.yaml:15:13: recommendations[0].level: unknown level 'urgent' (levels: rest, act)",
    "unknown-method": (
        "q.yaml:4:9: method: must be one of 'any-yes', 'banded-mean', 'matrix-max', 'progress' (got 'weighted-sum')"
    ),
    "misspelt-param": "q.yaml:26:9: params.part: unknown field 'part'",
    "part-mismatch": (
        "q.yaml:26:11: sections[0].questions[1].parts: parts must be 'likelihood', 'impact' as params.parts says"
        " (got 'likelihood', 'severity')"
    ),
}


@pytest.mark.parametrize(("case", "message"), sorted(CASES.items()))
def test_invalid_definition_fails_build_with_located_message(
    make_app: Any, rootdir: Any, tmp_path: Any, case: str, message: str
) -> None:
    src = tmp_path / f"test-q-{case}"
    shutil.copytree(rootdir / f"test-q-{case}", src)
    warnings = StringIO()
    app = make_app("html", srcdir=src, warning=warnings)
    app.build()
    errors = [line for line in _lines(warnings) if "ERROR" in line]
    assert len(errors) == 1, warnings.getvalue()
    assert errors[0].endswith(f"ERROR: {message} [questionnaire.definition]")
    assert "index.rst:4" in errors[0], "the message also names the page that uses the file"
    assert app.statuscode == 1, "an invalid definition must fail the build even without -W"


def test_unknown_page_label_is_a_located_warning_that_can_be_silenced(
    make_app: Any, rootdir: Any, tmp_path: Any
) -> None:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-unknown-ref", src)
    warnings = StringIO()
    make_app("html", srcdir=src, warning=warnings).build()
    assert (
        "WARNING: q.yaml:12:10: sections[0].ref: unknown page label 'no-such-page' [questionnaire.unknown-ref]"
        in "\n".join(_lines(warnings))
    )
    quiet = StringIO()
    make_app(
        "html", srcdir=src, warning=quiet, confoverrides={"suppress_warnings": ["questionnaire.unknown-ref"]}
    ).build()
    assert "no-such-page" not in quiet.getvalue()


def test_oddities_are_located_warnings_with_their_own_subtypes(make_app: Any, rootdir: Any, tmp_path: Any) -> None:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-oddities", src)
    warnings = StringIO()
    app = make_app("html", srcdir=src, warning=warnings)
    app.build()
    found = [line.split(": WARNING: ", 1)[1] for line in _lines(warnings) if ": WARNING: " in line]
    assert found == [
        "q.yaml:7:5: levels[0]: level 'rest' has no recommendation [questionnaire.no-recommendation]",
        "q.yaml:9:5: levels[2]: level 'spare' can never be the result [questionnaire.unused-level]",
    ]
    assert app.statuscode == 0, "oddities warn; only -W turns them into a failure"
