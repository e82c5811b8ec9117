"""The questionnaire model: YAML in, a validated and normalized spec out, or a located error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from questionnaire.errors import DefinitionError, format_path
from questionnaire.model import load_definition

HEAD = """id: demo
version: 1.0.0
title: Demo
"""
ANY_YES = (
    HEAD
    + """method: any-yes
params: {yes_option: "yes", any_level: act, none_level: rest}
levels:
  - {id: rest, label: Rest, meaning: m}
  - {id: act, label: Act, meaning: m}
sections:
  - id: only
    title: Only
    questions:
      - {id: first, type: single, text: "First?", options: [{id: "yes", label: "Yes"}, {id: "no", label: "No"}]}
      - {id: notes, type: text, text: "Anything else?"}
"""
)
BANDED = (
    HEAD
    + """method: banded-mean
params:
  bands: BANDS
levels:
  - {id: starting, label: Starting, meaning: m}
  - {id: developing, label: Developing, meaning: m}
  - {id: advanced, label: Advanced, meaning: m}
scales:
  readiness:
    - {id: not-in-place, label: Not in place, value: 0}
    - {id: unknown, label: To find out, value: 0, unknown: true}
    - {id: partly, label: Partly, value: 2}
sections:
  - id: area
    title: Area
    questions:
      - {id: s1, type: single, scale: readiness, text: "Statement one"}
"""
)


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    return load_definition(path, "q.yaml")


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(DefinitionError) as caught:
        _load(tmp_path, text)
    return str(caught.value)


def test_applicability_definition_normalizes_to_the_scoring_contract() -> None:
    definition = load_definition(ROOT / "content" / "questionnaires" / "applicability.yaml", "applicability.yaml")
    spec = definition.spec
    assert (spec["id"], spec["version"], spec["method"]) == ("applicability", "1.1.0", "any-yes")
    assert spec["params"] == {
        "yes_option": "yes",
        "any_level": "full-toolkit",
        "none_level": "core-principles",
        "questions": ["core-functions", "medium-or-higher-risk", "other-rights-effects"],
        "counts_as_yes": ["not-assessed-yet"],
    }
    assert [lv["id"] for lv in spec["levels"]] == ["core-principles", "full-toolkit"]
    first = spec["sections"][0]["questions"][0]
    assert [o["id"] for o in first["options"]] == ["yes", "no"]
    assert {r["level"] for r in definition.spec["recommendations"]} == {
        "not-assessed",
        "full-toolkit",
        "core-principles",
    }
    assert [ref.label for ref in definition.references][:1] == ["overview-applicability"]
    assert definition.notes == []


def test_text_questions_are_never_scored(tmp_path: Path) -> None:
    spec = _load(tmp_path, ANY_YES).spec  # type: ignore[attr-defined]
    notes = spec["sections"][0]["questions"][1]
    assert (notes["type"], notes["scored"]) == ("text", False)
    assert spec["params"]["questions"] == ["first"]


def test_named_scales_expand_into_options(tmp_path: Path) -> None:
    bands = "[{below: 0.75, level: starting}, {below: 1.5, level: developing}, {level: advanced}]"
    spec = _load(tmp_path, BANDED.replace("BANDS", bands)).spec  # type: ignore[attr-defined]
    options = spec["sections"][0]["questions"][0]["options"]
    assert [(o["id"], o["value"], o["unknown"]) for o in options] == [
        ("not-in-place", 0, False),
        ("unknown", 0, True),
        ("partly", 2, False),
    ]


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        (
            "[{below: 1.5, level: starting}, {below: 0.75, level: developing}, {level: advanced}]",
            "q.yaml:6:50: params.bands[1].below: thresholds must rise: 0.75 is not above the previous one",
        ),
        (
            "[{below: 0.75, level: starting}, {below: 1.5, level: advanced}]",
            "q.yaml:6:51: params.bands[1].below: the last band takes no 'below': it holds every higher score",
        ),
        (
            "[{below: 0.75, level: starting}, {level: developing}, {level: advanced}]",
            "q.yaml:6:43: params.bands[1]: every band but the last needs a numeric 'below'",
        ),
    ],
)
def test_banded_mean_thresholds_must_rise_and_end_open(tmp_path: Path, bands: str, message: str) -> None:
    assert _error(tmp_path, BANDED.replace("BANDS", bands)) == message


def test_duplicate_yaml_key_is_located(tmp_path: Path) -> None:
    assert _error(tmp_path, ANY_YES.replace("title: Demo\n", "title: Demo\ntitle: Again\n")) == (
        "q.yaml:4:1: (top level): duplicate key 'title'"
    )


def test_empty_file_and_wrong_top_level_are_refused(tmp_path: Path) -> None:
    assert _error(tmp_path, "") == "q.yaml:1:1: (top level): the file is empty"
    assert (
        _error(tmp_path, "- a\n- b\n")
        == "q.yaml:1:1: (top level): the file must hold a mapping (id, version, title, ...)"
    )


def test_bare_yes_key_is_explained_by_asking_for_yes_option(tmp_path: Path) -> None:
    text = ANY_YES.replace('yes_option: "yes"', 'yes: "yes"')
    assert _error(tmp_path, text).endswith("params: missing required field 'yes_option'")


def test_reserved_level_id_is_refused(tmp_path: Path) -> None:
    text = ANY_YES.replace("{id: rest,", "{id: not-assessed,").replace("none_level: rest", "none_level: not-assessed")
    assert _error(tmp_path, text) == "q.yaml:7:3: levels: 'not-assessed' is reserved: the engine adds it"


def test_field_paths_read_like_the_yaml() -> None:
    assert format_path(("sections", 2, "questions", 0, "options")) == "sections[2].questions[0].options"
    assert format_path(()) == "(top level)"


ADVISED = BANDED.replace(
    "BANDS", "[{below: 1, level: starting}, {below: 2, level: developing}, {level: advanced}]"
).replace(
    "    title: Area\n", "    title: Area\n    advice:\n      - {level: starting, text: Begin here.}\n      - ADVICE\n"
)


@pytest.mark.parametrize(
    ("advice", "message"),
    [
        ("{level: urgent, text: Hurry.}", "q.yaml:21:17: sections[0].advice[1].level: unknown level 'urgent'"),
        ("{level: starting, text: Again.}", "q.yaml:21:17: sections[0].advice[1].level: this section already"),
        ("{level: not-assessed, text: Answer.}", "q.yaml:21:17: sections[0].advice[1].level: unknown level"),
        ("{level: developing}", "q.yaml:21:9: sections[0].advice[1]: missing required field 'text'"),
    ],
)
def test_section_advice_names_known_levels_once(tmp_path: Path, advice: str, message: str) -> None:
    assert _error(tmp_path, ADVISED.replace("ADVICE", advice)).startswith(message)


def test_advice_meanings_and_headlines_reach_the_spec(tmp_path: Path) -> None:
    text = ADVISED.replace("ADVICE", "{level: developing, text: Keep going., refs: [roadmap]}")
    text = text.replace("value: 2}", "value: 2, meaning: Some of it.}")
    text = text.replace(
        'text: "Statement one"}',
        'text: "Statement one"}\n      - {id: when, type: date, text: "When?", headline: Date}',
    )
    spec = _load(tmp_path, text).spec  # type: ignore[attr-defined]
    section = spec["sections"][0]
    assert section["advice"] == [
        {"level": "starting", "text": "Begin here.", "refs": []},
        {"level": "developing", "text": "Keep going.", "refs": ["roadmap"]},
    ]
    options = section["questions"][0]["options"]
    assert [o.get("meaning") for o in options] == [None, None, "Some of it."]
    assert "meaning" not in options[0], "a meaning only where the author gave one"
    assert section["questions"][1]["headline"] == "Date"
    assert "headline" not in section["questions"][0]
    assert _error(tmp_path, text.replace("headline: Date", "headline: true")).endswith(
        "sections[0].questions[1].headline: must be a string (got True)"
    )
