"""The one error of the seed loader: every problem of a docket file, each with its path."""

from __future__ import annotations


class SeedError(Exception):
    """The file cannot be loaded; ``errors`` lists every problem with its path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors
