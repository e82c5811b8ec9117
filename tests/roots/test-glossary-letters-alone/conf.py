"""A letter bar with no glossary after it."""

extensions = ["myst_parser", "glossary_letters"]
exclude_patterns = ["_build"]
