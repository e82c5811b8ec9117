"""Small helpers for words drawn from the strings catalogue (``locales/<lang>.json``)."""

from . import spec as specs


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


def bands_line(spec: dict, rows: list, strings: dict) -> str:
    """The bands in one line for "why this result": ``rows`` are ``[span, level label]`` pairs."""
    del spec  # the rows are already worded
    return fmt(strings, "why.bands", {"bands": "; ".join(span + ": " + label for span, label in rows)})


def entry_scores(spec: dict, result: dict, strings: dict) -> list:
    """``<section>: <score> → <level>`` for every section that has a score."""
    lines = []
    for entry in result["sections"]:
        if entry.get("score") is not None:
            lines.append(
                specs.title_of(spec, "sections", entry["id"])
                + ": "
                + entry["score"]
                + " → "
                + specs.level_label(spec, entry["level"], strings)
            )
    return lines
