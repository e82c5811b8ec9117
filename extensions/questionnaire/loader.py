"""Read YAML while remembering where every value came from (line and column)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DefinitionError

Path_ = tuple[str | int, ...]


class Located:
    """Parsed YAML data plus a map from each field path to its 1-based (line, column)."""

    def __init__(self, data: Any, marks: dict[Path_, tuple[int, int]], filename: str) -> None:
        self.data = data
        self.marks = marks
        self.filename = filename

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def error(self, path: Path_, message: str, at: Path_ | None = None) -> DefinitionError:
        """A located error about ``path``, positioned at ``at`` (default: ``path`` itself)."""
        line, column = self.where(path if at is None else at)
        return DefinitionError(self.filename, line, column, path, message)


def _walk(node: yaml.Node, path: Path_, marks: dict[Path_, tuple[int, int]], filename: str) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise DefinitionError(
                    filename,
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    path,
                    f"duplicate key '{key}'",
                )
            seen.add(key)
            _walk(value_node, (*path, key), marks, filename)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), marks, filename)


def load_located(path: Path, display_name: str) -> Located:
    """Parse one YAML file; syntax errors become located :class:`DefinitionError`."""
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DefinitionError(display_name, 1, 1, (), "the file is empty")
        marks: dict[Path_, tuple[int, int]] = {}
        _walk(node, (), marks, display_name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise DefinitionError(display_name, line, column, (), f"invalid YAML: {exc.problem}") from exc
    finally:
        loader.dispose()
    return Located(data, marks, display_name)
