"""What the admin tests read off a rejected form."""

from __future__ import annotations


def errors_of(response) -> str:
    """The error text the admin shows (error notes and error lists)."""
    text = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert "errornote" in text or "errorlist" in text, "the form was accepted"
    return text
