"""Explanations and reports of a scored questionnaire (pure Python, runs in MicroPython too)."""


def _fmt(strings, key, values=None):
    return strings[key].format(**(values or {}))


def level_label(spec, level_id, strings):
    """The display label of a level id, "Not assessed" included."""
    for level in spec["levels"]:
        if level["id"] == level_id:
            return level["label"]
    return strings["level.not-assessed"]


def _questions(spec):
    out = []
    for section in spec["sections"]:
        for question in section["questions"]:
            out.append((section, question))
    return out


def _question(spec, qid):
    for _section, question in _questions(spec):
        if question["id"] == qid:
            return question
    return None


def _option_label(options, option_id):
    for option in options:
        if option["id"] == option_id:
            return option["label"]
    return option_id


def _part(question, part_id):
    for part in question.get("parts", []):
        if part["id"] == part_id:
            return part
    return None


def _item_text(spec, item, strings):
    question = _question(spec, item["id"])
    status = item["status"]
    if status == "rated":
        parts = []
        for p in item["parts"]:
            part = _part(question, p["part"])
            parts.append(
                "{0}: {1} ({2})".format(part["label"], _option_label(part["options"], p["option"]), p["value"])
            )
        return _fmt(
            strings,
            "item.rated",
            {"parts": " × ".join(parts), "score": item["score"], "level": level_label(spec, item["level"], strings)},
        )
    if status == "answered":
        p = item["parts"][0]
        key = "item.answered" if p["value"] is None else "item.answered_value"
        return _fmt(strings, key, {"option": _option_label(question["options"], p["option"]), "value": p["value"]})
    if status == "not-applicable":
        return strings["item.not-applicable"]
    if status == "incomplete":
        return strings["item.incomplete"]
    return strings["item.unanswered"]


def formula(spec, strings):
    """The method in one plain sentence, from the strings catalogue."""
    params = spec["params"]
    method = spec["method"]
    if method == "any-yes":
        first = _question(spec, params["questions"][0])
        return _fmt(
            strings,
            "how.any-yes",
            {
                "yes": _option_label(first["options"], params["yes"]),
                "any_level": level_label(spec, params["any_level"], strings),
                "none_level": level_label(spec, params["none_level"], strings),
            },
        )
    if method == "matrix-max":
        rating = None
        for _section, question in _questions(spec):
            if question["type"] == "rating":
                rating = question
                break
        return _fmt(
            strings, "how.matrix-max", {"part1": rating["parts"][0]["label"], "part2": rating["parts"][1]["label"]}
        )
    return _fmt(
        strings, "how.banded-mean", {"priority_level": level_label(spec, params.get("priority_below", ""), strings)}
    )


def bands_text(spec, strings):
    """The score bands in one line ("1 to 4: Low; ..."), or None for methods without bands."""
    params = spec["params"]
    if spec["method"] not in ("matrix-max", "banded-mean"):
        return None
    parts = []
    previous = None
    for band in params["bands"]:
        label = level_label(spec, band["level"], strings)
        if "min" in band:
            span = _fmt(strings, "how.band.range", {"min": band["min"], "max": band["max"]})
        elif "below" in band:
            span = _fmt(strings, "how.band.below", {"below": band["below"]})
        else:
            span = _fmt(strings, "how.band.rest", {"min": previous})
        previous = band.get("below")
        parts.append(span + ": " + label)
    return _fmt(strings, "why.bands", {"bands": "; ".join(parts)})


def explain(spec, result, strings):
    """Lines saying why the result is what it is: each answer's part, the rule, the version."""
    lines = []
    if result["level"] != "not-assessed" and result.get("score"):
        lines.append(_fmt(strings, "result.score", {"score": result["score"]}))
    if result.get("reasons"):
        texts = [_question(spec, qid)["text"] for qid in result["reasons"]]
        lines.append(strings["result.reasons"] + ": " + "; ".join(texts))
    for item in result["items"]:
        question = _question(spec, item["id"])
        lines.append(question["text"] + " — " + _item_text(spec, item, strings))
    for section in result["sections"]:
        if section.get("score") is not None:
            lines.append(
                "{0}: {1} → {2}".format(
                    _section_title(spec, section["id"]), section["score"], level_label(spec, section["level"], strings)
                )
            )
    if result.get("priorities"):
        names = ["{0} ({1})".format(_section_title(spec, p["id"]), p["score"]) for p in result["priorities"]]
        lines.append(strings["result.priorities"] + ": " + "; ".join(names))
    if result.get("to_find_out"):
        texts = [_question(spec, qid)["text"] for qid in result["to_find_out"]]
        lines.append(strings["result.to_find_out"] + ": " + "; ".join(texts))
    lines.append(formula(spec, strings))
    bands = bands_text(spec, strings)
    if bands:
        lines.append(bands)
    lines.append(
        _fmt(
            strings,
            "result.version",
            {"title": spec["title"], "version": spec["version"], "method": strings["method." + spec["method"]]},
        )
    )
    return lines


def _section_title(spec, section_id):
    for section in spec["sections"]:
        if section["id"] == section_id:
            return section["title"]
    return section_id


def answer_rows(spec, answers, notes):
    """One row per form control: (section title, question id, question text, part, answer label, note)."""
    rows = []
    for section, question in _questions(spec):
        note = notes.get(question["id"], "")
        if question["type"] == "rating":
            for part in question["parts"]:
                chosen = answers.get(question["id"] + "." + part["id"])
                label = _option_label(part["options"], chosen) if chosen else ""
                rows.append((section["title"], question["id"], question["text"], part["label"], label, note))
            if question.get("not_applicable"):
                flag = answers.get(question["id"] + ".na") == "na"
                rows.append((section["title"], question["id"], question["text"], "na", "yes" if flag else "", note))
        elif question["type"] == "multiple":
            chosen = answers.get(question["id"]) or []
            labels = [_option_label(question["options"], o["id"]) for o in question["options"] if o["id"] in chosen]
            rows.append((section["title"], question["id"], question["text"], "", "; ".join(labels), note))
        elif question["type"] == "text":
            rows.append((section["title"], question["id"], question["text"], "", answers.get(question["id"], ""), note))
        else:
            chosen = answers.get(question["id"])
            label = _option_label(question["options"], chosen) if chosen else ""
            rows.append((section["title"], question["id"], question["text"], "", label, note))
    return rows


def _md_cell(text):
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(spec, answers, notes, result, strings, date):
    """A Markdown report: title, date, version, result, why, every answer and note."""
    out = ["# " + _fmt(strings, "report.title", {"title": spec["title"]}), ""]
    out.append("- " + strings["report.date"] + ": " + date)
    out.append(
        "- " + strings["report.questionnaire"] + ": " + spec["title"] + " (" + spec["id"] + ", " + spec["version"] + ")"
    )
    out.append("- " + strings["report.result"] + ": " + level_label(spec, result["level"], strings))
    out.append("")
    out.append("## " + strings["result.why"])
    out.append("")
    for line in explain(spec, result, strings):
        out.append("- " + _md_cell(line))
    out.append("")
    out.append("## " + strings["report.answers"])
    out.append("")
    out.append(
        "| " + " | ".join([strings["report.question"], "", strings["report.answer"], strings["report.note"]]) + " |"
    )
    out.append("|---|---|---|---|")
    for _section, _qid, text, part, label, note in answer_rows(spec, answers, notes):
        out.append("| " + " | ".join([_md_cell(text), _md_cell(part), _md_cell(label), _md_cell(note)]) + " |")
    if notes.get("general"):
        out.append("")
        out.append(_md_cell(notes["general"]))
    out.append("")
    out.append("_" + strings["report.generated"] + "_")
    return "\n".join(out) + "\n"


def _csv_cell(text):
    text = str(text)
    # Spreadsheet formula injection: a cell starting with these runs as a formula.
    if text and text[0] in "=+-@":
        text = "'" + text
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        text = '"' + text.replace('"', '""') + '"'
    return text


def to_csv(spec, answers, notes, result, strings):
    """A CSV of every answer and note, with the overall result on the first data row."""
    lines = [",".join(["section", "question_id", "question", "part", "answer", "note"])]
    lines.append(
        ",".join(
            _csv_cell(c)
            for c in ["", "result", strings["report.result"], "", level_label(spec, result["level"], strings), ""]
        )
    )
    for row in answer_rows(spec, answers, notes):
        lines.append(",".join(_csv_cell(c) for c in row))
    if notes.get("general"):
        lines.append(",".join(_csv_cell(c) for c in ["", "general", "", "", "", notes["general"]]))
    return "\r\n".join(lines) + "\r\n"


def refusal_text(strings, name, errors):
    """Why a file was refused, in words: one clause per error, most specific template that fits."""
    clauses = []
    for error in errors:
        detail = dict(error.get("detail") or {})
        detail["code"] = error["code"]
        text = None
        for key in ("error." + error["code"], "error." + error["code"] + ".field"):
            if key in strings:
                try:
                    text = strings[key].format(**detail)
                    break
                except (KeyError, IndexError):
                    text = None
        clauses.append(text if text is not None else strings["error.other"].format(code=error["code"]))
    return strings["file.refused"].format(name=name) + " " + "; ".join(clauses) + "."
