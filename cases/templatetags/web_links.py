"""``url|is_web_address``: whether a stored address may be linked (``tracker.html``)."""

from __future__ import annotations

from django import template

from tracker.html import is_web_address

register = template.Library()
register.filter("is_web_address", is_web_address)
