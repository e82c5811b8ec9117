"""List, or link, glossary terms that a page uses in running text without ever linking them.

Run from the repository root::

    python scripts/link_glossary_terms.py            # list each page's unlinked terms, with line numbers
    python scripts/link_glossary_terms.py --write    # wrap the first use of each in a {term} role

It reads the Markdown sources, not the built site, so it is quick and needs no build; the authority is
``tests/test_glossary_links.py``, which checks the built pages. Always read the diff after ``--write``:
a word such as "accuracy" or "recall" may first appear in its everyday sense, and then the role belongs on
a later use.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
GLOSSARY = CONTENT / "glossary.md"

#: A trailing qualifier such as ``accuracy (metric)`` is not written in running text.
QUALIFIER = re.compile(r"\s*\([^)]*\)$")

#: Inline spans where a role must not go: roles and code, links' text and targets, inline HTML, targets.
PROTECTED = re.compile(
    r"\{[a-z:-]+\}`[^`]*`"  # an existing role, e.g. {term}`AI` or {ref}`...`
    r"|`[^`]*`"  # inline code
    r"|!?\[[^\]]*\]\([^)]*\)"  # a Markdown link or image
    r"|<[^>]+>"  # inline HTML or an autolink
    r"|\$[^$]+\$"  # inline maths
)

#: Lines that are never running text: headings, directive fences and options, targets, comments, front matter.
NOT_PROSE = re.compile(r"^\s*(#|:::|:[\w-]+:|\(.*\)=\s*$|%|<!--|---\s*$|\+\+\+)")

#: A fenced block's opening or closing line: the backticks or tildes, a directive name, anything after.
FENCE = re.compile(r"^(`{3,}|~{3,})(?:\{([\w:-]+)\})?(.*)$")

#: Directives whose content is code or markup, never prose.
CODE_DIRECTIVES = {"code-block", "code", "literalinclude", "mermaid", "raw", "math", "csv-table", "toctree", "glossary"}

#: Words that are glossary terms but appear on a page only in their everyday sense, so a link would mislead:
#: ``(page, term as written)``. The build test (tests/test_glossary_links.py) honours the same list.
EVERYDAY_SENSES = {
    ("introduction/ai-in-policing", "precision"),  # "False precision": a sharp cut-off, not the metric
    ("principles/tensions", "recall"),  # "nobody can recall": remember
}

#: Names of the toolkit and its resources: a name is not a use of the glossary terms inside it
#: (the "AI" in "AI Toolkit"). Matched case-sensitively, across line breaks. The build test uses it too.
PROPER_NAMES = (
    "Toolkit for Responsible AI Innovation in Law Enforcement",
    "Introduction to Responsible AI Innovation",
    "Principles for Responsible AI Innovation",
    "Responsible AI Innovation in Action Workbook",
    "AI Toolkit",
)
NAME_PATTERN = re.compile(
    "|".join(r"\s+".join(map(re.escape, name.split())) for name in sorted(PROPER_NAMES, key=len, reverse=True))
)

TERM_ROLE = re.compile(r"\{term\}`([^`]*)`")


@dataclass(frozen=True)
class Use:
    """The first unlinked use of one glossary entry on a page."""

    line: int  # 0-based line of the source where the use starts
    start: int  # offsets in the whole source
    end: int
    text: str
    term: str


def glossary_entries(source: str) -> list[list[str]]:
    """The term lines of each entry of the ``{glossary}`` directive (synonyms grouped with the main term)."""
    body = source.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    entries: list[list[str]] = []
    current: list[str] = []
    for line in body.splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if line[0].isspace():
            if current:
                entries.append(current)
                current = []
        else:
            current.append(line.strip())
    return entries


def linked_targets(source: str) -> set[str]:
    """Lower-cased targets of the {term} roles already in a page."""
    targets = set()
    for role in TERM_ROLE.findall(source):
        match = re.search(r"<([^>]*)>\s*$", role)
        targets.add(" ".join((match.group(1) if match else role).lower().split()))
    return targets


def prose_lines(source: str) -> list[tuple[int, str]]:
    """``(index, line)`` for lines that may hold running text (not code, headings, options or table headers)."""
    lines = source.splitlines()
    out = []
    fences: list[tuple[str, bool]] = []  # open ``` fences: (the fence, whether its content is code)
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    for index, line in enumerate(lines):
        stripped = line.strip()
        if in_front_matter:
            if index > 0 and stripped == "---":
                in_front_matter = False
            continue
        fence = FENCE.match(stripped)
        if fence:
            marks, name = fence.group(1), fence.group(2)
            if fences and not name and not fence.group(3) and marks.startswith(fences[-1][0]):
                fences.pop()
            else:
                fences.append((marks, name is None or name in CODE_DIRECTIVES))
            continue
        if any(is_code for _marks, is_code in fences) or NOT_PROSE.match(line):
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if stripped.startswith("|") and re.fullmatch(r"\|?[\s:|-]+\|?", following or "x"):
            continue  # a table's header row
        if re.fullmatch(r"\|?[\s:|-]+\|?", stripped):
            continue  # a table's delimiter row
        out.append((index, line))
    return out


def term_regex(entries: list[list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """Match any term form as a whole word with an -s/-es plural; map each form to its main term."""
    canonical: dict[str, str] = {}
    for entry in entries:
        for term in entry:
            canonical[QUALIFIER.sub("", term).lower()] = term
    # A term may be wrapped onto the next source line, so any run of white space matches its spaces.
    forms = sorted(canonical, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(word) for word in form.split()) for form in forms)
    return re.compile(rf"(?<![\w-])({alternation})(?:e?s)?(?![\w-])", re.IGNORECASE), canonical


def first_unlinked_uses(source: str, entries: list[list[str]], ignore: frozenset[str] = frozenset()) -> list[Use]:
    """The first running-text use of every entry the page does not link anywhere (``ignore``: lower-case words)."""
    pattern, canonical = term_regex(entries)
    entry_of = {term.lower(): tuple(entry) for entry in entries for term in entry}
    linked_entries = {entry_of[t] for t in linked_targets(source) if t in entry_of}
    prose = {index for index, _line in prose_lines(source)}
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    protected = [m.span() for m in PROTECTED.finditer(source)] + [m.span() for m in NAME_PATTERN.finditer(source)]
    found: dict[tuple[str, ...], Use] = {}
    for match in pattern.finditer(source):
        first_line = bisect.bisect_right(line_starts, match.start()) - 1
        last_line = bisect.bisect_right(line_starts, match.end() - 1) - 1
        if not {first_line, last_line} <= prose:
            continue
        if any(start < match.end() and match.start() < end for start, end in protected):
            continue
        written = " ".join(match.group(1).lower().split())
        if written in ignore:
            continue
        term = canonical[written]
        entry = entry_of[term.lower()]
        if entry in linked_entries or entry in found:
            continue
        found[entry] = Use(first_line, match.start(), match.end(), match.group(0), term)
    return sorted(found.values(), key=lambda use: use.start)


def role_for(use: Use) -> str:
    """The {term} role for a use, with an explicit target when the text differs from the term."""
    if " ".join(use.text.lower().split()) == use.term.lower():
        return f"{{term}}`{use.text}`"
    return f"{{term}}`{use.text} <{use.term}>`"


def link_uses(source: str, uses: list[Use]) -> str:
    """Source with each use wrapped in a {term} role (right to left, so offsets stay valid)."""
    for use in sorted(uses, key=lambda u: u.start, reverse=True):
        source = source[: use.start] + role_for(use) + source[use.end :]
    return source


def main(argv: list[str] | None = None) -> int:
    """List or link unlinked first uses of glossary terms in every page but the glossary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="pages to process (default: every content page)")
    parser.add_argument("--write", action="store_true", help="insert the roles instead of listing the uses")
    args = parser.parse_args(argv)
    entries = glossary_entries(GLOSSARY.read_text(encoding="utf-8"))
    pages = [p.resolve() for p in args.pages] or sorted(
        p for p in CONTENT.rglob("*.md") if "questionnaires" not in p.parts
    )
    count = 0
    for page in pages:
        if page.resolve() == GLOSSARY:
            continue
        source = page.read_text(encoding="utf-8")
        docname = page.relative_to(CONTENT).with_suffix("").as_posix()
        ignore = frozenset(word for name, word in EVERYDAY_SENSES if name == docname)
        uses = first_unlinked_uses(source, entries, ignore)
        count += len(uses)
        for use in uses:
            print(f"{page.relative_to(ROOT)}:{use.line + 1}: {use.text!r} -> {role_for(use)}")
        if args.write and uses:
            page.write_text(link_uses(source, uses), encoding="utf-8")
    verb = "linked" if args.write else "unlinked"
    print(f"{count} first uses {verb}", file=sys.stderr)
    return 1 if count and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
