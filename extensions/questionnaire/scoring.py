"""Score questionnaire answers; pure Python that runs unchanged under CPython and MicroPython."""

# MicroPython rules apply to this whole module: no typing, no dataclasses, no imports,
# no reliance on dict order (iterate the spec's lists; sort anything built from a dict),
# and no floats in results, so both interpreters print identical output.

NOT_ASSESSED = "not-assessed"


# ---------------------------------------------------------------------------
# Exact rationals as (numerator, denominator) pairs with a positive denominator.


def _gcd(a, b):
    # MicroPython's math module has no gcd.
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def _reduce(num, den):
    if den == 0:
        raise ValueError("zero denominator")
    if den < 0:
        num, den = -num, -den
    g = _gcd(num, den) or 1
    return (num // g, den // g)


def _add(x, y):
    return _reduce(x[0] * y[1] + y[0] * x[1], x[1] * y[1])


def _less(x, y):
    # Cross-multiplication is exact; denominators are always positive.
    return x[0] * y[1] < y[0] * x[1]


def _parse_decimal(text):
    # "0.75" -> (75, 100); also "-1.5", "2", "1e-05" (the forms repr/str give for floats).
    text = text.strip().lower()
    exponent = 0
    if "e" in text:
        text, _, exp_text = text.partition("e")
        exponent = int(exp_text)
    sign = 1
    if text[:1] in ("-", "+"):
        if text[0] == "-":
            sign = -1
        text = text[1:]
    whole, _, frac = text.partition(".")
    digits = whole + frac
    # Only ASCII digits: CPython's isdigit() also accepts other scripts, MicroPython's does not.
    if not digits or not all(char in "0123456789" for char in digits):
        raise ValueError("not a decimal number: " + repr(text))
    num = sign * int(digits)
    exponent -= len(frac)
    if exponent >= 0:
        return _reduce(num * 10**exponent, 1)
    return _reduce(num, 10 ** (-exponent))


def to_rational(value):
    """Return a number (int, float or decimal string) as an exact (numerator, denominator) pair."""
    # bool is an int subclass in CPython but not in MicroPython: refuse it on both.
    if value is True or value is False or value is None:
        raise ValueError("not a number: " + repr(value))
    if isinstance(value, int):
        return (value, 1)
    if isinstance(value, float):
        # The shortest repr round-trips, so 0.75 becomes exactly 75/100.
        return _parse_decimal(repr(value))
    if isinstance(value, str):
        return _parse_decimal(value)
    raise ValueError("not a number: " + repr(value))


def format_rational(x):
    """Format a rational with exactly two decimals, rounding half up (away from zero)."""
    num, den = x
    sign = ""
    if num < 0:
        sign, num = "-", -num
    hundredths, rest = divmod(num * 100, den)
    if 2 * rest >= den:
        hundredths += 1
    if hundredths == 0:
        sign = ""
    return "%s%d.%02d" % (sign, hundredths // 100, hundredths % 100)


def _mean(values):
    total = (0, 1)
    for value in values:
        total = _add(total, value)
    return _reduce(total[0], total[1] * len(values))


# ---------------------------------------------------------------------------
# Reading answers: every lookup goes through the spec's lists, never the answers' order.


def _is_scored(question):
    if question.get("type") == "text":
        return False
    return question.get("scored", True) is not False


def _find_option(options, option_id):
    if not isinstance(option_id, str):
        return None
    for option in options:
        if option["id"] == option_id:
            return option
    return None


def _chosen_options(question, answers):
    # A multiple question's answer is a list of ids; report the chosen ones in spec order.
    value = answers.get(question["id"])
    if not isinstance(value, list):
        return []
    return [option for option in question.get("options", []) if option["id"] in value]


def _is_not_applicable(question, answers):
    return bool(question.get("not_applicable")) and answers.get(question["id"] + ".na") == "na"


def _part_entry(part_id, option):
    return {"part": part_id, "option": option["id"], "value": option.get("value")}


def _read_question(question, answers):
    """Return (status, parts) for one scored question; parts follow the spec's order."""
    kind = question.get("type")
    if kind == "rating":
        if _is_not_applicable(question, answers):
            return "not-applicable", []
        parts = []
        for part in question.get("parts", []):
            option = _find_option(part.get("options", []), answers.get(question["id"] + "." + part["id"]))
            if option is not None:
                parts.append(_part_entry(part["id"], option))
        if not parts:
            return "unanswered", parts
        if len(parts) < len(question.get("parts", [])):
            return "incomplete", parts
        return "rated", parts
    if kind == "multiple":
        parts = [_part_entry(None, option) for option in _chosen_options(question, answers)]
    else:
        option = _find_option(question.get("options", []), answers.get(question["id"]))
        parts = [] if option is None else [_part_entry(None, option)]
    return ("answered" if parts else "unanswered"), parts


def _base_items(spec, answers):
    """One item per scored question, with status and parts; score and level filled in by a method."""
    items = []
    for section in spec.get("sections", []):
        for question in section.get("questions", []):
            if not _is_scored(question):
                continue
            status, parts = _read_question(question, answers)
            items.append(
                {
                    "id": question["id"],
                    "section": section["id"],
                    "group": question.get("group"),
                    "status": status,
                    "score": None,
                    "level": None,
                    "parts": parts,
                    # Private fields, removed before the result is returned.
                    "_question": question,
                }
            )
    return items


def _is_done(item):
    return item["status"] in ("answered", "rated", "not-applicable")


# ---------------------------------------------------------------------------
# Levels: the spec's "levels" list is ordered from lowest severity / earliest stage.


def _level_rank(spec):
    ranks = {}
    for index, level in enumerate(spec.get("levels", [])):
        ranks[level["id"]] = index
    return ranks


def _highest(levels, ranks):
    best = None
    for level in levels:
        if level is None:
            continue
        if best is None or ranks.get(level, -1) > ranks.get(best, -1):
            best = level
    return NOT_ASSESSED if best is None else best


# ---------------------------------------------------------------------------
# Method: any-yes


def _answers_yes(item, yes):
    return any(part["option"] == yes for part in item["parts"])


def _any_yes_level(items, params):
    if not items:
        return NOT_ASSESSED
    if any(_answers_yes(item, params["yes"]) for item in items):
        return params["any_level"]
    if all(_is_done(item) for item in items):
        return params["none_level"]
    return NOT_ASSESSED


def _score_any_yes(spec, items):
    params = spec["params"]
    listed = [item for item in items if item["id"] in params["questions"]]
    result = _empty_result(spec, items)
    result["level"] = _any_yes_level(listed, params)
    result["complete"] = all(_is_done(item) for item in listed)
    result["reasons"] = [item["id"] for item in listed if _answers_yes(item, params["yes"])]
    for section in result["sections"]:
        section["level"] = _any_yes_level([item for item in listed if item["section"] == section["id"]], params)
    for group in result["groups"]:
        group["level"] = _any_yes_level(_in_group(listed, group), params)
    return result


# ---------------------------------------------------------------------------
# Method: matrix-max


def _band_for_score(bands, score):
    for band in bands:
        if band["min"] <= score <= band["max"]:
            return band["level"]
    # A gap in the bands is a spec error; hiding a rated risk would be worse than stopping.
    raise ValueError("no band contains score %d" % score)


def _rate_item(item, params):
    if item["status"] != "rated":
        return
    values = {}
    for part in item["parts"]:
        values[part["part"]] = part["value"]
    score = 1
    for part_id in params["parts"]:
        score *= values[part_id]
    item["score"] = score
    item["level"] = _band_for_score(params["bands"], score)


def _score_matrix_max(spec, items):
    params = spec["params"]
    ranks = _level_rank(spec)
    ratings = [item for item in items if item["_question"].get("type") == "rating"]
    for item in ratings:
        _rate_item(item, params)
    result = _empty_result(spec, items)
    result["level"] = _highest([item["level"] for item in ratings], ranks)
    result["complete"] = all(item["status"] in ("rated", "not-applicable") for item in ratings)
    for section in result["sections"]:
        in_section = [item["level"] for item in ratings if item["section"] == section["id"]]
        section["level"] = _highest(in_section, ranks)
    for group in result["groups"]:
        group["level"] = _highest([item["level"] for item in _in_group(ratings, group)], ranks)
    return result


# ---------------------------------------------------------------------------
# Method: banded-mean


def _stage(bands, score):
    for band in bands:
        if "below" not in band or band["below"] is None:
            return band["level"]
        if _less(score, to_rational(band["below"])):
            return band["level"]
    raise ValueError("banded-mean needs a final band without 'below'")


def _statement_value(item):
    # Statements are single questions; the chosen option's value is the statement's score.
    if item["_question"].get("type") != "single" or item["status"] != "answered":
        return None
    return to_rational(item["parts"][0]["value"])


def _mean_of_items(items):
    values = [_statement_value(item) for item in items]
    values = [value for value in values if value is not None]
    return _mean(values) if values else None


def _set_score(target, score):
    target["score"] = None if score is None else format_rational(score)
    target["score_num"] = None if score is None else score[0]
    target["score_den"] = None if score is None else score[1]


def _sort_lowest_first(candidates):
    # Insertion sort on exact rationals (tuples would compare numerators, not values);
    # it is stable, so equal scores keep spec order. The lists are a handful of areas.
    ordered = []
    for candidate in candidates:
        index = len(ordered)
        while index > 0 and _less(candidate[0], ordered[index - 1][0]):
            index -= 1
        ordered.insert(index, candidate)
    return ordered


def _priorities(spec, area_scores, params):
    ranks = _level_rank(spec)
    limit = ranks.get(params.get("priority_below"), 0)
    candidates = []
    for section_id, score, level in area_scores:
        if score is not None and ranks.get(level, limit) < limit:
            candidates.append((score, section_id, level))
    ordered = _sort_lowest_first(candidates)
    out = []
    for score, section_id, level in ordered[: params.get("max_priorities", 3)]:
        entry = {"id": section_id, "level": level}
        _set_score(entry, score)
        out.append(entry)
    return out


def _score_banded_mean(spec, items):
    params = spec["params"]
    bands = params["bands"]
    for item in items:
        value = _statement_value(item)
        if value is not None:
            item["score"] = item["parts"][0]["value"]
    result = _empty_result(spec, items)
    statements = [item for item in items if item["_question"].get("type") == "single"]
    area_scores = []
    for section in result["sections"]:
        score = _mean_of_items([item for item in statements if item["section"] == section["id"]])
        section["level"] = NOT_ASSESSED if score is None else _stage(bands, score)
        _set_score(section, score)
        area_scores.append((section["id"], score, section["level"]))
    for group in result["groups"]:
        score = _mean_of_items(_in_group(statements, group))
        group["level"] = NOT_ASSESSED if score is None else _stage(bands, score)
    assessed = [score for _id, score, _level in area_scores if score is not None]
    overall = _mean(assessed) if assessed else None
    result["level"] = NOT_ASSESSED if overall is None else _stage(bands, overall)
    _set_score(result, overall)
    result["complete"] = all(_is_done(item) for item in statements)
    result["priorities"] = _priorities(spec, area_scores, params)
    result["to_find_out"] = [
        item["id"] for item in statements if item["status"] == "answered" and _answered_unknown(item)
    ]
    return result


def _answered_unknown(item):
    option = _find_option(item["_question"].get("options", []), item["parts"][0]["option"])
    return bool(option and option.get("unknown"))


# ---------------------------------------------------------------------------
# The result shared by all methods.


def _in_group(items, group):
    return [item for item in items if item["section"] == group["section"] and item["group"] == group["id"]]


def _empty_result(spec, items):
    sections = []
    groups = []
    for section in spec.get("sections", []):
        in_section = [item for item in items if item["section"] == section["id"]]
        sections.append(
            {
                "id": section["id"],
                "level": NOT_ASSESSED,
                "answered": len([item for item in in_section if _is_done(item)]),
                "total": len(in_section),
                "score": None,
                "score_num": None,
                "score_den": None,
            }
        )
        for group in section.get("groups", []):
            groups.append({"id": group["id"], "section": section["id"], "level": NOT_ASSESSED})
    return {
        "questionnaire": spec.get("id"),
        "version": spec.get("version"),
        "method": spec.get("method"),
        "level": NOT_ASSESSED,
        "complete": False,
        "answered": len([item for item in items if _is_done(item)]),
        "total": len(items),
        "sections": sections,
        "groups": groups,
        "items": items,
        "reasons": [],
        "priorities": [],
        "to_find_out": [],
        "incomplete": [item["id"] for item in items if item["status"] in ("incomplete", "unanswered")],
        "score": None,
        "score_num": None,
        "score_den": None,
    }


METHODS = {
    "any-yes": _score_any_yes,
    "matrix-max": _score_matrix_max,
    "banded-mean": _score_banded_mean,
}


def score(spec, answers):
    """Score answers (form-control name -> option id(s)) against a normalized spec; returns plain data."""
    method = METHODS.get(spec.get("method"))
    if method is None:
        raise ValueError("unknown scoring method: " + repr(spec.get("method")))
    if answers is None:
        answers = {}
    result = method(spec, _base_items(spec, answers))
    for item in result["items"]:
        del item["_question"]
    return result
