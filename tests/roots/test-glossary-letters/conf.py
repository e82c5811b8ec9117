"""A glossary split by letter, with terms that start with an accent and a digit."""

extensions = ["myst_parser", "glossary_letters"]
exclude_patterns = ["_build"]
