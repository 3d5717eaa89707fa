"""The one error an importer raises for input it cannot take."""

from __future__ import annotations


class DocketImportError(ValueError):
    """A file or response that cannot be imported; the message is one sentence for the user."""
