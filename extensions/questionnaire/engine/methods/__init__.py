"""The scoring methods, one module each, registered here and nowhere else.

A method module provides:

- ``NAME``: the id a definition's ``method`` names;
- ``PARAMS``: the JSON Schema of its ``params`` (the build validates it, so a misspelt key fails);
- ``validate(spec)``: raise ``SpecError(path, message)`` for what the schema cannot say;
- ``normalize(spec)``: the params with their defaults filled in (a new dict);
- ``levels(spec)``: the level ids its rules can produce;
- ``score(spec, items, context)``: the result (see ``items.empty_result``);
- ``READS`` (optional): ``"fields"`` to be given one item per expected field (``items.read_fields``)
  instead of one per scored question;
- ``how(spec, strings)``: "how this is scored" as blocks (see ``text.paragraph`` and ``text.table``),
  drawn by the page and by every report;
- ``explain(spec, result, strings)``: the method's lines of "why this result": what this result
  found, never the rule again ("how" states it once);
- ``settled(spec, result)`` (optional): whether answering the questions left cannot change the
  overall level (a "yes" for any-yes, the top level for matrix-max); the page then says so
  instead of "not complete yet".
"""

from . import any_yes, banded_mean, matrix_max, progress

METHODS = {}
for _module in (any_yes, matrix_max, banded_mean, progress):
    METHODS[_module.NAME] = _module


def get(name: object):  # returns a method module (MicroPython has no `types` to name it)
    """The method module called ``name``; ValueError when there is none."""
    if not isinstance(name, str) or name not in METHODS:
        raise ValueError("unknown scoring method: " + repr(name))
    return METHODS[name]


def names() -> list:
    """Every method's name, sorted."""
    return sorted(METHODS)
