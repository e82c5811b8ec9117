"""Actions one questionnaire's result proposes to another's action tables: one action plan.

A result proposes an action for each item it flags (matrix-max: the risks rated at or above
``flag_from``) and each priority it names (banded-mean: the areas below ``priority_below``).
The proposals are kept with the record's summary in this browser (``store.summary``), so a
page showing another questionnaire can offer them without that questionnaire's definition.

A table question that says ``import: {from: [risk, readiness], text: <column>, source:
<column>, status?: {column, option}}`` takes them: each proposal becomes a row with its text,
a link to where it came from (the ``source`` column, a URL relative to the site's root whose
fragment is the proposal's key) and, optionally, a status such as "proposed". A proposal whose
key is already in any importing table of the record is not added again, so importing twice
adds nothing; a row the reader removed can be proposed again.
"""

from . import spec as specs
from .text import fmt
from .tree import el


def of_result(spec: dict, result: dict, strings: dict) -> list:
    """``{"text", "anchor"}`` for each flagged item and each priority, in the result's order.

    ``anchor`` is the id, without the form's prefix, of where the proposal came from on its
    page (a question, or a section); the page adds its prefix and its address.
    """
    out = []
    flagged = result.get("flagged") or []
    items = {}
    for item in result.get("items", []):
        items[item["id"]] = item
    groups = {}
    for _section, group in specs.groups(spec):
        groups[group["id"]] = group
    for item_id in flagged:
        question = specs.find_question(spec, item_id)
        item = items.get(item_id)
        if question is None or item is None:
            continue
        score = None if item.get("score") is None else str(item["score"])
        values = {"item": question["text"], "result": specs.level_text(spec, item["level"], score, strings)}
        group = groups.get(question.get("group") or "")
        key = "proposal.item.principle" if group else "proposal.item"
        if group:
            values["principle"] = group["title"]
        out.append({"text": fmt(strings, key, values), "anchor": "q-" + item_id})
    for priority in result.get("priorities") or []:
        values = {
            "area": specs.title_of(spec, "sections", priority["id"]),
            "result": specs.level_text(spec, priority["level"], priority.get("score"), strings),
        }
        out.append({"text": fmt(strings, "proposal.area", values), "anchor": "section-" + priority["id"]})
    return out


def placed(proposals: list, page: str) -> list:
    """``{"key", "text", "source"}``: each proposal's ``source`` is ``page`` (this form's address
    from the site's root and its id, ``risk-assessment/index.html#q-risk``) joined to its anchor,
    and its key is the fragment of that address (``q-risk-q-biased-data``)."""
    out = []
    for proposal in proposals:
        source = page + "-" + proposal["anchor"]
        out.append({"key": key_of(source), "text": proposal["text"], "source": source})
    return out


def tables(spec: dict) -> list:  # the importing tables; specs.imports says whether there is one
    """The table questions that take proposals, in the author's order."""
    return [q for _section, q in specs.questions(spec) if q.get("type") == "table" and q.get("import")]


def sources(spec: dict) -> list:
    """The questionnaires any table takes proposals from, each once, in the author's order."""
    out = []
    for question in tables(spec):
        for found in question["import"]["from"]:
            if found not in out:
                out.append(found)
    return out


def key_of(source: object) -> str:
    """The key a row's source cell holds: the part after ``#`` (the whole text when there is none)."""
    text = str(source or "")
    return text.split("#", 1)[1] if "#" in text else text


def keys_in(spec: dict, answers: dict) -> list:
    """The keys of the proposals already in the record, in any importing table."""
    found = []
    for question in tables(spec):
        column = question["import"]["source"]
        for row in specs.table_rows(answers, question["id"]):
            if row.get(column):
                found.append(key_of(row[column]))
    return found


def merge(spec: dict, answers: dict, question_id: str, proposals: list) -> dict:
    """``{"answers", "added", "skipped", "full"}``: the answers with one row per new proposal.

    The proposals need their ``source`` (:func:`placed`). Rows are added at the end, until the
    table is full (``full`` counts those left out). ``answers`` is not changed.
    """
    question = specs.question(spec, question_id)
    rule = question["import"]
    known = keys_in(spec, answers)
    rows = [dict(row) for row in specs.table_rows(answers, question_id)]
    limit = specs.max_rows(question)
    added = skipped = full = 0
    for proposal in proposals:
        if proposal["key"] in known:
            skipped += 1
            continue
        if len(rows) >= limit:
            full += 1
            continue
        row = {rule["text"]: proposal["text"][: specs.max_length(specs.column(question, rule["text"]) or {})]}
        row[rule["source"]] = proposal["source"]
        status = rule.get("status")
        if status:
            row[status["column"]] = status["option"]
        rows.append(row)
        known.append(proposal["key"])
        added += 1
    out = dict(answers)
    out[question_id] = rows
    return {"answers": out, "added": added, "skipped": skipped, "full": full}


def offers(spec: dict, indexes: dict, headlines: list, strings: dict) -> list:
    """``{"questionnaire", "record", "label", "count", "same"}`` for each saved record with proposals.

    ``indexes`` maps a questionnaire id to its index of records (``store.read_index``) or None;
    ``headlines`` are this record's ``(label, answer)`` pairs: a record whose summary has the same
    answer under the same label (the same system) is marked ``same`` and comes first. Within a
    questionnaire, the latest record comes first.
    """
    mine = {}
    for label, answer in headlines:
        if answer:
            mine[label] = " ".join(str(answer).split()).lower()
    same_first: list = []
    rest: list = []
    for questionnaire in sources(spec):
        index = indexes.get(questionnaire)
        if not index:
            continue
        entries = [e for e in index.get("records", []) if isinstance(e.get("summary"), dict)]
        entries = sorted(entries, key=lambda e: str(e.get("updated", "")), reverse=True)
        for entry in entries:
            summary = entry["summary"]
            proposals = summary.get("proposals") or []
            same = False
            for pair in summary.get("headlines") or []:
                if len(pair) == 2 and pair[0] in mine and " ".join(str(pair[1]).split()).lower() == mine[pair[0]]:
                    same = True
            values = {
                "title": summary.get("title") or questionnaire,
                "name": entry.get("name", ""),
                "result": str(summary.get("label") or summary.get("level") or ""),
                "date": str(entry.get("updated", ""))[:10],
                "count": len(proposals),
            }
            offer = {
                "questionnaire": questionnaire,
                "record": entry.get("id", ""),
                "label": fmt(strings, "import.offer", values) + (" " + strings["import.same"] if same else ""),
                "count": len(proposals),
                "same": same,
            }
            (same_first if same else rest).append(offer)
    return same_first + rest


def entry_of(index: dict | None, record_id: str) -> dict | None:
    """One record's entry in another questionnaire's index, or None when it is gone."""
    for entry in (index or {}).get("records", []):
        if entry.get("id") == record_id:
            return entry
    return None


def proposals_of(entry: dict | None) -> list:
    """The well-formed proposals kept with a record's summary (an empty list when there are none)."""
    summary = (entry or {}).get("summary")
    found = summary.get("proposals") if isinstance(summary, dict) else None
    return [p for p in found if isinstance(p, dict) and p.get("key") and p.get("source")] if found else []


def tree(found: list, strings: dict) -> dict:
    """The offers as buttons (one per record), or a sentence saying there is nothing to import."""
    if not found:
        return el("p", [["data-role", "import-none"]], [strings["import.none"]])
    buttons = []
    for offer in found:
        attrs = [
            ["type", "button"],
            ["data-action", "import-proposals"],
            ["data-questionnaire", offer["questionnaire"]],
            ["data-record", offer["record"]],
        ]
        if not offer["count"]:
            attrs.append(["disabled", "disabled"])
        buttons.append(el("li", [], [el("button", attrs, [offer["label"]])]))
    return el("ul", [["class", "import-offers"]], buttons)
