"""The engine's own error: a definition the pure layer refuses, with the field path it is about."""


class SpecError(Exception):
    """A definition a scoring method cannot use; the build turns it into a located error.

    ``path`` is a tuple of keys and indexes into the definition, as written in the YAML file.
    """

    def __init__(self, path: tuple, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def check_level(spec: dict, level: object, path: tuple) -> None:
    """Raise a SpecError at ``path`` unless ``level`` is one of the spec's level ids."""
    known = [lv["id"] for lv in spec.get("levels", [])]
    if level not in known:
        raise SpecError(path, "unknown level '" + str(level) + "' (levels: " + ", ".join(known) + ")")
