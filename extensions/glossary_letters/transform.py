"""Turn the glossary after a ``glossary-letters`` placeholder into one section per initial letter.

The sections are made while the document is read, so Sphinx collects them into the page's table
of contents ("On this page") like any heading, and the bar links to each of them.
"""

from __future__ import annotations

import unicodedata

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .nodes import glossary_letters

logger = logging.getLogger(__name__)

#: Section ids are this prefix and the letter in lower case: ``glossary-letter-a``.
ID_PREFIX = "glossary-letter-"

#: Where terms that do not start with a letter (digits, symbols) are gathered.
OTHER = "#"


def initial(entry: nodes.definition_list_item) -> str:
    """The letter an entry is filed under: its first term's first character, accents removed."""
    term = next(iter(entry.findall(nodes.term)), None)
    text = term.astext().strip() if term is not None else ""
    first = unicodedata.normalize("NFKD", text[:1])[:1].upper()
    return first if first.isalpha() and first.isascii() else OTHER


def group_by_initial(glossary: addnodes.glossary) -> list[tuple[str, list[nodes.definition_list_item]]]:
    """The glossary's entries grouped by initial, letters in alphabetical order, entries in their order."""
    groups: dict[str, list[nodes.definition_list_item]] = {}
    for entry in glossary.findall(nodes.definition_list_item):
        groups.setdefault(initial(entry), []).append(entry)
    return sorted(groups.items(), key=lambda group: (group[0] != OTHER, group[0]))


def letter_id(letter: str) -> str:
    """The section id for one letter."""
    return ID_PREFIX + ("other" if letter == OTHER else letter.lower())


class SplitGlossaryByLetter(SphinxTransform):
    """Replace each bar's glossary with letter sections, and fill the bar with links to them."""

    # After the directives have run, before Sphinx collects the table of contents.
    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        """Split every glossary that follows a bar; report a bar that has no glossary to split."""
        for bar in list(self.document.findall(glossary_letters)):
            glossary = self._glossary_after(bar)
            if glossary is None:
                bar.parent.remove(bar)
                continue
            groups = group_by_initial(glossary)
            parent = glossary.parent
            at = parent.index(glossary)
            parent.remove(glossary)
            for offset, (letter, entries) in enumerate(groups):
                parent.insert(at + offset, self._section(glossary, letter, entries))
            bar += self._links([letter for letter, _ in groups])

    def _glossary_after(self, bar: glossary_letters) -> addnodes.glossary | None:
        """The glossary that follows the bar in its section, if nothing but sections comes after it."""
        siblings = bar.parent.children[bar.parent.index(bar) + 1 :]
        glossary = next((node for node in siblings if isinstance(node, addnodes.glossary)), None)
        if glossary is None:
            logger.warning(
                "glossary-letters must be followed by a glossary in the same section",
                location=bar,
                type="glossary_letters",
                subtype="no_glossary",
            )
            return None
        after = siblings[siblings.index(glossary) + 1 :]
        if any(not isinstance(node, nodes.section) for node in after):
            logger.warning(
                "the glossary after glossary-letters must end its section (letter sections cannot be "
                "followed by text); move the text above the glossary",
                location=glossary,
                type="glossary_letters",
                subtype="not_last",
            )
            return None
        return glossary

    def _section(
        self, glossary: addnodes.glossary, letter: str, entries: list[nodes.definition_list_item]
    ) -> nodes.section:
        """One letter's section: a heading and a glossary of that letter's entries."""
        ident = letter_id(letter)
        section = nodes.section("", nodes.title(letter, letter), ids=[ident])
        section.source, section.line = glossary.source, glossary.line
        part = addnodes.glossary()
        part.update_all_atts(glossary)
        part.source, part.line = glossary.source, glossary.line
        old_list = next(iter(glossary.findall(nodes.definition_list)))
        new_list = nodes.definition_list(classes=old_list["classes"])
        for entry in entries:
            entry.parent.remove(entry)
            new_list += entry
        part += new_list
        section += part
        self.document.ids[ident] = section
        return section

    def _links(self, letters: list[str]) -> nodes.bullet_list:
        """The bar's list: one link per letter that has entries."""
        items = nodes.bullet_list(classes=["glossary-letters-list"])
        for letter in letters:
            link = nodes.reference(letter, letter, refid=letter_id(letter), internal=True)
            items += nodes.list_item("", nodes.paragraph("", "", link))
        return items
