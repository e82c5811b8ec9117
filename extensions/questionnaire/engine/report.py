"""Words for a scored questionnaire: "why this result", "how this is scored", Markdown and CSV.

The method supplies its own lines and blocks (``methods/<name>.py``); everything here is generic.
"""

from . import methods
from . import spec as specs
from .text import fmt


def how(spec: dict, strings: dict) -> list:
    """ "How this is scored" as blocks: the same data the page draws and every report prints."""
    return methods.get(spec["method"]).how(spec, strings)


def _question_of(spec: dict, item: dict) -> dict:
    # A scored item carries its question (items.read_items); the lookup is for items that do not.
    return item.get("question") or specs.question(spec, item["id"])


def _item_text(spec: dict, item: dict, strings: dict) -> str:
    question = _question_of(spec, item)
    status = item["status"]
    if status == "rated":
        parts = []
        for chosen in item["parts"]:
            part = specs.part(question, chosen["part"])
            parts.append(
                part["label"] + ": " + specs.option_label(part["options"], chosen["option"]) + " (%s)" % chosen["value"]
            )
        return fmt(
            strings,
            "item.rated",
            {
                "parts": " × ".join(parts),
                "score": item["score"],
                "level": specs.level_label(spec, item["level"], strings),
            },
        )
    if status == "answered" and not item["parts"]:
        return strings["item.filled"]
    if status == "answered":
        chosen = item["parts"][0]
        key = "item.answered" if chosen["value"] is None else "item.answered_value"
        return fmt(
            strings,
            key,
            {"option": specs.option_label(question["options"], chosen["option"]), "value": chosen["value"]},
        )
    if status == "not-applicable":
        return strings["item.not-applicable"]
    if status == "incomplete":
        return strings["item.incomplete"]
    return strings["item.unanswered"]


def _reason_texts(spec: dict, result: dict) -> list:
    """Each reason as its question and the answer given ("Is it ...? (Not assessed yet)")."""
    chosen = {}
    for item in result["items"]:
        if item["parts"]:
            chosen[item["id"]] = item["parts"][0]["option"]
    out = []
    for qid in result["reasons"]:
        question = specs.question(spec, qid)
        label = specs.option_label(question.get("options", []), chosen.get(qid, ""))
        out.append(question["text"] + " (" + label + ")")
    return out


def explain(spec: dict, result: dict, strings: dict) -> list:
    """Lines saying why the result is what it is: each item, the method's own lines, the version."""
    lines = []
    if result["level"] != specs.NOT_ASSESSED and result.get("score"):
        lines.append(fmt(strings, "result.score", {"score": result["score"]}))
    if result.get("reasons"):
        lines.append(strings["result.reasons"] + ": " + "; ".join(_reason_texts(spec, result)))
    # A question already named among the reasons is not listed again, and one not answered yet
    # says nothing about the result (the answers list every question).
    reasons = result.get("reasons") or []
    for item in result["items"]:
        if item["id"] not in reasons and item["status"] != "unanswered":
            lines.append(_question_of(spec, item)["text"] + " — " + _item_text(spec, item, strings))
    lines.extend(methods.get(spec["method"]).explain(spec, result, strings))
    lines.extend(_overdue_lines(spec, result, strings))
    lines.append(
        fmt(
            strings,
            "result.version",
            {"title": spec["title"], "version": spec["version"]},
        )
    )
    return lines


def _overdue_lines(spec: dict, result: dict, strings: dict) -> list:
    lines = []
    for table in result.get("tables", []):
        if table["overdue"]:
            rows = ", ".join(str(found["row"] + 1) for found in table["overdue"])
            values = {"question": specs.question(spec, table["question"])["text"], "rows": rows}
            lines.append(fmt(strings, "why.overdue", values))
    return lines


def _cell_text(column: dict, value: str) -> str:
    if column.get("type") == "choice":
        return specs.option_label(column.get("options", []), value)
    return value


def _table_rows(question: dict, answers: dict, strings: dict) -> list:
    """``(part, answer)`` for each row of a table: "Row n" and its cells as "Column: value; ..."."""
    out = []
    for index, row in enumerate(specs.table_rows(answers, question["id"])):
        cells = []
        for column in question.get("columns", []):
            if row.get(column["id"]):
                cells.append(column["label"] + ": " + _cell_text(column, row[column["id"]]))
        out.append((fmt(strings, "table.row", {"n": index + 1}), "; ".join(cells)))
    return out or [("", "")]


def answer_rows(spec: dict, answers: dict, notes: dict, strings: dict | None = None) -> list:
    """One row per form control: (section title, question id, question text, part, answer label, note).

    A table gives one row per table row (``strings`` name them); a question without an answer
    still gives its row, with an empty answer.
    """
    rows = []
    for section, question in specs.questions(spec):
        qid = question["id"]
        note = notes.get(qid, "")
        head = (section["title"], qid, question["text"])
        kind = question["type"]
        if kind == "rating":
            for part in question["parts"]:
                chosen = answers.get(specs.part_control(qid, part["id"]))
                label = specs.option_label(part["options"], chosen) if chosen else ""
                rows.append(head + (part["label"], label, note))
            if question.get("not_applicable"):
                flag = specs.is_not_applicable(question, answers)
                rows.append(head + (specs.NOT_APPLICABLE, "yes" if flag else "", note))
        elif kind == "table":
            for part, answer in _table_rows(question, answers, strings or {"table.row": "{n}"}):
                rows.append(head + (part, answer, note))
        else:
            rows.append(head + ("", _answer_text(question, answers), note))
    return rows


def _answer_text(question: dict, answers: dict) -> str:
    """A choice, a list of choices or a text in words ('' when unanswered): not a rating or a table."""
    qid = question["id"]
    kind = question["type"]
    if kind in specs.LIST_TYPES:
        chosen = answers.get(qid) or []
        return "; ".join(o["label"] for o in question["options"] if o["id"] in chosen)
    if kind in specs.TEXT_TYPES:
        return answers.get(qid, "")
    chosen = answers.get(qid)
    return specs.option_label(question.get("options", []), chosen) if chosen else ""


def _headline_text(question: dict, answers: dict) -> str:
    kind = question["type"]
    if kind == "table":
        # One person, system or action per row: its filled cells, in column order.
        rows = []
        for row in specs.table_rows(answers, question["id"]):
            cells = [_cell_text(c, row[c["id"]]) for c in question.get("columns", []) if row.get(c["id"])]
            if cells:
                rows.append(", ".join(cells))
        return "; ".join(rows)
    return _answer_text(question, answers)


def headlines(spec: dict, answers: dict) -> list:
    """``(label, answer)`` for each question marked ``headline``, in form order, answered or not."""
    out = []
    for _section, question in specs.questions(spec):
        if question.get("headline"):
            out.append((question["headline"], _headline_text(question, answers)))
    return out


def next_steps(spec: dict, result: dict, strings: dict) -> list:
    """ "What to do next", as lines: the advice for the result's level, then each priority's advice."""
    lines = []
    for rec in spec.get("recommendations", []):
        if rec["level"] == result["level"]:
            lines.append(rec["text"])
    for priority in result.get("priorities", []):
        section = specs.section(spec, priority["id"]) or {}
        words = specs.level_text(spec, priority["level"], priority.get("score"), strings)
        line = specs.title_of(spec, "sections", priority["id"]) + " (" + words + ")"
        for advice in section.get("advice", []):
            if advice["level"] == priority["level"]:
                line += ": " + advice["text"]
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------
# The report as a document: one list of blocks, written out as Markdown here and as .docx and
# .odt by ``office.py``, so every format says the same. A block is one of
#   {"kind": "heading", "level": 1-3, "text"}
#   {"kind": "list", "items": [text, ...]}
#   {"kind": "paragraph", "text", "style": None or "small"}
#   {"kind": "table", "caption", "header": [text, ...], "rows": [[text, ...], ...],
#    "shades": None or [[level rank or None, ...], ...] (a shaded cell per level, heat maps),
#    "answers": True for a table of answers (question, answer, note), which documents lay out wider}


def _heading(level: int, text: str) -> dict:
    return {"kind": "heading", "level": level, "text": text}


def _list(items: list) -> dict:
    return {"kind": "list", "items": items}


def _paragraph(text: str, style: str | None = None) -> dict:
    return {"kind": "paragraph", "text": text, "style": style}


def _table(caption: str, header: list, rows: list, shades: list | None = None, answers: bool = False) -> dict:
    return {"kind": "table", "caption": caption, "header": header, "rows": rows, "shades": shades, "answers": answers}


def facts(spec: dict, answers: dict, notes: dict, result: dict, strings: dict, date: str, record: str) -> list:
    """``(label, text)`` for the head of every report: date, questionnaire, record, result, the
    headline answers and the verification code."""
    from . import verify

    out = [
        (strings["report.date"], date),
        (strings["report.questionnaire"], spec["title"] + " (" + spec["id"] + ", " + spec["version"] + ")"),
    ]
    if record:
        out.append((strings["report.record"], record))
    out.append((strings["report.result"], specs.level_label(spec, result["level"], strings)))
    for label, answer in headlines(spec, answers):
        out.append((label, answer or strings["report.not-given"]))
    out.append((strings["report.code"], verify.of_spec(spec, record, answers, notes)))
    return out


def _view_blocks(spec: dict, result: dict, strings: dict, compared: dict | None) -> list:
    """The result's charts as tables: a heat map with shaded cells, a radar as areas and scores."""
    out = []
    for view in spec.get("views", []):
        if view["type"] not in ("heat-map", "radar"):
            continue
        # Imported here, as in bind: only questionnaires with views ship the module.
        from . import charts

        data = charts.table_data(spec, view, result, strings, compared["result"] if compared else None)
        out.append(_heading(2, strings["view." + view["type"]]))
        out.append(_table(data["caption"], data["header"], data["rows"], data["shades"]))
    return out


def _how_blocks(spec: dict, strings: dict) -> list:
    """ "How this is scored": the rule, values and bands, stated once, as the page states them."""
    out = [_heading(2, strings["how.title"])]
    for block in how(spec, strings):
        if block["type"] == "paragraph":
            out.append(_paragraph(block["text"]))
        else:
            out.append(_table(block["title"], block["header"], block["rows"]))
    return out


def _answer_words(spec: dict, question_id: str, parts: list, strings: dict) -> str:
    """One question's answer in words from its ``answer_rows`` parts: "Likelihood: Likely; Impact:
    Major" for a rating, a line per row for a table, the answer itself otherwise."""
    words = []
    for part, label in parts:
        if not label:
            continue
        if part == specs.NOT_APPLICABLE:
            words.append(strings["na.label"])
        elif part:
            words.append(part + ": " + label)
        else:
            words.append(label)
    joiner = "\n" if specs.question(spec, question_id)["type"] == "table" else "; "
    return joiner.join(words)


def _answer_blocks(spec: dict, answers: dict, notes: dict, strings: dict) -> list:
    """Every answer and note: a heading and a table for each section, a row for each question."""
    out = [_heading(2, strings["report.answers"])]
    grouped: list = []  # [section title, [[question id, text, [(part, label)], note], ...]]
    for section_title, qid, question_text, part, label, note in answer_rows(spec, answers, notes, strings):
        if not grouped or grouped[-1][0] != section_title:
            grouped.append([section_title, []])
        questions = grouped[-1][1]
        if not questions or questions[-1][0] != qid:
            questions.append([qid, question_text, [], note])
        questions[-1][2].append((part, label))
    header = [strings["report.question"], strings["report.answer"], strings["report.note"]]
    for section_title, questions in grouped:
        rows = [[text, _answer_words(spec, qid, parts, strings), note] for qid, text, parts, note in questions]
        out.append(_heading(3, section_title))
        out.append(_table("", header, rows, None, True))
    return out


def document(
    spec: dict,
    answers: dict,
    notes: dict,
    result: dict,
    strings: dict,
    date: str,
    compared: dict | None = None,
    record: str = "",
) -> list:
    """The report as blocks: title, facts, what to do next, why, charts, comparison, how this is
    scored, answers, notes.

    ``date`` is the date as the reader reads it (``dates.readable``); ``record`` the record's
    name; ``compared`` (``{"label", "result"}``: the earlier result the page compares with, if
    any) adds a section with each change, as the comparison view shows it.
    """
    out = [_heading(1, fmt(strings, "report.title", {"title": spec["title"]}))]
    out.append(
        _list([label + ": " + text for label, text in facts(spec, answers, notes, result, strings, date, record)])
    )
    steps = next_steps(spec, result, strings)
    if steps:
        out += [_heading(2, strings["result.recommendations"]), _list(steps)]
    out += [_heading(2, strings["result.why"]), _list(explain(spec, result, strings))]
    out += _view_blocks(spec, result, strings, compared)
    if compared is not None:
        from . import compare

        found = compare.compare(spec, result, compared["result"])
        out.append(_heading(2, fmt(strings, "report.compared", {"label": compared["label"]})))
        out.append(_list(compare.lines(spec, found, strings)))
    out += _how_blocks(spec, strings)
    out += _answer_blocks(spec, answers, notes, strings)
    if notes.get(specs.GENERAL_NOTE):
        out += [_heading(2, strings["report.general-note"]), _paragraph(notes[specs.GENERAL_NOTE])]
    out.append(_paragraph(strings["report.generated"], "small"))
    out.append(_paragraph(strings["report.code.about"], "small"))
    return out


def _md_cell(value: object) -> str:
    # One line of Markdown: backslashes and pipes escaped, line breaks and other control
    # characters (a vertical tab would end a line for many readers) made spaces.
    text = str(value).replace("\\", "\\\\").replace("|", "\\|")
    return "".join(" " if ord(char) < 32 else char for char in text)


def _md_table(block: dict) -> list:
    out = []
    if block["caption"]:
        out += ["_" + _md_cell(block["caption"]) + "_", ""]
    out.append("| " + " | ".join(_md_cell(cell) for cell in block["header"]) + " |")
    out.append("|" + "---|" * len(block["header"]))
    for row in block["rows"]:
        out.append("| " + " | ".join(_md_cell(cell) for cell in row) + " |")
    return out


def blocks_to_markdown(blocks: list) -> str:
    """Blocks (``document``) as Markdown: one blank line between blocks."""
    out = []
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            out.append("#" * block["level"] + " " + _md_cell(block["text"]))
        elif kind == "list":
            out.extend("- " + _md_cell(item) for item in block["items"])
        elif kind == "table":
            out.extend(_md_table(block))
        elif block.get("style") == "small":
            out.append("_" + _md_cell(block["text"]) + "_")
        else:
            out.append(_md_cell(block["text"]))
        out.append("")
    return "\n".join(out)


def to_markdown(
    spec: dict,
    answers: dict,
    notes: dict,
    result: dict,
    strings: dict,
    date: str,
    compared: dict | None = None,
    record: str = "",
) -> str:
    """A Markdown report: the blocks of ``document`` (same arguments)."""
    return blocks_to_markdown(document(spec, answers, notes, result, strings, date, compared, record))


def to_document(
    kind: str,
    spec: dict,
    answers: dict,
    notes: dict,
    result: dict,
    strings: dict,
    date: str,
    saved_at: str,
    compared: dict | None = None,
    record: str = "",
) -> bytes:
    """The report as a ``docx`` or ``odt`` file, carrying the answers file (``answers.make_file``,
    as canonical JSON, so CPython and MicroPython write the same bytes) for loading it back."""
    from . import answers as answers_file
    from . import office, verify

    blocks = document(spec, answers, notes, result, strings, date, compared, record)
    saved = verify.canonical(answers_file.make_file(spec, answers, notes, result, saved_at, record))
    write = office.to_docx if kind == "docx" else office.to_odt
    return write(blocks, len(spec["levels"]), saved, saved_at)


def _csv_cell(value: object) -> str:
    cell = str(value)
    # Spreadsheet formula injection: a cell starting with these runs as a formula.
    if cell and cell[0] in "=+-@":
        cell = "'" + cell
    if "," in cell or '"' in cell or "\n" in cell or "\r" in cell:
        cell = '"' + cell.replace('"', '""') + '"'
    return cell


def to_csv(spec: dict, answers: dict, notes: dict, result: dict, strings: dict, record: str = "") -> str:
    """A CSV of every answer and note, with the overall result on the first data row, then the
    record's name, the headline answers and the verification code."""
    from . import verify

    level = specs.level_label(spec, result["level"], strings)
    lines = [",".join(["section", "question_id", "question", "part", "answer", "note"])]
    lines.append(",".join(_csv_cell(c) for c in ["", "result", strings["report.result"], "", level, ""]))
    if record:
        lines.append(",".join(_csv_cell(c) for c in ["", "record", strings["report.record"], "", record, ""]))
    for label, answer in headlines(spec, answers):
        lines.append(",".join(_csv_cell(c) for c in ["", "headline", label, "", answer, ""]))
    code = verify.of_spec(spec, record, answers, notes)
    lines.append(",".join(_csv_cell(c) for c in ["", "verification", strings["report.code"], "", code, ""]))
    for row in answer_rows(spec, answers, notes, strings):
        lines.append(",".join(_csv_cell(c) for c in row))
    if notes.get(specs.GENERAL_NOTE):
        lines.append(",".join(_csv_cell(c) for c in ["", specs.GENERAL_NOTE, "", "", "", notes[specs.GENERAL_NOTE]]))
    return "\r\n".join(lines) + "\r\n"


def plan_tables(spec: dict) -> list:
    """``(section, question)`` for each table of actions (with a due date or imported actions)."""
    return [
        (section, question)
        for section, question in specs.questions(spec)
        if question.get("type") == "table" and (question.get("due") or question.get("import"))
    ]


def to_plan_csv(spec: dict, answers: dict, result: dict, strings: dict) -> str:
    """The action plan as CSV: one line per row of every table of actions, with its section and
    whether it is overdue; columns are the tables' columns, by id, in the order first met."""
    tables = plan_tables(spec)
    columns: list = []
    for _section, question in tables:
        for column in question["columns"]:
            if column["id"] not in [c["id"] for c in columns]:
                columns.append(column)
    late = {}
    for table in result.get("tables", []):
        late[table["question"]] = [found["row"] for found in table["overdue"]]
    section_label = specs.dimension(spec, "sections").get("label") or strings["plan.col.section"]
    header = [section_label, strings["plan.col.row"]] + [c["label"] for c in columns]
    lines = [",".join(_csv_cell(c) for c in header + [strings["plan.col.overdue"]])]
    for section, question in tables:
        by_id = {}
        for column in question["columns"]:
            by_id[column["id"]] = column
        for index, row in enumerate(specs.table_rows(answers, question["id"])):
            cells = [section["title"], str(index + 1)]
            for column in columns:
                own = by_id.get(column["id"])
                cells.append(_cell_text(own, row.get(column["id"], "")) if own else "")
            overdue = strings["plan.overdue"] if index in late.get(question["id"], []) else ""
            lines.append(",".join(_csv_cell(c) for c in cells + [overdue]))
    return "\r\n".join(lines) + "\r\n"


def refusal_text(strings: dict, name: str, errors: list, lead: str = "file.refused") -> str:
    """Why a file was refused, in words: one clause per error, the most specific template that
    fits, after the ``lead`` sentence (``file.refused``: the answers on screen are unchanged)."""
    clauses = []
    for error in errors:
        detail = dict(error.get("detail") or {})
        detail["code"] = error["code"]
        said = None
        for key in ("error." + error["code"], "error." + error["code"] + ".field"):
            if key in strings:
                try:
                    said = strings[key].format(**detail)
                    break
                except (KeyError, IndexError):
                    said = None
        clauses.append(said if said is not None else strings["error.other"].format(code=error["code"]))
    return strings[lead].format(name=name) + " " + "; ".join(clauses) + "."
