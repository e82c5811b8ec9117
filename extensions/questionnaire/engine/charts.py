"""Charts of a result as element trees (``tree.py``): a heat map, a radar, a comparison.

Every chart returns ``{"svg": tree or None, "table": tree or None, "summary": str}``. The SVG is
a picture for sighted readers and carries ``aria-hidden="true"``; the table (shown on demand)
and the one-sentence summary say the same in words, so nothing depends on seeing the picture
or telling its colours apart. Shapes carry classes (``heat-cell level-<level id>``,
``radar-current``, ``radar-previous``) that ``static/questionnaire.css`` colours, and enough
presentation attributes (``fill="none"``, a dash pattern) to stay readable without it.

Geometry is integer arithmetic in tenths of a user unit, written out by :func:`num`
("12.3"; "12" when the tenths are zero; "-4.5"). The only floats are the radar's axis
directions, rounded once to ten-thousandths: a last-digit difference between CPython's and
MicroPython's ``math.sin`` could change a direction only if the exact value lay within about
1e-12 of a rounding boundary, and the exact values 0, ±1/2 and ±1 all land on whole numbers.
Text widths are estimated (0.6 em a character), which is enough to keep labels inside the
``viewBox``.
"""

import math

from . import compare as compare_
from . import rational, tree
from . import spec as specs
from .errors import SpecError
from .items import is_scored
from .methods import banded_mean, matrix_max
from .text import fmt

VIEWS = ("heat-map", "radar", "comparison")
DIMENSIONS = ("sections", "groups")
VIEW_KEYS = ("type", "dimension")

U = 10  # tenths in a user unit: every length below is in tenths
TITLE = 13  # font sizes in user units: axis titles
FONT = 11  # labels, keys, level letters (the root's size)
COUNT_FONT = 16  # the number of items in a heat-map cell
PAD = 4 * U  # room around everything drawn
CELL = 56 * U  # the smallest heat-map cell
RADIUS = 84 * U  # the radar's outer ring: with its labels, about 390 units wide, legible on a phone
UNIT = 10000  # the radar's directions are in ten-thousandths
DASHES = "6 4"  # the earlier result's outline


# ---------------------------------------------------------------------------
# Drawing helpers


def num(tenths: int) -> str:
    """A length in tenths of a user unit as SVG text: "12.3", "12" when the tenths are zero, "-4.5"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    return sign + str(whole) + ("" if tenth == 0 else "." + str(tenth))


def wrap(text: str, limit: int, most: int = 2) -> list:
    """Lines of at most ``limit`` characters where the words allow, at most ``most`` of them (the
    last takes what is left); a word longer than ``limit`` keeps a line to itself."""
    # split(" "), not split(): MicroPython's split() does not treat non-ASCII spaces as spaces.
    words = [word for word in text.split(" ") if word]
    if not words:
        return [text]
    lines = [words[0]]
    for word in words[1:]:
        if len(lines) < most and len(lines[-1]) + 1 + len(word) > limit:
            lines.append(word)
        else:
            lines[-1] += " " + word
    return lines


def _width(text: str, size: int) -> int:
    # An estimate in tenths: 0.6 em a character.
    return len(text) * size * 6


def _line_height(size: int) -> int:
    return size * 12


def _box(x0: int, y0: int, x1: int, y1: int) -> list:
    return [x0, y0, x1, y1]


def _grow(box: list, other: list) -> None:
    """Widen ``box`` (``[x0, y0, x1, y1]``) to hold ``other``."""
    box[0] = min(box[0], other[0])
    box[1] = min(box[1], other[1])
    box[2] = max(box[2], other[2])
    box[3] = max(box[3], other[3])


def _text(box: list, lines: list, x: int, top: int, anchor: str, class_name: str, size: int = FONT) -> dict:
    """A text of one or more lines whose first line's top is at ``top``; ``box`` grows to hold it."""
    width = max(_width(line, size) for line in lines)
    left = x
    if anchor == "middle":
        left = x - width // 2
    elif anchor == "end":
        left = x - width
    step = _line_height(size)
    _grow(box, _box(left, top, left + width, top + step * len(lines)))
    attrs = [["class", class_name], ["x", num(x)], ["y", num(top + size * U)], ["text-anchor", anchor]]
    if size != FONT:
        attrs.append(["font-size", str(size)])
    if len(lines) == 1:
        return tree.el("text", attrs, [lines[0]])
    spans = []
    for index, line in enumerate(lines):
        spans.append(tree.el("tspan", [["x", num(x)], ["y", num(top + size * U + step * index)]], [line]))
    return tree.el("text", attrs, spans)


def _rect(x: int, y: int, width: int, height: int, class_name: str) -> dict:
    return tree.el(
        "rect",
        [["class", class_name], ["x", num(x)], ["y", num(y)], ["width", num(width)], ["height", num(height)]],
    )


def _svg(box: list, class_name: str, children: list) -> dict:
    """The root: a ``viewBox`` around everything drawn, hidden from assistive technology (the table speaks)."""
    view_box = [box[0] - PAD, box[1] - PAD, box[2] - box[0] + 2 * PAD, box[3] - box[1] + 2 * PAD]
    return tree.el(
        "svg",
        [
            ["viewBox", " ".join(num(value) for value in view_box)],
            ["class", "chart " + class_name],
            ["aria-hidden", "true"],
            ["focusable", "false"],
            ["font-size", str(FONT)],
        ],
        children,
    )


def _chart(svg: dict | None, table: dict | None, summary: str) -> dict:
    return {"svg": svg, "table": table, "summary": summary}


def _ascii_upper(text: str) -> str:
    # MicroPython's str.upper() changes ASCII letters only; so does this, on both.
    return "".join(chr(ord(char) - 32) if "a" <= char <= "z" else char for char in text)


def _abbreviation(label: str, length: int) -> str:
    words = [word for word in label.split(" ") if word]
    if not words:
        return label
    return _ascii_upper(words[0][:1]) + words[0][1:length] + "".join(_ascii_upper(word[:1]) for word in words[1:])


def abbreviations(spec: dict) -> list:
    """``[level id, abbreviation, label]`` for every level: initials ("EH" for "Extremely high"), the
    first word lengthened where two levels would share them ("Me", "Mo"), else the level's number."""
    labels = [level["label"] for level in spec["levels"]]
    lengths = [1 for _label in labels]
    found = [_abbreviation(label, 1) for label in labels]
    for _attempt in range(3):
        shared = [index for index in range(len(found)) if found.count(found[index]) > 1]
        if not shared:
            break
        for index in shared:
            lengths[index] += 1
            found[index] = _abbreviation(labels[index], lengths[index])
    if len(set(found)) < len(found):
        found = [str(index + 1) for index in range(len(labels))]
    return [[level["id"], found[index], level["label"]] for index, level in enumerate(spec["levels"])]


# ---------------------------------------------------------------------------
# Heat map (matrix-max)


def _by_value(options: list) -> list:
    order = sorted(range(len(options)), key=lambda index: (options[index]["value"], index))
    return [options[index] for index in order]


def _heat_axes(spec: dict) -> list:
    """The first rating question's two parts, each ``{"label", "options"}`` with options lowest value first."""
    first = matrix_max.rating_questions(spec)[0][2]
    return [{"label": part["label"], "options": _by_value(part["options"])} for part in first["parts"][:2]]


def _position(options: list, option_id: str) -> int:
    ids = specs.option_ids(options)
    return ids.index(option_id) if option_id in ids else -1


def _heat_rows(spec: dict, result: dict, axes: list) -> list:
    """Rows of cells, the highest part-1 value first; a cell is ``{"column", "row", "level", "count"}``."""
    columns, rows = axes[0]["options"], axes[1]["options"]
    counts = [[0 for _column in columns] for _row in rows]
    for item in result["items"]:
        if item["status"] != "rated" or len(item["parts"]) != 2:
            continue
        column = _position(columns, item["parts"][0]["option"])
        row = _position(rows, item["parts"][1]["option"])
        if column >= 0 and row >= 0:
            counts[row][column] += 1
    bands = spec["params"]["bands"]
    out = []
    for row in range(len(rows) - 1, -1, -1):
        cells = []
        for column, option in enumerate(columns):
            level = matrix_max.band_level(bands, option["value"] * rows[row]["value"])
            cells.append({"column": option, "row": rows[row], "level": level, "count": counts[row][column]})
        out.append(cells)
    return out


def _cell_level_text(spec: dict, cell: dict, strings: dict) -> str:
    if cell["level"] is None:
        return strings["chart.heat.unbanded"]
    return specs.level_label(spec, cell["level"], strings)


def _cell_class(cell: dict) -> str:
    name = "heat-cell heat-cell-unbanded" if cell["level"] is None else "heat-cell level-" + cell["level"]
    return name + (" has-items" if cell["count"] else "")


def _heat_summary(spec: dict, rows: list, strings: dict) -> str:
    rated = 0
    top = None
    for cells in rows:
        for cell in cells:
            rated += cell["count"]
            key = (cell["column"]["value"] * cell["row"]["value"], cell["row"]["value"], cell["column"]["value"])
            if cell["count"] and (top is None or key > top[0]):
                top = (key, cell)
    if top is None:
        return strings["chart.heat.summary.none"]
    cell = top[1]
    return fmt(
        strings,
        "chart.heat.summary",
        {
            "rated": rated,
            "column": cell["column"]["label"],
            "row": cell["row"]["label"],
            "level": _cell_level_text(spec, cell, strings),
            "count": cell["count"],
        },
    )


def _heat_table_data(spec: dict, axes: list, rows: list, strings: dict) -> dict:
    """The heat map as a table's texts, with each cell's level rank (its shade in a document)."""
    names = {"column": axes[0]["label"], "row": axes[1]["label"]}
    header = [fmt(strings, "chart.heat.corner", names)] + [option["label"] for option in axes[0]["options"]]
    ranks = [level["id"] for level in spec["levels"]]
    body = []
    shades = []
    for cells in rows:
        texts = [
            fmt(strings, "chart.heat.cell", {"count": cell["count"], "level": _cell_level_text(spec, cell, strings)})
            for cell in cells
        ]
        body.append([cells[0]["row"]["label"]] + texts)
        shade: list = [None]
        shades.append(shade + [None if cell["level"] is None else ranks.index(cell["level"]) for cell in cells])
    return {"caption": fmt(strings, "chart.heat.caption", names), "header": header, "rows": body, "shades": shades}


def _heat_table(spec: dict, axes: list, rows: list, strings: dict) -> dict:
    data = _heat_table_data(spec, axes, rows, strings)
    return tree.table(data["caption"], data["header"], data["rows"], "chart-table heat-map-table")


def _heat_cell(box: list, cell: dict, abbreviation: str, x: int, y: int, size: int) -> dict:
    middle = x + size // 2
    children = [_rect(x, y, size, size, "heat-cell-box")]
    if cell["count"]:
        children.append(
            _text(box, [str(cell["count"])], middle, y + size // 2 - 12 * U, "middle", "heat-count", COUNT_FONT)
        )
    children.append(_text(box, [abbreviation], middle, y + size - 16 * U, "middle", "heat-level"))
    return tree.el("g", [["class", _cell_class(cell)]], children)


def _heat_legend(box: list, spec: dict, rows: list, strings: dict, x: int, top: int) -> list:
    """One line per level in use ("EH = Extremely high") after a small swatch of its fill."""
    used = [cell["level"] for cells in rows for cell in cells]
    entries = [entry for entry in abbreviations(spec) if entry[0] in used]
    if None in used:
        entries.append([None, "–", strings["chart.heat.unbanded"]])
    out = [_text(box, [strings["chart.heat.key"]], x, top, "start", "chart-key-title")]
    step = 16 * U
    for index, (level, abbreviation, label) in enumerate(entries):
        y = top + step * (index + 1)
        swatch_class = "heat-cell heat-cell-unbanded" if level is None else "heat-cell level-" + level
        out.append(tree.el("g", [["class", swatch_class]], [_rect(x, y, 12 * U, 12 * U, "heat-cell-box")]))
        said = fmt(strings, "chart.heat.key.entry", {"abbreviation": abbreviation, "label": label})
        out.append(_text(box, [said], x + 16 * U, y, "start", "chart-key"))
    return out


def _heat_grid(box: list, spec: dict, rows: list, row_labels: list, left: int, size: int) -> list:
    """The cells, each row's label (lines) to its left; the grid's top left corner is at ``(left, 0)``."""
    letters = {}
    for level, abbreviation, _label in abbreviations(spec):
        letters[level] = abbreviation
    drawn = []
    for r, cells in enumerate(rows):
        lines = row_labels[r]
        top = r * size + (size - _line_height(FONT) * len(lines)) // 2
        drawn.append(_text(box, lines, left - 6 * U, top, "end", "chart-label"))
        for c, cell in enumerate(cells):
            drawn.append(_heat_cell(box, cell, letters.get(cell["level"], "–"), left + c * size, r * size, size))
    return drawn


def heat_map(spec: dict, result: dict, strings: dict) -> dict:
    """A matrix-max result as a grid: part 0 across (lowest value left), part 1 up (highest value on top).

    Each cell shows how many rated items fall in it and its level's abbreviation; a key spells
    out the abbreviations. The table has one row per part-1 option, highest first.
    """
    axes = _heat_axes(spec)
    rows = _heat_rows(spec, result, axes)
    row_labels = [wrap(cells[0]["row"]["label"], 14) for cells in rows]
    column_labels = [wrap(option["label"], 9) for option in axes[0]["options"]]
    left = max(_width(text, FONT) for lines in row_labels for text in lines) + 6 * U
    size = max(CELL, max(_width(text, FONT) for lines in column_labels for text in lines) + 6 * U)
    width, bottom = size * len(column_labels), size * len(rows)
    box = _box(0, 0, left + width, bottom)
    drawn = _heat_grid(box, spec, rows, row_labels, left, size)
    for c, lines in enumerate(column_labels):
        drawn.append(_text(box, lines, left + c * size + size // 2, bottom + 4 * U, "middle", "chart-label"))
    below = bottom + 4 * U + _line_height(FONT) * max(len(lines) for lines in column_labels) + 6 * U
    drawn.append(_text(box, [axes[0]["label"]], left + width // 2, below, "middle", "chart-axis-title", TITLE))
    # Part 1's title heads the row labels rather than running up the side: rotated text is
    # harder to read and takes width a phone does not have. Above the grid, it may run on over it.
    top = -_line_height(TITLE) - 2 * U
    drawn.append(_text(box, [axes[1]["label"]], 0, top, "start", "chart-axis-title", TITLE))
    drawn.extend(_heat_legend(box, spec, rows, strings, box[0], box[3] + 8 * U))
    return _chart(
        _svg(box, "chart-heat-map", drawn),
        _heat_table(spec, axes, rows, strings),
        _heat_summary(spec, rows, strings),
    )


# ---------------------------------------------------------------------------
# Radar (banded-mean)


def _directions(count: int) -> list:
    """Unit vectors in ten-thousandths for ``count`` axes, clockwise from straight up."""
    out = []
    for index in range(count):
        angle = 2 * math.pi * index / count
        # math.floor gives an int in CPython and in MicroPython.
        out.append((math.floor(math.sin(angle) * UNIT + 0.5), -math.floor(math.cos(angle) * UNIT + 0.5)))
    return out


def _along(direction: tuple, fraction: tuple, radius: int) -> tuple:
    """The point at ``fraction`` (exact) of ``radius`` along ``direction``, in whole tenths."""
    den = fraction[1] * UNIT
    return (
        rational.nearest((fraction[0] * radius * direction[0], den)),
        rational.nearest((fraction[0] * radius * direction[1], den)),
    )


def _share(value: tuple, top: tuple) -> tuple:
    """``value`` as an exact share of ``top``, held between 0 and 1."""
    share = rational.reduce(value[0] * top[1], value[1] * top[0])
    if share[0] < 0:
        return (0, 1)
    if share[0] > share[1]:
        return (1, 1)
    return share


def _fraction(target: dict | None, top: tuple) -> tuple | None:
    """A result entry's score as a share of the top of the scale; None when it has no score."""
    score = compare_.score_of(target)
    return None if score is None else _share(score, top)


def _points(directions: list, fractions: list) -> list:
    """The polygon's corners; an entry without a score sits at the centre."""
    return [_along(d, (0, 1) if f is None else f, RADIUS) for d, f in zip(directions, fractions)]


def _polygon(corners: list, class_name: str, extra: list | None = None) -> dict:
    # fill="none" keeps the picture readable where the style sheet is missing (CSS overrides it).
    points = " ".join(num(x) + "," + num(y) for x, y in corners)
    return tree.el("polygon", [["class", class_name], ["points", points], ["fill", "none"]] + (extra or []))


def scale_top(spec: dict) -> tuple | None:
    """The highest value a scored statement offers: the radar's outer ring."""
    statements = [q for _section, q in specs.questions(spec) if is_scored(q) and q.get("type") == "single"]
    return banded_mean.scale_top(statements)


def _stages(spec: dict, top: tuple) -> list:
    """``(level, lower, upper)`` for each band, its bounds as exact shares of the top of the scale."""
    out = []
    lower = (0, 1)
    for band in spec["params"]["bands"]:
        upper = _share(rational.to_rational(band["below"]), top) if "below" in band else (1, 1)
        out.append((band["level"], lower, upper))
        lower = upper
    return out


def _rings(spec: dict, directions: list, top: tuple, strings: dict, box: list) -> list:
    """A ring at each band's upper bound inside the plot, the outer ring, and each stage's name
    between its rings, left of the upward axis."""
    drawn = []
    labels = []
    for level, lower, upper in _stages(spec, top):
        if not rational.less(lower, upper):
            continue
        outer = upper == (1, 1)
        ring_class = "radar-ring radar-ring-top" if outer else "radar-ring"
        drawn.append(_polygon([_along(d, upper, RADIUS) for d in directions], ring_class))
        middle = rational.nearest((RADIUS * (lower[0] * upper[1] + upper[0] * lower[1]), 2 * lower[1] * upper[1]))
        label = specs.level_label(spec, level, strings)
        labels.append(_text(box, [label], -3 * U, -middle - FONT * U * 6 // 10, "end", "radar-stage"))
    for direction in directions:
        drawn.append(_line((0, 0), _along(direction, (1, 1), RADIUS), "radar-spoke"))
    return drawn + labels


def _axis_label(box: list, direction: tuple, lines: list) -> dict:
    """An axis name outside the outer ring: anchored away from the centre, stacked to clear the plot."""
    x, y = _along(direction, (1, 1), RADIUS + 8 * U)
    anchor = "middle"
    if direction[0] > UNIT // 10:
        anchor = "start"
    elif direction[0] < -UNIT // 10:
        anchor = "end"
    height = _line_height(FONT) * len(lines)
    # Straight up: the text sits above the point; straight down: below it; sideways: centred on it.
    top = y - height * (UNIT - direction[1]) // (2 * UNIT)
    return _text(box, lines, x, top, anchor, "radar-axis")


def _line(start: tuple, end: tuple, class_name: str, extra: list | None = None) -> dict:
    ends = [["x1", num(start[0])], ["y1", num(start[1])], ["x2", num(end[0])], ["y2", num(end[1])]]
    return tree.el("line", [["class", class_name]] + ends + (extra or []))


def _marker(x: int, y: int, previous: bool) -> dict:
    """A point of a polygon: a circle now, a hollow square before, so the two differ without colour."""
    if previous:
        return _rect(x - 3 * U, y - 3 * U, 6 * U, 6 * U, "radar-previous-point")
    return tree.el("circle", [["class", "radar-point"], ["cx", num(x)], ["cy", num(y)], ["r", "3.5"]])


def _outline(corners: list, fractions: list, previous: bool) -> list:
    """One result's polygon and a marker on each entry that has a score."""
    if previous:
        drawn = [_polygon(corners, "radar-previous", [["stroke-dasharray", DASHES]])]
    else:
        drawn = [_polygon(corners, "radar-current")]
    for (x, y), fraction in zip(corners, fractions):
        if fraction is not None:
            drawn.append(_marker(x, y, previous))
    return drawn


def _radar_legend(box: list, strings: dict) -> list:
    """Below the plot: a solid line with a circle for now, a dashed line with a square for before."""
    top = box[3] + 6 * U
    middle = top + 6 * U
    out = []
    x = box[0]
    for key, previous in (("chart.legend.now", False), ("chart.legend.previous", True)):
        class_name = "radar-previous radar-key" if previous else "radar-current radar-key"
        extra = [["stroke-dasharray", DASHES]] if previous else []
        out.append(_line((x, middle), (x + 24 * U, middle), class_name, extra))
        out.append(_marker(x + 12 * U, middle, previous))
        label = strings[key]
        out.append(_text(box, [label], x + 28 * U, top, "start", "chart-key"))
        x += 28 * U + _width(label, FONT) + 12 * U
    return out


def _radar_table_data(spec: dict, dimension: str, entries: list, before: list | None, strings: dict) -> dict:
    """The radar as a table's texts: each entry's result now (and before, with a previous result)."""
    header = [strings["chart.col.entry"], strings["chart.col.now"]]
    if before is not None:
        header.append(strings["chart.col.previous"])
    rows = []
    for entry in entries:
        row = [
            specs.title_of(spec, dimension, entry["id"]),
            specs.level_text(spec, entry["level"], entry.get("score"), strings),
        ]
        if before is not None:
            found = compare_.matching(before, entry)
            row.append(
                strings["compare.missing"]
                if found is None
                else specs.level_text(spec, found["level"], found.get("score"), strings)
            )
        rows.append(row)
    caption = fmt(strings, "chart.radar.caption", {"title": spec["title"]})
    return {"caption": caption, "header": header, "rows": rows, "shades": None}


def _radar_table(spec: dict, dimension: str, entries: list, before: list | None, strings: dict) -> dict:
    data = _radar_table_data(spec, dimension, entries, before, strings)
    return tree.table(data["caption"], data["header"], data["rows"], "chart-table radar-table")


def _radar_overview(spec: dict, dimension: str, entries: list, strings: dict) -> str:
    """How many entries are assessed, and the highest and lowest (the first of equals), or that all are level."""
    scored: list = []
    for entry in entries:
        score = compare_.score_of(entry)
        if score is not None:
            scored.append((score, entry))
    if not scored:
        return strings["chart.radar.summary.none"]
    high = low = scored[0]
    for candidate in scored[1:]:
        if rational.less(high[0], candidate[0]):
            high = candidate
        if rational.less(candidate[0], low[0]):
            low = candidate
    values: dict = {"assessed": len(scored), "total": len(entries)}
    for key, (_score, entry) in (("high", high), ("low", low)):
        values[key] = specs.title_of(spec, dimension, entry["id"])
        values[key + "_result"] = specs.level_text(spec, entry["level"], entry["score"], strings)
    key = "chart.radar.summary" if rational.less(low[0], high[0]) else "chart.radar.summary.even"
    return fmt(strings, key, values)


def _radar_changes(spec: dict, dimension: str, result: dict, previous: dict, strings: dict) -> str:
    """How many entries of the dimension went up, went down or stayed the same since ``previous``."""
    counts = {"higher": 0, "lower": 0, "same": 0, "not-comparable": 0}
    for change in compare_.compare(spec, result, previous)["entries"]:
        if change["dimension"] == dimension:
            counts[change["direction"]] += 1
    return fmt(strings, "chart.radar.summary.previous", counts)


def radar(spec: dict, result: dict, strings: dict, dimension: str = "sections", previous: dict | None = None) -> dict:
    """A banded-mean result as a radar: one axis per entry of ``dimension`` (sections or groups).

    Rings mark each band's threshold and the top of the scale, each stage named between its
    rings; the result is a solid polygon with a circle on each scored entry, ``previous`` (a
    result of the same questionnaire) a dashed one with squares. An entry with no score sits at
    the centre, and its axis label and table row say it is not assessed. With fewer than three
    entries, or a scale whose top is not above zero, there is no picture: ``svg`` is None and
    the table and summary carry the result.
    """
    entries = result[dimension]
    before = None if previous is None else previous[dimension]
    table = _radar_table(spec, dimension, entries, before, strings)
    summary = _radar_overview(spec, dimension, entries, strings)
    if previous is not None:
        summary += " " + _radar_changes(spec, dimension, result, previous, strings)
    top = scale_top(spec)
    if len(entries) < 3 or top is None:
        return _chart(None, table, summary)
    directions = _directions(len(entries))
    box = _box(-RADIUS, -RADIUS, RADIUS, RADIUS)
    drawn = _rings(spec, directions, top, strings, box)
    if before is not None:
        fractions = [_fraction(compare_.matching(before, entry), top) for entry in entries]
        drawn.extend(_outline(_points(directions, fractions), fractions, True))
    fractions = [_fraction(entry, top) for entry in entries]
    drawn.extend(_outline(_points(directions, fractions), fractions, False))
    for direction, entry, fraction in zip(directions, entries, fractions):
        lines = wrap(specs.title_of(spec, dimension, entry["id"]), 14, 3)
        if fraction is None:
            lines.append(specs.level_label(spec, entry["level"], strings))
        drawn.append(_axis_label(box, direction, lines))
    if previous is not None:
        drawn.extend(_radar_legend(box, strings))
    return _chart(_svg(box, "chart-radar", drawn), table, summary)


# ---------------------------------------------------------------------------
# Comparison, views


def comparison(spec: dict, result: dict, strings: dict, previous: dict | None = None) -> dict:
    """The result next to an earlier one as a table (no picture); without one, only a summary saying so."""
    if previous is None:
        return _chart(None, None, strings["compare.none"])
    found = compare_.compare(spec, result, previous)
    return _chart(None, compare_.table(spec, found, strings), compare_.summary(spec, found, strings))


def table_data(spec: dict, view: dict, result: dict, strings: dict, previous: dict | None = None) -> dict:
    """A heat map's or a radar's table as texts, ``{"caption", "header", "rows", "shades"}``: the
    chart in a report document, where ``shades`` gives each heat-map cell its level's rank."""
    if view.get("type") == "heat-map":
        axes = _heat_axes(spec)
        return _heat_table_data(spec, axes, _heat_rows(spec, result, axes), strings)
    dimension = view.get("dimension", "sections")
    before = None if previous is None else previous[dimension]
    return _radar_table_data(spec, dimension, result[dimension], before, strings)


def render(spec: dict, view: dict, result: dict, strings: dict, previous: dict | None = None) -> dict:
    """The chart a view asks for (see ``validate_view``): ``{"svg", "table", "summary"}``."""
    kind = view.get("type")
    if kind == "heat-map":
        return heat_map(spec, result, strings)
    if kind == "radar":
        return radar(spec, result, strings, view.get("dimension", "sections"), previous)
    if kind == "comparison":
        return comparison(spec, result, strings, previous)
    raise ValueError("unknown view: " + repr(kind))


def _part_scales(question: dict) -> list:
    return [[[option["id"], option["value"]] for option in part["options"]] for part in question["parts"]]


def _check_heat_map(spec: dict, path: tuple) -> None:
    if spec.get("method") != matrix_max.NAME:
        raise SpecError(
            path + ("type",),
            "a heat map needs the matrix-max method (this questionnaire uses '%s')" % spec.get("method"),
        )
    questions = matrix_max.rating_questions(spec)
    if not questions:
        raise SpecError(path + ("type",), "a heat map needs at least one rating question")
    first = questions[0][2]
    if len(first["parts"]) != 2:
        raise SpecError(
            path + ("type",),
            "a heat map needs rating questions with two parts ('%s' has %d)" % (first["id"], len(first["parts"])),
        )
    expected = _part_scales(first)
    for _si, _qi, question in questions[1:]:
        if _part_scales(question) != expected:
            raise SpecError(
                path + ("type",),
                "a heat map needs every rating question to offer the options and values of '%s' ('%s' differs)"
                % (first["id"], question["id"]),
            )


def _check_radar(spec: dict, dimension: str, path: tuple) -> None:
    if spec.get("method") != banded_mean.NAME:
        raise SpecError(
            path + ("type",),
            "a radar chart needs the banded-mean method (this questionnaire uses '%s')" % spec.get("method"),
        )
    count = len(spec.get("sections", [])) if dimension == "sections" else len(specs.groups(spec))
    if count < 3:
        raise SpecError(
            path + ("dimension",), "a radar chart needs at least 3 %s (this questionnaire has %d)" % (dimension, count)
        )


def validate_view(spec: dict, view: object, path: tuple) -> None:
    """Raise a SpecError at ``path`` (the view's place in the definition) unless the view fits the spec.

    A view is ``{"type": "heat-map" | "radar" | "comparison", "dimension": "sections" | "groups"}``
    (``dimension`` optional, ``sections`` by default). A heat map needs matrix-max and rating
    questions that all offer the first one's two scales; a radar needs banded-mean and at least
    three entries in its dimension; a comparison fits any method.
    """
    if not isinstance(view, dict):
        raise SpecError(path, "a view must be a mapping with a 'type'")
    for key in sorted(str(key) for key in view):
        if key not in VIEW_KEYS:
            raise SpecError(path + (key,), "unknown field '%s' (a view takes %s)" % (key, ", ".join(VIEW_KEYS)))
    kind = view.get("type")
    if kind not in VIEWS:
        raise SpecError(path + ("type",), "unknown view %s (views: %s)" % (repr(kind), ", ".join(VIEWS)))
    dimension = view.get("dimension", "sections")
    if dimension not in DIMENSIONS:
        raise SpecError(path + ("dimension",), "must be 'sections' or 'groups' (got %s)" % repr(dimension))
    if kind == "heat-map":
        _check_heat_map(spec, path)
    elif kind == "radar":
        _check_radar(spec, dimension, path)
