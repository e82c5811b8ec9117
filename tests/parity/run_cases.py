"""Print one canonical JSON line per case file entry; runs under CPython and MicroPython alike."""

import json
import sys


def _quote(text):
    # The same escaping as CPython's json.dumps with ensure_ascii=True (everything outside
    # printable ASCII, DEL included), so lines compare byte for byte.
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif char == "\b":
            out.append("\\b")
        elif char == "\f":
            out.append("\\f")
        elif code < 0x20 or 0x7F <= code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        elif code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def canonical(value):
    """Serialize like json.dumps(value, sort_keys=True); MicroPython's json has no sort_keys."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Results must be exact; a float here means the scorer leaked one.
        raise TypeError("float in output: " + repr(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError("non-string key: " + repr(key))
        return "{" + ", ".join(_quote(key) + ": " + canonical(value[key]) for key in sorted(value)) + "}"
    raise TypeError("cannot serialize " + repr(value))


#: The UI strings catalogue, when a case file holding it (a JSON object) was given first.
STRINGS = {}


def _report(spec, answers_, result):
    # What the browser shows and downloads must match too: the page updates, "how this is
    # scored", "why this result", the Markdown and the CSV.
    import binascii
    import hashlib

    from engine import bind, office, proposals, report, store, verify

    try:
        found = {
            "updates": bind.updates(spec, result, STRINGS, None, "../"),
            "how": report.how(spec, STRINGS),
            "markdown": report.to_markdown(spec, answers_, {"general": "note"}, result, STRINGS, "2026-01-01"),
            "csv": report.to_csv(spec, answers_, {"general": "note"}, result, STRINGS),
            "summary": store.summary(spec, result, STRINGS, answers_, "page/index.html#q-" + spec["id"]),
            "code": verify.of_spec(spec, "Record “one”", answers_, {"general": "note"}),
        }
        for kind in ("docx", "odt"):
            # The whole document, byte for byte, as its digest (a report is tens of kilobytes).
            data = report.to_document(
                kind, spec, answers_, {"general": "note"}, result, STRINGS, "1 January 2026", "2026-01-01T00:00:00Z"
            )
            found[kind] = binascii.hexlify(hashlib.sha256(data).digest()).decode()
            found[kind + "-answers"] = office.embedded_answers(data)
        if report.plan_tables(spec):
            found["plan"] = report.to_plan_csv(spec, answers_, result, STRINGS)
        for question in proposals.tables(spec):
            # Made-up proposals (one repeated) imported into each importing table.
            offered = [
                {"key": "q-risk-q-a", "text": "Reduce: A “quoted”", "source": "risk/index.html#q-risk-q-a"},
                {"key": "q-risk-q-a", "text": "Reduce: A again", "source": "risk/index.html#q-risk-q-a"},
                {"key": "q-ready-section-b", "text": "Raise B", "source": "ready/index.html#q-ready-section-b"},
            ]
            found["merge:" + question["id"]] = proposals.merge(spec, answers_, question["id"], offered)
        return found
    except (KeyError, IndexError, TypeError, ValueError) as error:
        return {"error": type(error).__name__}


def _view(case, result):
    # A chart case: the view is checked first (a refusal is an output too), then drawn; with
    # previous answers, the comparison is compared as data, as a table and as report lines.
    import trees
    from engine import charts, compare, report, scoring
    from engine.errors import SpecError

    spec = case["spec"]
    try:
        charts.validate_view(spec, case["view"], ("views", 0))
    except SpecError as error:
        return {"refused": {"path": list(error.path), "message": error.message}}
    output = {}
    previous = None
    if "previous_answers" in case:
        previous = scoring.score(spec, case["previous_answers"], case.get("context"))
        comparison = compare.compare(spec, result, previous)
        output["comparison"] = {
            "data": comparison,
            "table": compare.table(spec, comparison, STRINGS),
            "lines": compare.lines(spec, comparison, STRINGS),
            "markdown": report.to_markdown(
                spec, case["answers"], {}, result, STRINGS, "2026-01-01", {"label": "last year", "result": previous}
            ),
        }
    chart = charts.render(spec, case["view"], result, STRINGS, previous)
    output["chart"] = chart
    output["markup"] = [None if chart[key] is None else trees.serialize(chart[key]) for key in ("svg", "table")]
    return output


def run_case(case):
    """The output for one case: a score for {"answers"}, a file check for {"data"},
    the answers read from controls for {"snapshot"}; a score case with a "view" (and perhaps
    "previous_answers") also draws that chart once the strings are loaded."""
    from engine import answers, form, scoring
    from engine import spec as specs

    try:
        if "data" in case:
            return {
                "check": answers.check_file(case["spec"], case["data"]),
                "controls": specs.controls(case["spec"]),
            }
        if "snapshot" in case:
            read = form.read(case["spec"], case["snapshot"])
            return {"read": list(read), "states": form.states(case["spec"], read[0], read[1], case["snapshot"])}
        result = scoring.score(case["spec"], case["answers"], case.get("context"))
        output = {"score": result}
        if STRINGS:
            output["report"] = _report(case["spec"], case["answers"], result)
            if "view" in case:
                output["view"] = _view(case, result)
        return output
    except ValueError as error:
        return {"error": "ValueError", "message": str(error)}


def main(paths):
    """Run every case of every file, in file order, printing one line each."""
    for path in paths:
        with open(path) as handle:
            cases = json.load(handle)
        if isinstance(cases, dict):
            STRINGS.update(cases)
            continue
        for case in cases:
            print(canonical({"case": case["name"], "output": run_case(case)}))


def _add_module_path():
    # Under CPython the engine package lives in extensions/questionnaire; the MicroPython
    # runner copies it into its file system and sets sys.path itself.
    import os

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "..", "extensions", "questionnaire"))


if __name__ == "__main__":
    _add_module_path()
    main(sys.argv[1:])
