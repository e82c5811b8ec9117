"""Answers for every real questionnaire, and the words of a report read back from each format.

Shared by the report-document tests in CPython and in Chromium: each format is reduced to the same
list of texts (headings, list items, paragraphs, table cells in reading order), so the Markdown,
the .docx and the .odt can be compared word for word.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from conftest import ROOT
from questionnaire.engine import scoring
from questionnaire.model import load_definition

INSTRUMENTS = ("applicability", "risk", "readiness", "workbook")
#: Text with everything a document writer must escape or keep: markup, quotes, ampersands,
#: a pipe (Markdown), a new line, a tab and a control character XML forbids.
AWKWARD = 'Checked by <b>legal</b> & "ops" | 2nd line\nthird\tline\x0b end'


def spec_of(name: str) -> dict[str, Any]:
    """The normalized spec of ``content/questionnaires/<name>.yaml``."""
    path = ROOT / "content" / "questionnaires" / f"{name}.yaml"
    return load_definition(path, f"questionnaires/{name}.yaml").spec


def sample_answers(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Answers to every other question of a spec (each type filled as a reader would) and notes."""
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {"general": AWKWARD}
    number = 0
    for section in spec["sections"]:
        for question in section["questions"]:
            number += 1
            if number % 2 == 0:
                continue
            qid, kind = question["id"], question["type"]
            if kind == "single":
                answers[qid] = question["options"][-1]["id"]
            elif kind in ("multiple", "checklist"):
                answers[qid] = [option["id"] for option in question["options"][:2]]
            elif kind == "rating":
                for part in question["parts"]:
                    answers[f"{qid}.{part['id']}"] = part["options"][-1]["id"]
            elif kind in ("text", "long-text"):
                answers[qid] = f"Answer to {qid} & <more>"
            elif kind == "date":
                answers[qid] = "2026-11-30"
            elif kind == "table":
                row = {}
                for column in question["columns"]:
                    if column.get("type") == "choice":
                        row[column["id"]] = column["options"][0]["id"]
                    elif column.get("type") == "date":
                        row[column["id"]] = "2026-12-01"
                    elif column.get("type") != "source":
                        row[column["id"]] = f"{column['label']} one"
                answers[qid] = [row, {}]
            if number % 3 == 1:
                notes[qid] = f"Note on {qid}: see file 12/A"
    return answers, notes


def scored(name: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, str], dict[str, Any]]:
    """``(spec, answers, notes, result)`` for one real questionnaire with sample answers."""
    spec = spec_of(name)
    answers, notes = sample_answers(spec)
    return spec, answers, notes, scoring.score(spec, answers, {"today": "2026-12-02"})


def _words(text: str) -> str:
    return " ".join(text.split())


def _md_unescape(text: str) -> str:
    return re.sub(r"\\([\\|])", r"\1", text)


def markdown_texts(markdown: str) -> list[str]:
    """Headings, list items, paragraphs and table cells of a Markdown report, in order."""
    out = []
    for line in markdown.splitlines():
        if not line.strip() or re.fullmatch(r"\|(---\|)+", line):
            continue
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            out.extend(_md_unescape(cell.strip()) for cell in cells)
            continue
        text = re.sub(r"^(#+ |- )", "", line)
        if text.startswith("_") and text.endswith("_"):
            text = text[1:-1]
        out.append(_md_unescape(text))
    return [_words(text) for text in out if _words(text)]


def docx_texts(data: bytes) -> list[str]:
    """The same texts read from a .docx by python-docx: paragraphs, then each table's cells."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    out = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                out.extend(cell.text for cell in row.cells)
    return [_words(text) for text in out if _words(text)]


def odt_texts(data: bytes) -> list[str]:
    """The same texts read from an .odt by odfpy: headings, paragraphs, list items, table cells."""
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    out: list[str] = []

    def walk(node: Any) -> None:
        for child in node.childNodes:
            name = getattr(child, "qname", None)
            if name in ((TEXTNS, "h"), (TEXTNS, "p")) or name == (TABLENS, "table-cell"):
                out.append(teletype.extractText(child))
            elif name is not None:
                walk(child)

    walk(document.text)
    return [_words(text) for text in out if _words(text)]


def save(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` and return it."""
    path.write_bytes(data)
    return path
