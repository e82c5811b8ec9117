"""Find US spellings in the site's sources: the edition uses Oxford spelling (-ize, British forms otherwise).

Oxford spelling is the spelling the toolkit itself uses: "organization", "recognize", "prioritize" with a z,
but "behaviour", "centre", "analyse", "defence", "offence", "neighbourhood", "programme" (a plan or scheme)
and "licence" (the noun) in their British forms. "Program" stays for a computer program, "license" for the
verb, and "judgement" is the one spelling of that word on this site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Source files whose text readers see: pages, questionnaire data and the diagrams' labels.
SOURCE_SUFFIXES = (".md", ".yaml", ".svg")

#: (US pattern, what to write instead). Each pattern is matched as a whole word, ignoring case.
US_FORMS: tuple[tuple[str, str], ...] = (
    (r"colors?|colored|coloring|colorful|colorless", "colour"),
    (r"behaviors?|behavioral|behaviorally", "behaviour"),
    (r"\w*centers?|\w*centered|centering", "centre"),
    (r"\w*(?:analy|paraly|cataly)z(?:e|es|ed|ing|er|ers)", "-yse (analyse)"),
    (r"defenses?", "defence"),
    (r"offenses?", "offence"),
    (r"neighbors?|neighborhoods?|neighboring|neighborly", "neighbour, neighbourhood"),
    (r"favors?|favored|favoring|favorable|favorably|favorites?", "favour"),
    (r"honors?|honored|honoring|honorable", "honour"),
    (r"labors?|labored|laboring", "labour"),
    (r"labeled|labeling|labeler", "labelled, labelling"),
    (r"modeled|modeling|modeler", "modelled, modelling"),
    (r"traveled|traveling|travelers?", "travelled, travelling"),
    (r"canceled|canceling", "cancelled, cancelling"),
    (r"catalogs?|cataloged|cataloging", "catalogue"),
    (r"grays?", "grey"),
    (r"artifacts?", "artefact"),
    (r"skeptic\w*", "sceptic"),
    (r"fulfills?|fulfillment", "fulfil, fulfilment"),
    (r"enrolls?|enrollment", "enrol, enrolment"),
    (r"kilometers?|centimeters?|millimeters?", "-metre"),
    (r"practiced|practicing", "practised, practising (the verb)"),
    (r"judgments?", "judgement"),
    (r"toward", "towards"),
    # "program" is right for a computer program only; write "computer program" to say so.
    (r"(?<!computer )programs?", "programme (or 'computer program')"),
    # "license" is the verb ("to license"); the noun is "licence".
    (r"(?<!to )licenses?", "licence (the noun)"),
)

#: Words that end in -ise in Oxford spelling too (the -ize rule must leave them alone); "crise" covers
#: "crises", "smartnoise" the SmartNoise library.
ALWAYS_ISE = frozenset(
    [
        "advertise",
        "advise",
        "apprise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "concise",
        "crise",
        "cruise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "likewise",
        "merchandise",
        "noise",
        "otherwise",
        "paradise",
        "poise",
        "praise",
        "appraise",
        "precise",
        "premise",
        "promise",
        "raise",
        "reprise",
        "revise",
        "rise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
        "wise",
        "clockwise",
        "practise",
        "smartnoise",
    ]
)
#: Prefixes that leave an -ise word in ALWAYS_ISE ("unsupervised", "denoising", "uprising").
PREFIXES = ("", "un", "re", "de", "up", "pre", "over", "mis", "dis", "counter")

#: An -ise, -ised, -ising, -isation... word: Oxford writes these -ize unless they are in ALWAYS_ISE.
ISE_WORD = re.compile(r"\b([A-Za-z]+?)is(e|es|ed|ing|er|ers|ation|ations|ational|ationally)\b")

#: Inline code, Markdown link targets and URLs are not prose.
NOT_TEXT = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+|\b[\w.-]+\.(?:md|html|py|yaml|svg|css|js)\b")

US_PATTERN = re.compile(
    "|".join(rf"(?P<p{i}>(?<!\w)(?:{pattern})(?!\w))" for i, (pattern, _) in enumerate(US_FORMS)),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Misspelling:
    """One US form found in a source file."""

    path: str
    line: int  # 1-based
    word: str
    advice: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: '{self.word}' → use {self.advice}"


def _ise_ok(stem: str) -> bool:
    base = (stem + "ise").lower()
    return any(base == prefix + word for prefix in PREFIXES for word in ALWAYS_ISE)


def misspellings_in_text(text: str, path: str = "<text>") -> Iterator[Misspelling]:
    """Every US spelling in ``text``, with its 1-based line number."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = NOT_TEXT.sub(" ", raw)
        for match in US_PATTERN.finditer(line):
            index = int(next(name for name, value in match.groupdict().items() if value)[1:])
            yield Misspelling(path, number, match.group(0), US_FORMS[index][1])
        for match in ISE_WORD.finditer(line):
            if not _ise_ok(match.group(1)):
                suffix = match.group(2)
                yield Misspelling(path, number, match.group(0), f"{match.group(1)}iz{suffix} (Oxford -ize)")


def source_files(root: Path) -> list[Path]:
    """The files under ``root`` whose text readers see."""
    return sorted(p for p in root.rglob("*") if p.suffix in SOURCE_SUFFIXES and "_build" not in p.parts)


def misspellings(files: Iterable[Path], root: Path) -> list[Misspelling]:
    """Every US spelling in ``files``, named relative to ``root``."""
    found: list[Misspelling] = []
    for path in files:
        found += misspellings_in_text(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
    return found
