"""The questionnaire engine: pure Python that runs unchanged in CPython and in the browser's MicroPython.

Nothing here imports Sphinx, PyScript or ``typing``; the browser receives these files as they
are (see ``questionnaire/assets.py``) and pytest imports them as ``questionnaire.engine``.

- ``spec``: lookups in a normalized definition and the naming of form controls.
- ``rational``: exact arithmetic for scores.
- ``items``: answers read into scored items, and the result every method fills in.
- ``methods``: one module per scoring method, registered in ``methods/__init__.py``.
- ``scoring``: ``score(spec, answers, context)``, the one entry point (``context`` gives today's date).
- ``dates``: ISO dates and the overdue rows of tables.
- ``answers``: the saved-answers file (build, check, migrate).
- ``report``: "why this result", "how this is scored", Markdown and CSV.
- ``tree``: a tiny element tree (tag, attribute pairs, children) that the build and the
  browser both turn into real nodes; ``charts`` draws results into it (heat map, radar) with
  a table and a summary beside each picture; ``compare`` sets two results side by side.
- ``form``, ``bind``, ``store``: the browser glue's logic (read and write controls and table
  rows, show a result, keep named records in storage), free of the DOM so it is tested in CPython.
"""
