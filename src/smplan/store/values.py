"""Python values -> TOML 1.0 text, written for people to read.

tomlkit can render values too, but some versions write ESC as ``\\e`` (TOML 1.1
only) and it cannot be told to keep long text readable. Everything the store
writes goes through here, so what we write always re-reads with Python 3.11's
``tomllib``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
#: Characters TOML 1.0 forbids raw inside a basic string (tab is allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")
#: Longest inline array before it is written one element per line.
WRAP_AT = 88
_I64 = 2**63


def _escape_control(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        # A lone surrogate cannot be stored in UTF-8 nor escaped in TOML.
        return "\ufffd"
    return _SHORT_ESCAPES.get(char) or f"\\u{code:04x}"


def render_string(text: str) -> str:
    """A TOML string for ``text``; multi-line text becomes a ``\"\"\"`` block."""
    if "\n" in text.rstrip("\n") and len(text) > 1:
        return _render_multiline(text)
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _CONTROL.sub(lambda m: _escape_control(m.group()), body) + '"'


def _render_multiline(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            # Only quotes that could close the string or form a run need escaping.
            following = text[index + 1] if index + 1 < len(text) else ""
            out.append('\\"' if following in ('"', "") else '"')
        elif char == "\n":
            out.append("\n")
        elif char == "\r" and text[index + 1 : index + 2] == "\n":
            out.append("\\r")
        elif _CONTROL.fullmatch(char):
            out.append(_escape_control(char))
        else:
            out.append(char)
    # The newline right after the opening quotes is trimmed by TOML readers.
    return '"""\n' + "".join(out) + '"""'


#: What a one-line literal string ('...') can hold: no quote, no control but tab.
_LITERAL_OK = re.compile(r"[^'\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]*")
#: Characters a multi-line literal string cannot hold (tab and line feed are fine).
_CONTROL_IN_LITERAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def render_like(value: Any, old: str) -> str:
    """``value`` as TOML, in the quoting style of ``old`` (the text it replaces) when it can.

    A literal string stays literal (``'...'``, ``'''...'''``) as long as the new text
    can be written that way; everything else is written as :func:`render_value` does.
    """
    if isinstance(value, str):
        if old.startswith("'''"):
            literal = _multiline_literal(value, old)
            if literal is not None:
                return literal
        elif old.startswith("'") and _LITERAL_OK.fullmatch(value):
            return f"'{value}'"
    return render_value(value)


def _multiline_literal(text: str, old: str) -> str | None:
    if "'''" in text or text.endswith("'") or "\r" in text:
        return None
    if _CONTROL_IN_LITERAL.search(text):
        return None
    # TOML drops a line break right after the opening quotes: keep the old one, and
    # write one before text that itself starts with a line break.
    opening = old[3:4] in ("\n", "\r") or text.startswith("\n")
    return "'''" + ("\n" if opening else "") + text + "'''"


def render_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else render_string(key).replace("\n", "\\n")


def render_number(value: int | Decimal | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if -_I64 <= value < _I64:
            return str(value)
        return render_number(Decimal(value))
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if not value.is_finite():
        raise ValueError(f"cannot store {value} in a plan")
    if value == value.to_integral_value() and abs(value) < _I64:
        return str(int(value))
    text = format(value.normalize(), "f")
    if "." not in text:  # huge integral values must still be a valid TOML number
        text += ".0"
    return text


def render_value(value: Any, indent: str = "") -> str:
    if isinstance(value, str):
        return render_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return render_number(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        inner = ", ".join(f"{render_key(str(k))} = {render_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, Sequence):
        return _render_array(list(value), indent)
    raise TypeError(f"cannot write a {type(value).__name__} to TOML")


def _render_array(items: list[Any], indent: str) -> str:
    parts = [render_value(item, indent + "    ") for item in items]
    flat = "[" + ", ".join(parts) + "]"
    if len(flat) <= WRAP_AT and "\n" not in flat:
        return flat
    inner = "".join(f"{indent}    {part},\n" for part in parts)
    return "[\n" + inner + indent + "]"


def render_table_body(values: Mapping[str, Any]) -> str:
    """``key = value`` lines for a new table, skipping empty values."""
    return "".join(f"{render_key(key)} = {render_value(value)}\n" for key, value in values.items())
