"""Report documents: .docx and .odt say what the Markdown report says, shade the heat map, carry
their answers file, open in python-docx, odfpy and LibreOffice, and refuse to load when the answers
inside are missing, foreign or broken."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from questionnaire.engine import answers, office, report, zipper
from questionnaire.strings import catalogue
from report_samples import INSTRUMENTS, docx_texts, markdown_texts, odt_texts, save, scored

STRINGS = catalogue("en")
DATE = "2 December 2026, 21:57 (UTC+01:00)"
SAVED_AT = "2026-12-02T20:57:05.123Z"
RECORD = "Face matching & “north”"
KINDS = ("docx", "odt")


def _document(kind: str, name: str) -> tuple[bytes, str, dict[str, Any]]:
    spec, given, notes, result = scored(name)
    data = report.to_document(kind, spec, given, notes, result, STRINGS, DATE, SAVED_AT, None, RECORD)
    markdown = report.to_markdown(spec, given, notes, result, STRINGS, DATE, None, RECORD)
    return data, markdown, {"spec": spec, "answers": given, "notes": notes}


@pytest.fixture(scope="module", params=[(kind, name) for name in INSTRUMENTS for kind in KINDS], ids=str)
def document(request: pytest.FixtureRequest) -> tuple[str, str, bytes, str, dict[str, Any]]:
    kind, name = request.param
    data, markdown, given = _document(kind, name)
    return kind, name, data, markdown, given


def test_the_package_passes_zipfiles_integrity_test(document: tuple[Any, ...]) -> None:
    kind, _name, data, _md, _given = document
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    if kind == "odt":
        # ODF: the mimetype entry first, stored, so a reader can recognize the package.
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    else:
        assert "word/document.xml" in archive.namelist()


def test_the_document_says_what_the_markdown_report_says(document: tuple[Any, ...]) -> None:
    kind, _name, data, markdown, _given = document
    found = docx_texts(data) if kind == "docx" else odt_texts(data)
    assert found == markdown_texts(markdown)


def test_the_document_carries_its_answers_file(document: tuple[Any, ...]) -> None:
    _kind, _name, data, _md, given = document
    text = office.embedded_answers(data)
    checked = answers.check_file(given["spec"], json.loads(text))
    assert checked["ok"], checked["errors"]
    assert (checked["answers"], checked["notes"], checked["record"]) == (given["answers"], given["notes"], RECORD)
    assert answers.read_source(data) == {"ok": True, "text": text, "errors": []}


def test_the_heat_map_is_a_table_shaded_by_level() -> None:
    from docx import Document

    data, _md, _given = _document("docx", "risk")
    document = Document(io.BytesIO(data))
    heat = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Impact (rows)"))
    fills = []
    for row in heat.rows[1:]:
        shades = [cell._tc.tcPr.find(f"{{{office.W_NS}}}shd") for cell in row.cells[1:]]
        fills.append([shade.get(f"{{{office.W_NS}}}fill") for shade in shades])
    # Highest impact on top, highest likelihood on the right: the corner is the worst level.
    assert fills[0][-1] == office.SHADES[-1]
    assert fills[-1][0] == office.SHADES[0]
    assert heat.rows[1].cells[-1].text.endswith("Extremely high")
    # The shade repeats what the words say: every cell names its level too.
    assert all("·" in cell.text for row in heat.rows[1:] for cell in row.cells[1:])


def test_the_heat_map_in_the_odt_uses_the_same_shades() -> None:
    data, _md, _given = _document("odt", "risk")
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    for index, fill in enumerate(office.SHADES):
        assert f'style:name="Shade{index}"' in content and f'fo:background-color="#{fill}"' in content
    assert 'table:style-name="Shade3"' in content and 'table:style-name="Shade0"' in content


def test_the_readiness_chart_is_a_table_of_areas_and_their_stages() -> None:
    from docx import Document

    spec, given, notes, result = scored("readiness")
    data = report.to_document("docx", spec, given, notes, result, STRINGS, DATE, SAVED_AT)
    table = next(t for t in Document(io.BytesIO(data)).tables if t.rows[0].cells[0].text == "Area")
    areas = [row.cells[0].text for row in table.rows[1:]]
    assert areas == [section["title"] for section in spec["sections"] if section.get("scored", True)][-len(areas) :]
    assert len(areas) == 9
    stages = {level["label"] for level in spec["levels"]} | {"Not assessed"}
    assert all(row.cells[1].text.split(" (")[0] in stages for row in table.rows[1:])


def test_an_answers_part_removed_or_foreign_or_broken_is_refused() -> None:
    data, _md, given = _document("docx", "applicability")
    kept = [
        (i.filename, zipfile.ZipFile(io.BytesIO(data)).read(i)) for i in zipfile.ZipFile(io.BytesIO(data)).infolist()
    ]

    def rebuilt(change: Any) -> bytes:
        return zipper.write([entry for entry in (change(name, body) for name, body in kept) if entry])

    stripped = rebuilt(lambda n, b: None if n.startswith("customXml/") or n == "docProps/custom.xml" else (n, b))
    assert answers.read_source(stripped)["errors"] == [{"code": "not-a-document", "detail": {}}]

    def foreign(name: str, body: bytes) -> tuple[str, bytes]:
        return name, body.replace(b"&quot;applicability&quot;", b"&quot;risk&quot;")

    text = answers.read_source(rebuilt(foreign))["text"]
    refused = answers.check_file(given["spec"], json.loads(text))
    assert [e["code"] for e in refused["errors"]] == ["wrong-questionnaire"]

    def broken(name: str, body: bytes) -> tuple[str, bytes]:
        return name, body.replace(b"{&quot;answers&quot;", b"{&quot;answers&quot;,,") if "custom" in name else body

    with pytest.raises(json.JSONDecodeError):
        json.loads(answers.read_source(rebuilt(broken))["text"])


def test_a_file_that_is_not_a_document_of_ours_is_refused_by_name() -> None:
    foreign = io.BytesIO()
    with zipfile.ZipFile(foreign, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert answers.read_source(foreign.getvalue())["errors"][0]["code"] == "not-a-document"
    assert answers.read_source(b"PK\x03\x04 and then nothing")["errors"][0]["code"] == "not-a-zip"
    assert answers.read_source(b"\xff\xfe not text")["errors"][0]["code"] == "not-utf8"
    for error in ("not-a-document", "not-a-zip", "not-utf8", "zip-damaged", "zip-entry-too-large"):
        assert "could not be read" not in report.refusal_text(STRINGS, "x.docx", [{"code": error, "detail": {}}])


# --- LibreOffice ---------------------------------------------------------------------------------


def require_libreoffice() -> str:
    """LibreOffice's soffice; missing is a failure, never a skip (make test installs it)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("No LibreOffice found: run `make test` (it installs Debian's libreoffice-writer-nogui).")
    return found


def _soffice(tmp_path: Path, target: str, out: Path, *files: Path) -> None:
    profile = tmp_path / "profile"
    command = [
        require_libreoffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(out),
        *map(str, files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every instrument's report in both formats, as files named ``<instrument>-<kind>.<kind>``."""
    folder = tmp_path_factory.mktemp("documents")
    return {
        f"{name}-{kind}": save(folder / f"{name}-{kind}.{kind}", _document(kind, name)[0])
        for name in INSTRUMENTS
        for kind in KINDS
    }


def test_libreoffice_turns_every_report_into_a_pdf(tmp_path: Path, written: dict[str, Path]) -> None:
    out = tmp_path / "pdf"
    _soffice(tmp_path, "pdf", out, *written.values())
    for stem in written:
        pdf = (out / f"{stem}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF"), stem
        assert pdf.count(b"/Type /Page") >= 2 or pdf.count(b"/Type/Page") >= 2, stem


def test_libreoffice_reads_the_words_of_every_report(tmp_path: Path, written: dict[str, Path]) -> None:
    out = tmp_path / "txt"
    _soffice(tmp_path, "txt:Text (encoded):UTF8", out, *written.values())
    for stem, path in written.items():
        text = (out / f"{stem}.txt").read_text(encoding="utf-8-sig")
        _data, markdown, _given = _document(path.suffix[1:], stem.rsplit("-", 1)[0])
        code = next(line for line in markdown.splitlines() if line.startswith("- Verification code: "))
        assert code[2:] in text, stem
        assert markdown.splitlines()[0][2:] in text, stem


@pytest.mark.parametrize(
    ("source", "target"),
    [("docx", "docx:MS Word 2007 XML"), ("odt", "odt"), ("docx", "odt"), ("odt", "docx:MS Word 2007 XML")],
    ids=["docx-to-docx", "odt-to-odt", "docx-to-odt", "odt-to-docx"],
)
def test_answers_survive_a_document_saved_again_by_libreoffice(
    tmp_path: Path, written: dict[str, Path], source: str, target: str
) -> None:
    given = written[f"risk-{source}"]
    out = tmp_path / "saved"
    _soffice(tmp_path, target, out, given)
    again = (out / f"risk-{source}.{target.split(':')[0]}").read_bytes()
    assert again != given.read_bytes()  # LibreOffice wrote its own package
    spec, sample, notes, _result = scored("risk")
    checked = answers.check_file(spec, json.loads(office.embedded_answers(again)))
    assert checked["ok"], checked["errors"]
    assert (checked["answers"], checked["notes"]) == (sample, notes)
