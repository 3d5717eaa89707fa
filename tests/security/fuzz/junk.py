"""Junk: the values no browser sends, and the Hypothesis strategies that mix them in."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_from_bytes

from django.test.client import BOUNDARY, encode_multipart
from hypothesis import strategies as st

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "%",
    "%zz",
    "&",
    "=",
    "+",
    "-1",
    "0",
    "-0",
    "1",
    "01",
    "1.5",
    "1e3",
    "1e309",
    "NaN",
    "inf",
    "-Infinity",
    "99999999",
    "-99999999",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 40,
    "9" * 4301,  # past the digits int() reads
    "²",  # a digit to str.isdigit(), not to int()
    "١٢٣",
    "𝟗",
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2024-01-01",
    "2024-1-1",
    "02/30/2024",
    "2024-02-30T25:61",
    "24:00",
    "23:59:60",
    "true",
    "false",
    "on",
    "None",
    "null",
    "[]",
    "{}",
    "' OR '1'='1",
    '"; DROP TABLE cases_case; --',
    "<script>alert(1)</script>",
    "{{ 7|add:7 }}",
    "../../../etc/passwd",
    "America",  # a folder of the time zone database, not a zone
    "Etc",
    "\r\n",
    "\t",
    "\u200b",
    "\ufeff",
    "\ufffd",
    "é" * 100,
    "🙂" * 50,
    "a" * 201,
    "x" * 5000,
    "IL",
    "zz",
    "https://evil.example/",
    "//evil.example",
    "javascript:alert(1)",
]

bad_dates = st.builds(
    "{:04d}-{:02d}-{:02d}".format, st.integers(0, 10_000), st.integers(0, 13), st.integers(0, 32)
)
repeated = st.builds(
    lambda piece, n: piece * n,
    st.sampled_from(["x", "9", "é", "\x00", "🙂", "%", "-"]),
    st.integers(0, 3000),
)
junk = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=20),
    st.integers(-(2**70), 2**70).map(str),
    bad_dates,
    repeated,
)
RAW_PIECES = [
    b"%ff%fe",
    b"%c3%28",
    b"%ed%a0%80",
    b"%f4%90%80%80",
    b"%",
    b"%zz",
    b"\xff\xfe",
    b"\x00",
    b"&&&",
    b"==",
    b";",
]


def percent(raw: bytes) -> bytes:
    return quote_from_bytes(raw, safe="").encode("ascii")


def encode_pair(key: str, value: str, how: str) -> bytes:
    """key=value percent-encoded as UTF-8, as raw bytes, or as Latin-1 (invalid UTF-8)."""
    if how == "raw":
        return key.encode() + b"=" + value.encode()
    if how == "latin1":
        latin = [percent(text.encode("latin-1", "replace")) for text in (key, value)]
        return latin[0] + b"=" + latin[1]
    if how == "bare":  # a key without "="
        return percent(key.encode())
    return percent(key.encode()) + b"=" + percent(value.encode())


ENCODINGS = ["utf8", "utf8", "utf8", "raw", "latin1", "bare"]
# Sent to every field and parameter at once, before the random examples: the values most
# likely to break something, each in every place.
SHARP = [
    "",
    "\x00",
    "²",
    "-1",
    "9" * 4301,
    "9223372036854775808",
    "2024-02-30",
    "America",
    "-" * 40 + "a",
    "x" * 5000,
    "<b>é🙂</b>",
]


def sweep(names: list[str]) -> list[bytes]:
    """One query string or body per sharp value, giving it to every name; then raw and
    Latin-1 bytes (invalid UTF-8) in every name."""
    sent = [b"&".join(encode_pair(n, value, "utf8") for n in names) for value in SHARP]
    sent.append(b"&".join(percent(n.encode()) + b"=\xff\xfe\x00" for n in names))
    sent.append(b"&".join(encode_pair(n, "é\x00ü", "latin1") for n in names))
    return sent


@st.composite
def encoded(draw: st.DrawFn, pairs: list[tuple[str, str]]) -> bytes:
    """The pairs as a query string or form body, with undecodable pieces mixed in, and now and
    then more repeated keys than DATA_UPLOAD_MAX_NUMBER_FIELDS allows."""
    parts = [encode_pair(k, v, draw(st.sampled_from(ENCODINGS))) for k, v in pairs]
    for _ in range(draw(st.integers(0, 2))):
        piece = draw(st.one_of(st.sampled_from(RAW_PIECES), st.binary(max_size=8)))
        parts.insert(draw(st.integers(0, len(parts))), piece)
    if draw(st.integers(0, 40)) == 0:
        parts.append(b"&".join([b"page=1"] * draw(st.sampled_from([999, 1001, 1500]))))
    return b"&".join(parts)


def values_for(valid: list[str]) -> st.SearchStrategy[str]:
    """Junk, mixed with valid values so that the other filters or fields still apply."""
    return st.one_of(junk, junk, st.sampled_from(valid or [""]))


@st.composite
def queries(draw: st.DrawFn, names: list[str], valid: list[str]) -> bytes:
    """A query string of the page's own keys (some repeated) and junk keys."""
    keys = st.one_of(st.sampled_from(names), st.sampled_from(names), st.text(max_size=8))
    pairs = draw(st.lists(st.tuples(keys, values_for(valid)), max_size=8))
    return draw(encoded(pairs))


@st.composite
def bodies(
    draw: st.DrawFn, base: dict[str, Any], extra: list[str], valid: list[str]
) -> tuple[bytes, str]:
    """A form body: the form as a browser would send it, with a few fields replaced by junk,
    emptied, dropped or repeated, and an encoding and content type to send it with."""
    fields = {
        name: list(value) if isinstance(value, list) else [value] for name, value in base.items()
    }
    names = sorted(fields) + extra
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.one_of(st.sampled_from(names), st.text(max_size=8)))
        how = draw(st.sampled_from(["junk", "junk", "empty", "drop", "more"]))
        if how == "drop":
            fields.pop(name, None)
        elif how == "empty":
            fields[name] = [""]
        elif how == "more":
            fields.setdefault(name, []).extend(draw(st.lists(values_for(valid), max_size=3)))
        else:
            fields[name] = [draw(values_for(valid))]
    pairs = [(name, value) for name, values in fields.items() for value in values]
    kind = draw(st.integers(0, 19))
    if kind == 0:  # multipart, as Django's client encodes it (no invalid UTF-8 there)
        body = encode_multipart(BOUNDARY, {name: values for name, values in fields.items()})
        return body, f"multipart/form-data; boundary={BOUNDARY}"
    content_type = "application/x-www-form-urlencoded"
    if kind == 1:
        content_type = draw(
            st.sampled_from(
                [
                    "multipart/form-data",  # no boundary
                    "multipart/form-data; boundary=nothere",
                    "text/plain",
                    "application/json",
                    "application/x-www-form-urlencoded; charset=utf-16",
                    "application/x-www-form-urlencoded; charset=no-such-charset",
                    "",
                ]
            )
        )
    return draw(encoded(pairs)), content_type
