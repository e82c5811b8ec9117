"""Calendar dates as ISO 8601 texts (``YYYY-MM-DD``), and the rules that need today's date.

Scoring never asks the clock: the caller passes today's date in the scoring context
(``{"today": "2026-11-29"}``), so the same answers on the same day give the same result.
ISO dates compare correctly as texts once checked.
"""

from . import spec as specs

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _digits(text: str) -> bool:
    # str.isdigit() accepts other scripts' digits in CPython but not in MicroPython.
    return text != "" and all(char in "0123456789" for char in text)


def is_leap(year: int) -> bool:
    """Whether ``year`` has a 29 February (proleptic Gregorian calendar)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def is_date(value: object) -> bool:
    """Whether ``value`` is a real calendar date written ``YYYY-MM-DD`` (year 1000 to 9999)."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return False
    year, month, day = value[:4], value[5:7], value[8:]
    if not (_digits(year) and _digits(month) and _digits(day)):
        return False
    y, m, d = int(year), int(month), int(day)
    if y < 1000 or not 1 <= m <= 12:
        return False
    last = 29 if m == 2 and is_leap(y) else _DAYS[m - 1]
    return 1 <= d <= last


def overdue_rows(question: dict, rows: list, today: str | None) -> list:
    """``{"row", "due"}`` for each of a table's rows that is past its due date and not done.

    The question's ``due`` says which date column holds the due date and, optionally, which
    choices of which column mean the row is done. Without a valid ``today`` nothing is overdue:
    the rule cannot be judged.
    """
    due = question.get("due")
    if not due or not is_date(today):
        return []
    done = due.get("done") or {}
    found = []
    for index, row in enumerate(rows):
        date = row.get(due["column"])
        if not is_date(date) or not date < str(today):
            continue
        if done and row.get(done.get("column")) in done.get("options", []):
            continue
        found.append({"row": index, "due": date})
    return found


def tables(spec: dict, answers: dict, today: str | None) -> list:
    """For each table question: ``{"question", "rows", "overdue", "sources"}`` (its row count, its
    overdue rows, and for a table that imports, ``[row, source]`` for each row with a source)."""
    out = []
    for _section, question in specs.questions(spec):
        if question.get("type") != "table":
            continue
        rows = specs.table_rows(answers, question["id"])
        found = {"question": question["id"], "rows": len(rows), "overdue": overdue_rows(question, rows, today)}
        rule = question.get("import")
        if rule:
            found["sources"] = []
            for index, row in enumerate(rows):
                if row.get(rule["source"]):
                    found["sources"].append([index, row[rule["source"]]])
        out.append(found)
    return out


def readable(moment: dict, strings: dict) -> str:
    """A moment as a reader reads it: "2 December 2026, 21:57 (UTC+01:00)".

    ``moment`` holds the device's local ``year``, ``month`` (1-12), ``day``, ``hour``, ``minute``
    and ``offset``, the minutes east of UTC (the glue reads them from the browser's clock).
    """
    months = strings["date.months"].split(" ")
    offset = moment["offset"]
    sign = "-" if offset < 0 else "+"
    offset = -offset if offset < 0 else offset
    values = {
        "day": str(moment["day"]),
        "month": months[moment["month"] - 1],
        "year": str(moment["year"]),
        "time": "%02d:%02d" % (moment["hour"], moment["minute"]),
        "offset": sign + "%02d:%02d" % (offset // 60, offset % 60),
    }
    return strings["date.readable"].format(**values)
