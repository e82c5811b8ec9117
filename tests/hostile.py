"""The hostile answer files: for each questionnaire, files that must be refused with a reason, and
files whose markup and script must stay text.

Made from the questionnaire's own definition, so every instrument gets the same attacks aimed at
its own questions: wrong types, huge and deeply nested files, foreign and future files, prototype
keys, markup in every text field, and report documents whose answers inside are broken or foreign.
A case is ``Case(name, content, refused)``: ``refused`` is the error codes the file may be refused
with (the first reason given must be one of them; some differ between CPython and MicroPython, whose
parsers reach different depths), or None when it loads and its text must be shown as text.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.sax import saxutils

from questionnaire.engine import office, report, scoring
from questionnaire.strings import catalogue

#: Markup and script that must stay text wherever it lands; running, it would set window.__pwned.
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> javascript:window.__pwned=1 &amp;'


@dataclass(frozen=True)
class Case:
    """One hostile file: its name, its bytes, and the codes it is refused with (None: it loads)."""

    name: str
    content: bytes
    refused: tuple[str, ...] | None


def _file(spec: dict[str, Any], answers: Any = None, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "aitk-questionnaire-answers",
        "format_version": 1,
        "questionnaire": {"id": spec["id"], "version": spec["version"]},
        "answers": {} if answers is None else answers,
        "notes": {},
    }
    data.update(fields)
    return data


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _questions(spec: dict[str, Any], *types: str) -> list[dict[str, Any]]:
    return [q for section in spec["sections"] for q in section["questions"] if q["type"] in types]


def _choice(spec: dict[str, Any]) -> dict[str, Any]:
    return (_questions(spec, "single") or _questions(spec, "rating"))[0]


def _choice_name(spec: dict[str, Any]) -> str:
    question = _choice(spec)
    return question["id"] if question["type"] == "single" else f"{question['id']}.{question['parts'][0]['id']}"


def text_fields(spec: dict[str, Any]) -> dict[str, Any]:
    """The payload in every text field the questionnaire has: text answers, table cells, notes."""
    answers: dict[str, Any] = {}
    for question in _questions(spec, "text", "long-text"):
        answers[question["id"]] = PAYLOAD[: question.get("max_length", 500)]
    for question in _questions(spec, "table"):
        row = {c["id"]: PAYLOAD for c in question["columns"] if c.get("type", "text") in ("text", "long-text")}
        answers[question["id"]] = [row]
    return answers


def _nested_answer(spec: dict[str, Any], name: str) -> bytes:
    # 50,000 levels of lists as an answer: CPython's parser gives up (not-json), MicroPython's
    # reads it and the check refuses the answer's type.
    head = _json(_file(spec))[: -len(b', "notes": {}}')].replace(b'"answers": {}', b'"answers": {')
    return head + _json(name) + b": " + b"[" * 50_000 + b"]" * 50_000 + b'}, "notes": {}}'


def _escape(text: str) -> bytes:
    return saxutils.escape(text, {'"': "&quot;"}).encode()


def _document(spec: dict[str, Any], kind: str, embedded: str) -> bytes:
    """A real report document of ``spec`` whose answers inside are replaced by ``embedded``."""
    result = scoring.score(spec, {})
    data = report.to_document(kind, spec, {}, {}, result, catalogue("en"), "d", "2026-12-02T00:00:00Z")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    original = _escape(office.embedded_answers(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info).replace(original, _escape(embedded)))
    return out.getvalue()


def cases(spec: dict[str, Any]) -> list[Case]:
    """Every hostile file for ``spec``'s questionnaire."""
    choice = _choice_name(spec)
    other = "risk" if spec["id"] != "risk" else "readiness"
    found = [
        Case("empty", b"", ("not-json",)),
        Case("not-json", b"{answers: yes", ("not-json",)),
        Case("null", b"null", ("not-an-object",)),
        Case("a-list", b"[1, 2, 3]", ("not-an-object",)),
        Case("a-number", b"42", ("not-an-object",)),
        Case("a-string", b'"answers"', ("not-an-object",)),
        Case("deeply-nested-lists", b"[" * 100_000 + b"]" * 100_000, ("not-json", "not-an-object")),
        Case("deeply-nested-answer", _nested_answer(spec, choice), ("not-json", "wrong-type")),
        Case("huge", b'{"padding": "' + b"x" * 1_000_100 + b'"}', ("too-large",)),
        Case("invalid-utf8", b'{"format": "\xff\xfe"}', ("not-utf8",)),
        Case("foreign-format", _json({"format": "spreadsheet", "rows": []}), ("wrong-format",)),
        Case("format-version-true", _json(_file(spec, format_version=True)), ("wrong-type",)),
        Case("future-format", _json(_file(spec, format_version=99)), ("newer-format",)),
        Case("other-questionnaire", _json(_file({**spec, "id": other})), ("wrong-questionnaire",)),
        Case("future-version", _json(_file({**spec, "version": "99.0.0"})), ("newer-version",)),
        Case("version-not-a-version", _json(_file({**spec, "version": "one"})), ("wrong-type",)),
        Case("questionnaire-a-string", _json(_file(spec, questionnaire=spec["id"])), ("wrong-type",)),
        Case("answers-a-list", _json(_file(spec, answers=[choice])), ("wrong-type",)),
        Case("notes-a-string", _json(_file(spec, notes="a note")), ("wrong-type",)),
        Case("choice-a-number", _json(_file(spec, {choice: 3})), ("wrong-type",)),
        Case("choice-an-object", _json(_file(spec, {choice: {"toString": "x"}})), ("wrong-type",)),
        Case("unknown-option", _json(_file(spec, {choice: "<b>maybe</b>"})), ("unknown-option",)),
        Case(
            "proto-answer-key",
            b'{"format": "aitk-questionnaire-answers", "format_version": 1, '
            + b'"questionnaire": '
            + _json({"id": spec["id"], "version": spec["version"]})
            + b', "answers": {"__proto__": {"polluted": "yes"}}, "notes": {}}',
            ("unknown-control",),
        ),
        Case(
            "constructor-note-key",
            _json(_file(spec, notes={"constructor": "x", "prototype": "y"})),
            ("unknown-control",),
        ),
        Case("record-not-an-object", _json(_file(spec, record="North")), ("wrong-type",)),
        Case("record-name-too-long", _json(_file(spec, record={"name": "x" * 201})), ("text-too-long",)),
        Case("note-too-long", _json(_file(spec, notes={"general": "x" * 10_001})), ("text-too-long",)),
        Case(
            "duplicate-key-last-foreign",
            _json(_file(spec))[:-1] + b', "questionnaire": {"id": "elsewhere", "version": "1.0.0"}}',
            ("wrong-questionnaire",),
        ),
        Case(
            "docx-broken-answers", _document(spec, "docx", '{"format": "aitk-questionnaire-answers",,'), ("not-json",)
        ),
        Case(
            "odt-foreign-answers",
            _document(spec, "odt", json.dumps(_file({**spec, "id": other}))),
            ("wrong-questionnaire",),
        ),
        Case("docx-not-an-object", _document(spec, "docx", "[]"), ("not-an-object",)),
    ]
    tables = _questions(spec, "table")
    if tables:
        table = tables[0]
        found.append(Case("too-many-rows", _json(_file(spec, {table["id"]: [{}] * 201})), ("too-many-rows",)))
        found.append(
            Case("proto-row-key", _json(_file(spec, {table["id"]: [{"__proto__": "x"}]})), ("unknown-control",))
        )
    dated = _questions(spec, "date")
    if dated:
        found.append(Case("impossible-date", _json(_file(spec, {dated[0]["id"]: "2026-02-30"})), ("impossible-date",)))
    # Last, because it loads: markup and script in every text field, the notes and the record name.
    notes = {"general": PAYLOAD, _choice(spec)["id"]: PAYLOAD}
    found.append(
        Case("markup-everywhere", _json(_file(spec, text_fields(spec), notes=notes, record={"name": PAYLOAD})), None)
    )
    return found
