"""Make any text safe to place in Markdown: it renders as the same literal text.

Every piece of text the export writes, the plan's and the catalogue's alike,
goes through one of these functions; only the export's own structure (headings,
tables, lists, links it built) is written as Markdown. The rules, and what the
wikis do on top of Markdown that escaping cannot stop, are in docs/export.md.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, urlsplit

#: Characters with a meaning anywhere in a line, in CommonMark or one of the
#: flavors: emphasis, code, links, raw HTML and entities, table cells,
#: strikethrough, math ($), Obsidian highlights (==) and tags (#), GitLab's
#: inline diffs ({+ +}), footnotes (^).
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~$#={}^]")
#: What only means something at the start of a line, escaped only there: a
#: bullet ("- ", "+ "), a thematic break or setext underline ("---"), an Azure
#: container (":::").
_LINE_START = re.compile(r"[-+](?=[ \t]|$)|-(?=-)|:(?=:)")
#: A colon between a word and more text reads as a URL scheme (``http:``,
#: ``xmpp:``) to the wikis that turn bare addresses into links.
_SCHEME_COLON = re.compile(r"(?<=[A-Za-z0-9+.-]):(?=\S)")
#: Obsidian's comments are ``%% ... %%``; a single percent sign is harmless.
_DOUBLE_PERCENT = re.compile(r"%(?=%)|(?<=%)%")
#: "1. " or "1)" at the start of a line would begin an ordered list ("12.400" would not).
_ORDERED = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
_SPACES = re.compile(r"[ \t\n]+")


#: Unicode's line and paragraph separators: line breaks to a reader (and to
#: browsers), plain characters to CommonMark, which would keep them inside a
#: line where they show as a stray break or space.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def clean(text: str) -> str:
    """``text`` with line endings made ``\\n`` and other control characters made spaces.

    CommonMark turns NUL into U+FFFD and reads a lone ``\\r`` as a line break;
    the export never passes either on. U+2028 and U+2029 become ``\\n`` too.
    """
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SEPARATORS)
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else " " for ch in text)


def one_line(text: str) -> str:
    """``text`` on one line: each run of spaces, tabs and newlines becomes one space.

    Any Unicode space at either end goes (a trailing U+3000 or no-break space
    before the export's own ":" would show as a gap the text does not have);
    inside the text such spaces stay as the user typed them.
    """
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return _SPACES.sub(" ", clean(text)).strip()


def _escape_chars(text: str) -> str:
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(r"\\\g<0>", text)
    if ":" in text:
        text = _SCHEME_COLON.sub(r"\\:", text)
    if "%%" in text:
        text = _DOUBLE_PERCENT.sub(r"\\%", text)
    return text


def _line_start(escaped: str) -> str:
    if not escaped:
        return escaped
    if escaped[0] in "-+:" and _LINE_START.match(escaped):
        return "\\" + escaped
    if escaped[0].isdigit():
        match = _ORDERED.match(escaped)
        if match:
            return f"{match.group(1)}\\{match.group(2)}{escaped[match.end() :]}"
    return escaped


@lru_cache(maxsize=16384)
def inline(text: str) -> str:
    """Text for a table cell, a heading or after a label: one line, every marker escaped.

    Newlines become spaces (a table row cannot hold a line break, and raw
    ``<br>`` would be HTML); the first character is escaped as if it began a
    line, so the same text is safe wherever a block could start.
    """
    return _line_start(_escape_chars(one_line(text)))


def block(text: str, indent: str = "") -> str:
    """Text that may span lines (an answer, a note): one Markdown paragraph.

    Each line keeps its break (a backslash hard break, which is Markdown, not
    HTML); blank lines and leading or trailing spaces are dropped so the text
    stays one paragraph; every line is escaped as a line start. ``indent``
    goes before each line after the first (inside a list item).
    """
    lines = (one_line(line) for line in clean(text).split("\n"))
    # A line of only Unicode spaces (U+2028, U+3000...) reads as blank to Markdown:
    # the hard break before it would show as a stray backslash.
    kept = [_line_start(_escape_chars(line)) for line in lines if line.strip()]
    return ("\\\n" + indent).join(kept)


def cell(text: str) -> str:
    """Text for a table cell: :func:`inline` (which escapes ``|`` too)."""
    return inline(text)


#: Schemes a link or image may point at; anything else is shown as text.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: What may stay as it is in a link destination; the rest is percent-encoded.
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def safe_url(url: str, *, allow_relative: bool = True) -> str | None:
    """``url`` ready for a Markdown link destination, or None when it must not be a link.

    Allowed: http, https and mailto, and (with ``allow_relative``) a relative
    path such as ``personas/rina.jpg``. Refused: every other scheme
    (``javascript:``, ``data:``, ``file:``), ``//host`` addresses, Windows drive
    paths and absolute paths. Spaces, parentheses, angle brackets and
    backslashes are percent-encoded; ``&`` is backslash-escaped so no entity
    is decoded.
    """
    value = url.strip()
    if not value or any(unicodedata.category(ch) == "Cc" for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme:
        if parts.scheme.lower() not in SAFE_SCHEMES:
            return None
        if parts.scheme.lower() != "mailto" and not parts.netloc:
            return None
    else:
        if not allow_relative or value.startswith(("/", "\\")) or parts.netloc:
            return None
        if ":" in value.split("/", 1)[0]:
            return None
    encoded = quote(value, safe=_URL_SAFE)
    return encoded.replace("&", "\\&")


__all__ = [
    "SAFE_SCHEMES",
    "block",
    "cell",
    "clean",
    "inline",
    "one_line",
    "safe_url",
]
