"""Lookups in a normalized definition, and the one place that names form controls.

Control names (the automation interface, also the keys of a saved answers file):

- ``<question>`` for single choice, multiple choice, checklist, text, long text and date questions;
- ``<question>.<part>`` for each part of a rating question;
- ``<question>.<row>.<column>`` for each cell of a table question (rows counted from 0); the saved
  answer of a table is its list of rows, each ``{column id: text}``;
- ``<question>.not-applicable`` with the value ``yes`` for a rating's not-applicable box;
- ``note:<question>`` and ``note:general`` for the reader's notes.

Before version 2 of the engine the not-applicable box was ``<question>.na`` with the value
``na``; ``answers.py`` still reads files that use it.
"""

Spec = dict  # a normalized definition (see model.py on the build side)

NOT_ASSESSED = "not-assessed"
NOT_APPLICABLE = "not-applicable"
NOT_APPLICABLE_VALUE = "yes"
LEGACY_NOT_APPLICABLE = "na"
NOTE_PREFIX = "note:"
GENERAL_NOTE = "general"

#: Question types whose answer is one text (a date is an ISO 8601 text, ``YYYY-MM-DD``).
TEXT_TYPES = ("text", "long-text", "date")
#: Question types whose answer is a list of option ids.
LIST_TYPES = ("multiple", "checklist")
#: Question types that can never be scored.
UNSCORED_TYPES = ("text", "long-text", "date", "checklist", "table")
#: The longest text each kind of field gets when its definition does not say (model.py fills it in).
DEFAULT_MAX_LENGTH = {"text": 500, "long-text": 10000}
#: The longest text any field accepts: the limit of a spec that names none.
MAX_LENGTH = 10000
DEFAULT_MAX_ROWS = 50

#: What sections and groups stand for when a definition declares nothing.
DEFAULT_DIMENSIONS = {
    "sections": {"kind": "section", "result": "section"},
    "groups": {"kind": "group", "result": "group"},
}


# ---------------------------------------------------------------------------
# Control names


def part_control(question_id: str, part_id: str) -> str:
    """The radio group of one part of a rating question."""
    return question_id + "." + part_id


def not_applicable_control(question_id: str) -> str:
    """The not-applicable checkbox of a rating question."""
    return question_id + "." + NOT_APPLICABLE


def note_control(key: str) -> str:
    """The text area of a note: a question id, or ``general``."""
    return NOTE_PREFIX + key


def note_key(name: str) -> str | None:
    """The note key a control name stands for, or None when it is not a note."""
    if name.startswith(NOTE_PREFIX):
        return name[len(NOTE_PREFIX) :]
    return None


def question_of(name: str) -> str:
    """The question id a control name belongs to."""
    return name.partition(".")[0]


def cell_control(question_id: str, row: int, column_id: str) -> str:
    """The input of one cell of a table question."""
    return question_id + "." + str(row) + "." + column_id


def cell_of(name: str) -> tuple | None:
    """``(question, row, column)`` for a cell control name, or None when the name is not one."""
    pieces = name.split(".")
    if len(pieces) != 3 or not pieces[1] or not all(char in "0123456789" for char in pieces[1]):
        return None
    return pieces[0], int(pieces[1]), pieces[2]


def controls(spec: Spec) -> dict:
    """Every answer (the keys of a saved file) of the spec: name -> {kind, question, options}.

    ``kind`` is the question's type (``single``, ``multiple``, ``checklist``, ``text``,
    ``long-text``, ``date``, ``table``), or ``part`` or ``not-applicable`` for a rating's
    controls; ``options`` lists the allowed option ids (empty for texts and tables). A table's
    cells are not listed: see :func:`cell_of` and :func:`column`.
    """
    found = {}
    for _section, question in questions(spec):
        qid = question["id"]
        kind = question.get("type")
        if kind in ("single", "multiple", "checklist"):
            found[qid] = _control(kind, qid, option_ids(question.get("options", [])))
        elif kind in TEXT_TYPES or kind == "table":
            found[qid] = _control(kind, qid, [])
        elif kind == "rating":
            for part in question.get("parts", []):
                found[part_control(qid, part["id"])] = _control("part", qid, option_ids(part.get("options", [])))
            if question.get("not_applicable"):
                found[not_applicable_control(qid)] = _control(NOT_APPLICABLE, qid, [NOT_APPLICABLE_VALUE])
    return found


def _control(kind: str, question_id: str, options: list) -> dict:
    return {"kind": kind, "question": question_id, "options": options}


def note_keys(spec: Spec) -> list:
    """The keys a note may have: every question id, then ``general``."""
    return [question["id"] for _section, question in questions(spec)] + [GENERAL_NOTE]


def max_length(field: dict) -> int:
    """The longest text a text field (a question or a table column) accepts."""
    return field.get("max_length") or MAX_LENGTH


def max_rows(question_: dict) -> int:
    """The most rows a table question accepts."""
    return question_.get("max_rows") or DEFAULT_MAX_ROWS


def column(question_: dict, column_id: str) -> dict | None:
    """One column of a table question, or None."""
    for found in question_.get("columns", []):
        if found["id"] == column_id:
            return found
    return None


def table_rows(answers: dict, question_id: str) -> list:
    """A table's rows as saved (a list of ``{column: text}``); an empty list for anything else."""
    rows = answers.get(question_id)
    if not isinstance(rows, list):
        return []
    return [row for row in rows if isinstance(row, dict)]


def is_filled(question_: dict, answers: dict) -> bool:
    """Whether the reader has filled the field in: a text, a choice, a box, a rated item or a table row."""
    qid = question_["id"]
    kind = question_.get("type")
    if kind == "rating":
        if is_not_applicable(question_, answers):
            return True
        return all(answers.get(part_control(qid, p["id"])) for p in question_.get("parts", []))
    if kind == "table":
        return any(any(value for value in row.values()) for row in table_rows(answers, qid))
    value = answers.get(qid)
    if isinstance(value, list):
        return len(value) > 0
    return isinstance(value, str) and value != ""


def is_not_applicable(question: dict, answers: dict) -> bool:
    """Whether the reader ticked the question's not-applicable box."""
    if not question.get("not_applicable"):
        return False
    return answers.get(not_applicable_control(question["id"])) == NOT_APPLICABLE_VALUE


# ---------------------------------------------------------------------------
# Lookups: always through the spec's lists, whose order is the author's (MicroPython dicts
# do not keep insertion order).


def questions(spec: Spec) -> list:
    """Every ``(section, question)`` pair, in the author's order."""
    out = []
    for section in spec.get("sections", []):
        for question in section.get("questions", []):
            out.append((section, question))
    return out


def proposes(spec: Spec) -> bool:
    """Whether a result can propose actions to other records (``proposals.py``): it flags items or names priorities."""
    params = spec.get("params") or {}
    return bool(params.get("flag_from") or params.get("priority_below"))


def imports(spec: Spec) -> bool:
    """Whether a table takes the actions other records propose."""
    return any(q.get("type") == "table" and q.get("import") for _s, q in questions(spec))


def find_out_questions(spec: Spec) -> list:
    """``(section, question)`` for each question offering an answer marked ``unknown`` ("don't
    know"): what the result lists "to find out" when it is chosen."""
    return [(s, q) for s, q in questions(spec) if any(o.get("unknown") for o in q.get("options", []))]


def find_question(spec: Spec, question_id: str) -> dict | None:
    """The question with this id, or None."""
    # Walks the sections itself: questions() would build the whole list for every lookup.
    for section_ in spec.get("sections", []):
        for found in section_.get("questions", []):
            if found["id"] == question_id:
                return found
    return None


def question(spec: Spec, question_id: str) -> dict:
    """The question with this id; KeyError when the spec has none (a result from another spec)."""
    found = find_question(spec, question_id)
    if found is None:
        raise KeyError(question_id)
    return found


def section(spec: Spec, section_id: str) -> dict | None:
    """The section with this id, or None."""
    for found in spec.get("sections", []):
        if found["id"] == section_id:
            return found
    return None


def groups(spec: Spec) -> list:
    """Every ``(section, group)`` pair, in the author's order."""
    out = []
    for found in spec.get("sections", []):
        for group in found.get("groups", []):
            out.append((found, group))
    return out


def part(question_: dict, part_id: str) -> dict:
    """One part of a rating question; KeyError when it has none."""
    for found in question_.get("parts", []):
        if found["id"] == part_id:
            return found
    raise KeyError(part_id)


def option(options: list, option_id: object) -> dict | None:
    """The option with this id, or None (also for a non-string id)."""
    if not isinstance(option_id, str):
        return None
    for found in options:
        if found["id"] == option_id:
            return found
    return None


def option_ids(options: list) -> list:
    """The ids of a list of options."""
    return [found["id"] for found in options]


def option_label(options: list, option_id: str) -> str:
    """The label of an option, or its id when the spec does not offer it."""
    found = option(options, option_id)
    return option_id if found is None else found["label"]


def title_of(spec: Spec, dimension: str, entry_id: str) -> str:
    """The title of a section or group by id (the id itself when unknown)."""
    if dimension == "sections":
        found = section(spec, entry_id)
        return entry_id if found is None else found["title"]
    for _section, group in groups(spec):
        if group["id"] == entry_id:
            return group["title"]
    return entry_id


# ---------------------------------------------------------------------------
# Levels: the spec's list runs from the lowest severity or earliest stage upwards.


def level_rank(spec: Spec) -> dict:
    """Level id -> its position in the spec's list."""
    ranks = {}
    for index, level in enumerate(spec.get("levels", [])):
        ranks[level["id"]] = index
    return ranks


def level_label(spec: Spec, level_id: str, strings: dict) -> str:
    """The display label of a level id, "Not assessed" included."""
    for level in spec.get("levels", []):
        if level["id"] == level_id:
            return level["label"]
    return strings["level.not-assessed"]


def level_text(spec: dict, level: str, score: str | None, strings: dict) -> str:
    """A level's label, with its score in brackets when there is one."""
    label = level_label(spec, level, strings)
    if score is None or level == NOT_ASSESSED:
        return label
    return label + " (" + score + ")"


# ---------------------------------------------------------------------------
# Dimensions: what sections and groups stand for.


def dimension(spec: Spec, name: str) -> dict:
    """``{"kind", "result", "label"}`` for ``sections`` or ``groups``: the ``data-<kind>`` on a
    question, the ``data-result-<result>`` on a result element, what one entry is called (or None)."""
    declared = (spec.get("dimensions") or {}).get(name)
    if declared:
        kind = declared["kind"]
        return {"kind": kind, "result": declared.get("result") or kind, "label": declared.get("label")}
    return DEFAULT_DIMENSIONS[name]


def question_dimensions(spec: Spec, section_: dict, question_: dict) -> list:
    """``[(kind, id)]`` the question belongs to: its section's, then its group's."""
    out = [(dimension(spec, "sections")["kind"], section_["id"])]
    if question_.get("group"):
        out.append((dimension(spec, "groups")["kind"], question_["group"]))
    return out
