"""The saved-answers file: build it, check it and migrate it.

Every error is collected (up to ``MAX_ERRORS``) and reported in sorted key order, so CPython
and MicroPython agree. A refused file changes nothing: the caller keeps what is on screen.
"""

import json

from . import dates
from . import spec as specs

FORMAT = "aitk-questionnaire-answers"
FORMAT_VERSION = 1
MAX_BYTES = 1000000
#: A report document (.docx, .odt) may come back larger: edited, with pictures pasted in.
MAX_DOCUMENT_BYTES = 20000000
MAX_TEXT = 10000
MAX_ERRORS = 20
MAX_NAME = 200

# Fields a file must have; "saved_at" and "result" are informative (the result is recomputed on
# load) and "notes" may be absent, so a hand-made file with answers only still loads.
REQUIRED_FIELDS = ("format", "format_version", "questionnaire", "answers")


def _error(code: str, detail: dict) -> dict:
    return {"code": code, "detail": detail}


def _is_int(value: object) -> bool:
    # bool is an int in CPython but not in MicroPython; exclude it on both.
    return isinstance(value, int) and value is not True and value is not False


# ---------------------------------------------------------------------------
# Building a file


def make_file(
    spec: dict, answers: dict, notes: dict, result: dict | None, saved_at: str, record: str | None = None
) -> dict:
    """The answers-file object for the spec's questionnaire, ready for json.dumps.

    ``record`` is the name of the record the answers belong to (an AI system, "2026 review").
    """
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "questionnaire": {"id": spec["id"], "version": spec["version"]},
        "saved_at": saved_at,
        "answers": dict(answers),
        "notes": dict(notes or {}),
        "result": result,
    }
    if record is not None:
        data["record"] = {"name": record}
    return data


def check_size(n_bytes: int, limit: int = MAX_BYTES) -> dict | None:
    """A too-large error when a file of n_bytes exceeds ``limit`` (MAX_BYTES), else None."""
    if n_bytes > limit:
        return _error("too-large", {"size": n_bytes, "max": limit})
    return None


def parse(text: str) -> dict:
    """The JSON value in ``text``: ``{"ok", "data", "errors"}``. Broken JSON, and JSON nested more
    deeply than the interpreter can follow (CPython's RecursionError is a RuntimeError), is
    ``not-json``: a refusal, never a crash."""
    try:
        return {"ok": True, "data": json.loads(text), "errors": []}
    except (ValueError, RuntimeError, MemoryError):
        return {"ok": False, "data": None, "errors": [_error("not-json", {})]}


def read_source(source) -> dict:
    """The answers-file text in a file: the file itself (JSON, at most MAX_BYTES), or the answers a
    .docx or .odt report carries. ``source`` is bytes or a ``zipper`` source (``size``, ``read``,
    ``text``). ``{"ok", "text", "errors"}``; nothing is checked yet beyond reading (``check_file``
    does that)."""
    from . import zipper

    if isinstance(source, (bytes, bytearray)):
        source = zipper.Bytes(bytes(source))
    if zipper.is_zip(source):
        # Imported here: only a document needs the office module compiled.
        from . import office

        try:
            return {"ok": True, "text": office.embedded_answers(source), "errors": []}
        except zipper.ZipError as error:
            return {"ok": False, "text": "", "errors": [_error(error.code, {})]}
    too_large = check_size(source.size)
    if too_large:
        return {"ok": False, "text": "", "errors": [too_large]}
    text = source.text()
    if text is None:
        return {"ok": False, "text": "", "errors": [_error("not-utf8", {})]}
    return {"ok": True, "text": text, "errors": []}


# ---------------------------------------------------------------------------
# Versions: compared numerically, so "1.10.0" is newer than "1.9.0".


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() accepts other scripts' digits in CPython but not in MicroPython.
    return text != "" and all(char in "0123456789" for char in text)


def parse_version(text: object) -> list | None:
    """A version string as a list of ints, or None when it is not dotted digits."""
    if not isinstance(text, str) or not text:
        return None
    numbers = []
    for piece in text.split("."):
        if not _is_ascii_digits(piece):
            return None
        numbers.append(int(piece))
    return numbers


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version a is older than, equal to or newer than version b."""
    x, y = parse_version(a), parse_version(b)
    if x is None or y is None:
        raise ValueError("not a version: " + repr(a if x is None else b))
    # Pad with zeros so "1.0" equals "1.0.0".
    width = max(len(x), len(y))
    x = x + [0] * (width - len(x))
    y = y + [0] * (width - len(y))
    if x < y:
        return -1
    return 1 if x > y else 0


def migration_path(spec: dict, version: str) -> list | None:
    """The migration steps from version to the spec's version, or None if there is no path."""
    steps: list = []
    current = version
    # Each step must move forward, so a chain can never be longer than the list of migrations.
    for _ in range(len(spec.get("migrations", [])) + 1):
        if compare_versions(current, spec["version"]) == 0:
            return steps
        step = _step_from(spec, current)
        if step is None:
            return None
        steps.append(step)
        current = step["to"]
    return None


def _step_from(spec: dict, version: str) -> dict | None:
    for step in spec.get("migrations", []):
        if parse_version(step.get("from")) is None or parse_version(step.get("to")) is None:
            continue
        if compare_versions(step["from"], version) == 0 and compare_versions(step["to"], version) > 0:
            return step
    return None


# ---------------------------------------------------------------------------
# Migration. Every key of a step names questions as they are in the step's "from" version:
# answers of dropped questions go, option ids are renamed, then questions are renamed. For a
# table, ``<question>.<column>`` names a column: in ``drop`` it drops the column, in
# ``rename_options`` it renames that column's choices; ``rename_columns`` renames columns.


def _renamed(name: str, renames: dict) -> str:
    question, dot, rest = name.partition(".")
    if question in renames:
        return renames[question] + dot + rest
    return name


def _rename_value(value: object, options: dict) -> object:
    if isinstance(value, str):
        return options.get(value, value)
    if isinstance(value, list):
        return [options.get(item, item) if isinstance(item, str) else item for item in value]
    return value


def _migrate_row(row: dict, question: str, step: dict) -> dict:
    drop = step.get("drop", [])
    columns = step.get("rename_columns", {}).get(question, {})
    out = {}
    for column in sorted(row):
        key = question + "." + str(column)
        if key in drop:
            continue
        value = _rename_value(row[column], step.get("rename_options", {}).get(key, {}))
        out[columns.get(column, column)] = value
    return out


def _migrate_value(value: object, question: str, step: dict) -> object:
    if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
        return [_migrate_row(row, question, step) for row in value]
    return _rename_value(value, step.get("rename_options", {}).get(question, {}))


def _apply_step(step: dict, answers: dict, notes: dict) -> tuple:
    drop = step.get("drop", [])
    renames = step.get("rename_questions", {})
    new_answers = {}
    for name in sorted(answers):
        question = specs.question_of(name)
        if question in drop:
            continue
        new_answers[_renamed(name, renames)] = _migrate_value(answers[name], question, step)
    new_notes = {}
    for key in sorted(notes):
        if key not in drop:
            new_notes[_renamed(key, renames)] = notes[key]
    return new_answers, new_notes


def _legacy_names(answers: dict) -> dict:
    """Engine 1 wrote the not-applicable box as ``<item>.na`` = ``na``; read it as today's control."""
    out = {}
    for name in sorted(answers):
        question, dot, rest = name.partition(".")
        if dot and rest == specs.LEGACY_NOT_APPLICABLE and answers[name] == specs.LEGACY_NOT_APPLICABLE:
            out[specs.not_applicable_control(question)] = specs.NOT_APPLICABLE_VALUE
        else:
            out[name] = answers[name]
    return out


# ---------------------------------------------------------------------------
# Checking a parsed file


def _check_header(spec: dict, data: dict) -> list:
    """Errors about the envelope: fields, format, questionnaire and version."""
    missing = [field for field in REQUIRED_FIELDS if field not in data]
    errors = [_error("missing-field", {"field": field}) for field in missing]
    if errors:
        return errors
    if data["format"] != FORMAT:
        errors.append(_error("wrong-format", {"found": data["format"]}))
    version = data["format_version"]
    if not _is_int(version) or version < 1:
        errors.append(_error("wrong-type", {"field": "format_version", "expected": "positive integer"}))
    elif version > FORMAT_VERSION:
        errors.append(_error("newer-format", {"found": version, "supported": FORMAT_VERSION}))
    if errors:
        return errors
    return _check_questionnaire(spec, data["questionnaire"])


def _check_questionnaire(spec: dict, questionnaire: object) -> list:
    if not isinstance(questionnaire, dict):
        return [_error("wrong-type", {"field": "questionnaire", "expected": "object"})]
    errors = [
        _error("missing-field", {"field": "questionnaire." + field})
        for field in ("id", "version")
        if field not in questionnaire
    ]
    if errors:
        return errors
    if questionnaire["id"] != spec["id"]:
        errors.append(_error("wrong-questionnaire", {"expected": spec["id"], "found": questionnaire["id"]}))
    version = questionnaire["version"]
    if parse_version(version) is None:
        errors.append(_error("wrong-type", {"field": "questionnaire.version", "expected": "version"}))
    elif not errors:
        order = compare_versions(version, spec["version"])
        if order > 0:
            errors.append(_error("newer-version", {"found": version, "current": spec["version"]}))
        elif order < 0 and migration_path(spec, version) is None:
            errors.append(_error("no-migration", {"from": version, "to": spec["version"]}))
    return errors


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _wrong_type(errors: list, name: str, expected: str) -> None:
    errors.append(_error("wrong-type", {"field": "answers", "name": name, "expected": expected}))


def _check_text(errors: list, field: str, name: str, value: object, limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        errors.append(_error("wrong-type", {"field": field, "name": name, "expected": "string"}))
    elif len(value) > limit:
        errors.append(_error("text-too-long", {"field": field, "name": name, "length": len(value), "max": limit}))


def _check_date(errors: list, name: str, value: object) -> None:
    if not isinstance(value, str):
        _wrong_type(errors, name, "date")
    elif not dates.is_date(value):
        errors.append(_error("impossible-date", {"field": "answers", "name": name, "value": value[:40]}))


def _check_choices(errors: list, name: str, chosen: list, allowed: list) -> None:
    for option in chosen:
        if option not in allowed:
            errors.append(_error("unknown-option", {"field": "answers", "name": name, "option": option}))


def _check_cell(errors: list, column: dict, name: str, value: object) -> None:
    kind = column.get("type")
    if kind == "date":
        _check_date(errors, name, value)
    elif kind == "choice":
        if not isinstance(value, str):
            _wrong_type(errors, name, "string")
        else:
            _check_choices(errors, name, [value], specs.option_ids(column.get("options", [])))
    else:
        _check_text(errors, "answers", name, value, specs.max_length(column))


def _check_table(errors: list, question: dict, name: str, value: object) -> None:
    if not isinstance(value, list):
        _wrong_type(errors, name, "list of rows")
        return
    limit = specs.max_rows(question)
    if len(value) > limit:
        errors.append(_error("too-many-rows", {"field": "answers", "name": name, "rows": len(value), "max": limit}))
        return
    for index, row in enumerate(value):
        if not isinstance(row, dict):
            _wrong_type(errors, name + "." + str(index), "row")
            continue
        for column_id in sorted(row):
            cell = specs.cell_control(name, index, str(column_id))
            column = specs.column(question, column_id)
            if column is None:
                errors.append(_error("unknown-control", {"field": "answers", "name": cell}))
            else:
                _check_cell(errors, column, cell, row[column_id])


def _check_answer(errors: list, spec: dict, controls: dict, name: str, value: object) -> None:
    control = controls.get(name)
    if control is None:
        errors.append(_error("unknown-control", {"field": "answers", "name": name}))
        return
    kind = control["kind"]
    if kind in ("text", "long-text"):
        _check_text(errors, "answers", name, value, specs.max_length(specs.question(spec, name)))
    elif kind == "date":
        _check_date(errors, name, value)
    elif kind == "table":
        _check_table(errors, specs.question(spec, name), name, value)
    elif kind in specs.LIST_TYPES:
        if not _is_text_list(value):
            _wrong_type(errors, name, "list of strings")
        elif isinstance(value, list):
            _check_choices(errors, name, value, control["options"])
    elif not isinstance(value, str):
        _wrong_type(errors, name, "string")
    else:
        _check_choices(errors, name, [value], control["options"])


def _check_body(spec: dict, answers: dict, notes: dict) -> list:
    errors: list = []
    controls = specs.controls(spec)
    for name in sorted(answers):
        _check_answer(errors, spec, controls, name, answers[name])
    keys = specs.note_keys(spec)
    for key in sorted(notes):
        if key not in keys:
            errors.append(_error("unknown-control", {"field": "notes", "name": key}))
        else:
            _check_text(errors, "notes", key, notes[key])
    return errors


def _check_record(data: dict) -> list:
    """The optional ``record`` field: ``{"name": text}``."""
    if "record" not in data:
        return []
    record = data["record"]
    if not isinstance(record, dict) or not isinstance(record.get("name"), str):
        return [_error("wrong-type", {"field": "record", "expected": "object with a name"})]
    if len(record["name"]) > MAX_NAME:
        return [_error("text-too-long", {"field": "record", "name": "record.name", "max": MAX_NAME})]
    return []


def _refusal(errors: list) -> dict:
    return {
        "ok": False,
        "errors": errors[:MAX_ERRORS],
        "answers": {},
        "notes": {},
        "migrated_from": None,
        "record": None,
    }


def check_file(spec: dict, data: object) -> dict:
    """Check a parsed answers file against the spec; migrate older versions; collect every error."""
    if not isinstance(data, dict):
        return _refusal([_error("not-an-object", {})])
    # A file of some other kind is named as such, not as a list of missing fields.
    if "format" in data and data["format"] != FORMAT:
        return _refusal([_error("wrong-format", {"found": str(data["format"])[:80]})])
    errors = _check_header(spec, data) or _check_record(data)
    if errors:
        return _refusal(errors)
    answers = data["answers"]
    notes = data.get("notes", {})
    if not isinstance(answers, dict):
        errors.append(_error("wrong-type", {"field": "answers", "expected": "object"}))
    if not isinstance(notes, dict):
        errors.append(_error("wrong-type", {"field": "notes", "expected": "object"}))
    if errors:
        return _refusal(errors)
    # Copies, so the caller's parsed data is never changed.
    answers, notes = _legacy_names(answers), dict(notes)
    version = data["questionnaire"]["version"]
    steps = migration_path(spec, version) or []
    for step in steps:
        answers, notes = _apply_step(step, answers, notes)
    # Option ids are checked after migration, against the current spec.
    errors = _check_body(spec, answers, notes)
    if errors:
        return _refusal(errors)
    return {
        "ok": True,
        "errors": [],
        "answers": answers,
        "notes": notes,
        "migrated_from": version if steps else None,
        "record": data["record"]["name"] if "record" in data else None,
    }
