"""CPython and the browser's MicroPython give byte-identical results for every fixture case."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PARITY = ROOT / "tests" / "parity"
#: Real definitions, normalized by the build's model, scored with answers made up below; each
#: keyed by the name its cases carry (two definitions share the id "risk").
DEFINITIONS = {
    "applicability": ROOT / "content" / "questionnaires" / "applicability.yaml",
    "risk-assessment": ROOT / "content" / "questionnaires" / "risk.yaml",
    "risk": ROOT / "tests" / "roots" / "test-q-dimensions" / "risk.yaml",
    "record": ROOT / "tests" / "roots" / "test-q-fields" / "record.yaml",
    "readiness-sample": ROOT / "tests" / "roots" / "test-q-views" / "readiness.yaml",
    "readiness": ROOT / "content" / "questionnaires" / "readiness.yaml",
    "workbook": ROOT / "content" / "questionnaires" / "workbook.yaml",
}
#: Every view on every definition: those that do not fit are refused, and the refusal is compared too.
VIEWS = [
    {"type": "heat-map"},
    {"type": "radar"},
    {"type": "radar", "dimension": "groups"},
    {"type": "comparison"},
]
#: Scoring is given today's date (overdue actions); every case gets the same one.
CONTEXT = {"today": "2026-11-29"}
#: The strings catalogue first (a JSON object): with it, every score case also renders its reports.
CASE_FILES = [
    ROOT / "extensions" / "questionnaire" / "locales" / "en.json",
    ROOT / "tests" / "fixtures" / "scoring_cases.json",
    ROOT / "tests" / "fixtures" / "answers_cases.json",
]
MICROPYTHON_PACKAGE = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"

sys.path.insert(0, str(PARITY))
from run_cases import canonical  # noqa: E402


def run(command: list[str]) -> list[str]:
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert completed.returncode == 0, f"{command[0]} failed ({completed.returncode}):\n{completed.stderr}"
    return completed.stdout.splitlines()


def _cell(column: dict[str, Any], last: bool) -> str:
    if column["type"] == "date":
        return "2026-12-31" if last else "2024-02-29"
    if column["type"] == "choice":
        return column["options"][-1 if last else 0]["id"]
    return "Zoë's “row” <b>" if last else "first"


def _value(spec: dict[str, Any], name: str, control: dict[str, Any], last: bool) -> Any:
    """An answer for one control: its first or last option, or a typed value for fields without options."""
    from questionnaire.engine import spec as specs

    kind = control["kind"]
    if kind in ("text", "long-text"):
        return 'Ünïcode "text"\n' if last else "text"
    if kind == "date":
        return "2026-11-28" if last else "2000-02-29"
    if kind == "table":
        columns = specs.question(spec, name)["columns"]
        row = {column["id"]: _cell(column, last) for column in columns}
        return [row, {}] if last else [row]
    option = control["options"][-1 if last else 0]
    return [option] if kind in ("multiple", "checklist") else option


def _mixed(spec: dict[str, Any], name: str, control: dict[str, Any], index: int) -> Any:
    """The n-th control's option n (counting round), for varied chart values; without options, a first or last value."""
    options = control.get("options") or []
    if not options:
        return _value(spec, name, control, index % 2 == 1)
    option = options[index % len(options)]
    return [option] if control["kind"] in ("multiple", "checklist") else option


def _answer_sets(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Nothing; every first option; every last option; every other question left out; and a mix
    (the n-th control takes its option n, counting round), so charts get varied values."""
    from questionnaire.engine import spec as specs

    controls = sorted(specs.controls(spec).items())
    answerable = [(name, control) for name, control in controls if control["kind"] != "not-applicable"]
    firsts = {name: _value(spec, name, control, False) for name, control in answerable}
    lasts = {name: _value(spec, name, control, True) for name, control in answerable}
    mixed = {name: _mixed(spec, name, control, index) for index, (name, control) in enumerate(answerable)}
    boxes = {name: "yes" for name, control in controls if control["kind"] == "not-applicable"}
    sparse = {name: value for index, (name, value) in enumerate(sorted(lasts.items())) if index % 2 == 0}
    return [
        ("nothing", {}),
        ("first options", firsts),
        ("last options", lasts),
        ("sparse", sparse | boxes),
        ("mixed", mixed),
    ]


#: ``(answers, previous answers or None)`` for each view: alone, then two comparisons (the
#: second has entries that one side leaves not assessed).
VIEW_ANSWERS = [("mixed", None), ("mixed", "first options"), ("sparse", "mixed")]


def _view_cases(label: str, spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each view drawn for each pair of answer sets in VIEW_ANSWERS."""
    sets = dict(_answer_sets(spec))
    cases = []
    for view in VIEWS:
        for answers, previous in VIEW_ANSWERS:
            name = f"{label}: {view['type']} by {view.get('dimension', 'sections')}, {answers}"
            case = {"name": name, "spec": spec, "answers": sets[answers], "view": view, "context": CONTEXT}
            if previous is not None:
                case["name"] += f" against {previous}"
                case["previous_answers"] = sets[previous]
            cases.append(case)
    return cases


def _refused_files(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Files with wrong shapes for the field types of the q-fields root: the refusals must match too."""
    bad = [
        {"started": "2026-02-30"},
        {"actions": [{}, {}, {}, {}]},
        {"actions": [{"status": "maybe", "due": "2026-04-31", "colour": "red"}, "row"]},
        {"system": "x" * 81, "principles": "privacy"},
        {"todo": [{"task": "Audit", "state": "finished", "colour": "red"}]},
    ]
    cases = []
    for index, answers in enumerate(bad):
        version = "1.0.0" if "todo" in answers else spec["version"]
        data = {
            "format": "aitk-questionnaire-answers",
            "format_version": 1,
            "questionnaire": {"id": spec["id"], "version": version},
            "answers": answers,
            "record": {"name": "Face matching"},
        }
        cases.append({"name": f"{spec['id']}: file {index}", "spec": spec, "data": data})
    return cases


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The fixture files, then one made from the real definitions through the build's model."""
    from questionnaire.model import load_definition

    cases = []
    for label, path in DEFINITIONS.items():
        spec = load_definition(path, path.name).spec
        for name, answers in _answer_sets(spec):
            cases.append({"name": f"{label}: {name}", "spec": spec, "answers": answers, "context": CONTEXT})
        cases.extend(_view_cases(label, spec))
        if spec["id"] == "record":
            cases.extend(_refused_files(spec))
    generated = tmp_path_factory.mktemp("parity") / "definitions.json"
    generated.write_text(json.dumps(cases), encoding="utf-8")
    return [*CASE_FILES, generated]


def case_count(files: list[Path]) -> int:
    loaded = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    return sum(len(cases) for cases in loaded if isinstance(cases, list))


@pytest.fixture(scope="module")
def cpython_lines(case_files: list[Path]) -> list[str]:
    return run([sys.executable, str(PARITY / "run_cases.py"), *map(str, case_files)])


@pytest.fixture(scope="module")
def micropython_lines(case_files: list[Path]) -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the MicroPython parity check needs Node 20+ (it must not be skipped)")
    if not MICROPYTHON_PACKAGE.is_dir():
        pytest.fail(f"{MICROPYTHON_PACKAGE} is missing: run `npm ci` in {ROOT}")
    return run([node, str(PARITY / "micropython_runner.mjs"), *map(str, case_files)])


def test_cpython_prints_one_line_per_case(cpython_lines: list[str], case_files: list[Path]) -> None:
    assert len(cpython_lines) == case_count(case_files) > 0


def test_real_definitions_are_compared_with_their_dimensions(cpython_lines: list[str]) -> None:
    outputs = {json.loads(line)["case"]: json.loads(line)["output"] for line in cpython_lines}
    assessment = outputs["risk-assessment: last options"]["score"]
    assert (assessment["level"], len(assessment["groups"])) == ("extremely-high", 17)
    assert assessment["flagged"] and outputs["risk-assessment: nothing"]["score"]["flagged"] == []
    risk = outputs["risk: last options"]["score"]
    assert [entry["kind"] for entry in risk["sections"]] == ["principle", "principle"]
    assert risk["level"] == "extremely-high"
    assert outputs["applicability: first options"]["score"]["level"] == "full-toolkit"
    record = outputs["record: last options"]["score"]
    assert (record["level"], record["percent"]) == ("complete", 100)
    assert record["tables"] == [{"question": "actions", "rows": 2, "overdue": []}]
    assert outputs["record: first options"]["score"]["tables"][0]["overdue"] == [{"row": 0, "due": "2024-02-29"}]
    assert [e["code"] for e in outputs["record: file 2"]["check"]["errors"]] == [
        "unknown-control",
        "impossible-date",
        "unknown-option",
        "wrong-type",
    ]
    assert outputs["record: file 4"]["check"]["ok"] is True
    updates = [u["selector"] for u in outputs["risk: sparse"]["report"]["updates"]]
    assert '[data-result-principle="equality"]' in updates
    # Readiness: every statement "not in place" (first) or "don't know" (last, value 0 and to find out).
    readiness = outputs["readiness: first options"]["score"]
    assert (readiness["level"], readiness["score"], len(readiness["priorities"])) == ("starting", "0.00", 9)
    unknown = outputs["readiness: last options"]["score"]
    assert (unknown["level"], len(unknown["to_find_out"]), unknown["complete"]) == ("starting", 45, True)
    ordered = [u for u in outputs["readiness: mixed"]["report"]["updates"] if u["order"] is not None]
    assert [u["selector"] for u in ordered] == ['[data-role="priority-list"]']
    proposed = outputs["risk-assessment: last options"]["report"]["summary"]["proposals"]
    assert proposed and proposed[0]["source"].startswith("page/index.html#q-risk-q-")
    assert len(outputs["readiness: first options"]["report"]["summary"]["proposals"]) == 9
    workbook = outputs["workbook: last options"]["report"]
    assert workbook["plan"].startswith("Stage,Row,Action,Owner,Due date,Status,From,Overdue\r\n")


def test_micropython_prints_the_same_lines_as_cpython(cpython_lines: list[str], micropython_lines: list[str]) -> None:
    assert micropython_lines, "MicroPython printed nothing"
    assert len(micropython_lines) == len(cpython_lines)
    for number, (expected, actual) in enumerate(zip(cpython_lines, micropython_lines, strict=True), 1):
        assert actual == expected, f"case {number} differs: {json.loads(expected)['case']}"


def test_no_case_raised_unexpectedly(cpython_lines: list[str]) -> None:
    errors = [json.loads(line)["case"] for line in cpython_lines if "error" in json.loads(line)["output"]]
    assert errors == ["unknown method raises"]


@pytest.mark.parametrize(
    "value",
    [
        {"b": [1, {"z": None, "a": True}], "a": "x"},
        {"text": 'Café "quoted"\n\t\\ \u2014 \U0001f600 \x7f \x01'},
        [],
        {},
        -12,
    ],
)
def test_canonical_serializer_matches_json_dumps_sort_keys(value: object) -> None:
    assert canonical(value) == json.dumps(value, sort_keys=True)


def test_canonical_serializer_refuses_floats() -> None:
    with pytest.raises(TypeError, match="float"):
        canonical({"score": 0.5})


def test_score_cases_also_compare_the_rendered_reports(cpython_lines: list[str]) -> None:
    rendered = [line for line in cpython_lines if '"report": {"code": ' in line]
    assert len(rendered) >= 20, "the strings catalogue was not loaded: reports are not compared"
    assert not any('"report": {"error"' in line for line in cpython_lines)


def test_chart_cases_draw_the_views_that_fit_and_refuse_the_others(cpython_lines: list[str]) -> None:
    outputs = {json.loads(line)["case"]: json.loads(line)["output"] for line in cpython_lines}
    heat = outputs["risk: heat-map by sections, mixed against first options"]["view"]
    assert heat["chart"]["svg"]["tag"] == "svg"
    assert heat["comparison"]["data"]["questionnaire"] == "risk"
    radar = outputs["readiness-sample: radar by groups, mixed against first options"]["view"]
    assert 'class="radar-previous"' in radar["markup"][0]
    assert outputs["readiness-sample: radar by sections, mixed"]["view"]["chart"]["svg"]["tag"] == "svg"
    assert outputs["applicability: comparison by sections, mixed"]["view"]["chart"]["svg"] is None
    refused = {name for name, output in outputs.items() if "refused" in output.get("view", {})}
    assert refused == {
        f"{questionnaire}: {view}, {answers}"
        for questionnaire, view in [
            ("applicability", "heat-map by sections"),
            ("applicability", "radar by sections"),
            ("applicability", "radar by groups"),
            ("risk", "radar by sections"),
            ("risk", "radar by groups"),
            ("risk-assessment", "radar by sections"),
            ("risk-assessment", "radar by groups"),
            ("readiness-sample", "heat-map by sections"),
            ("readiness", "heat-map by sections"),
            ("readiness", "radar by groups"),
            ("workbook", "heat-map by sections"),
            ("workbook", "radar by sections"),
            ("workbook", "radar by groups"),
            ("record", "heat-map by sections"),
            ("record", "radar by sections"),
            ("record", "radar by groups"),
        ]
        for answers in ("mixed", "mixed against first options", "sparse against mixed")
    }
