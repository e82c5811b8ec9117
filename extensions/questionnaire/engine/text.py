"""Small helpers for words drawn from the strings catalogue (``locales/<lang>.json``)."""


def fmt(strings: dict, key: str, values: dict | None = None) -> str:
    """One catalogue string with its ``{placeholders}`` filled in."""
    return strings[key].format(**(values or {}))


def paragraph(text: str) -> dict:
    """A "how this is scored" block: one paragraph."""
    return {"type": "paragraph", "text": text}


def table(title: str, header: list, rows: list) -> dict:
    """A "how this is scored" block: a titled table of strings."""
    return {"type": "table", "title": title, "header": header, "rows": rows}


def levels_table(spec: dict, strings: dict) -> dict:
    """What each level means: the last block of every method's "how this is scored"."""
    return table(
        strings["how.levels"],
        [strings["how.col.level"], strings["how.col.meaning"]],
        [[level["label"], level["meaning"]] for level in spec["levels"]],
    )


def bands_table(rows: list, strings: dict) -> dict:
    """The bands as a "how" table: ``rows`` are ``[span, level label]`` pairs."""
    return table(strings["how.bands"], [strings["how.col.score"], strings["how.col.level"]], rows)
