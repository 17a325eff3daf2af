"""Bytes of a CSV file -> its header and records, each with the line it starts on.

Spreadsheets save CSV with ``,`` or ``;`` (Excel uses ``;`` where the decimal
mark is a comma, as in Indonesia), in UTF-8 with or without a byte order mark,
and quote cells that hold line breaks, so one record may span several lines.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from smplan.i18n import Lang, t

#: The separators a spreadsheet or scheduler writes, most likely first.
DELIMITERS = (",", ";", "\t")
#: A caption of a long article fits; a runaway quote does not swallow the file silently.
MAX_CELL = 1_000_000


class CsvUnreadable(Exception):
    """The file is not a CSV text smplan can read; ``message`` says why in plain words."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Record:
    #: The line of the file the record starts on (1 is the first line).
    line: int
    cells: list[str]


@dataclass(frozen=True, slots=True)
class CsvTable:
    delimiter: str
    header: list[str]
    header_line: int
    records: list[Record]


def decode(data: bytes, lang: Lang | None) -> str:
    """The text of ``data``; raises :class:`CsvUnreadable` for a binary or non-UTF-8 file."""
    if b"\x00" in data or data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise CsvUnreadable(t("csv.error.binary", lang))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CsvUnreadable(t("csv.error.not-utf8", lang, line=line), line) from None


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the one of ``,``, ``;`` or tab it uses most outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(data: bytes, lang: Lang | None) -> CsvTable:
    """Header and records of a CSV file; raises :class:`CsvUnreadable`."""
    text = decode(data, lang)
    delimiter = sniff_delimiter(text)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header: list[str] | None = None
        header_line = 0
        records: list[Record] = []
        previous = 0
        try:
            for cells in reader:
                start = previous + 1
                previous = reader.line_num
                if not cells or all(not cell.strip() for cell in cells):
                    continue
                if header is None:
                    header, header_line = cells, start
                else:
                    records.append(Record(start, cells))
        except csv.Error:
            # Python's reason is English only; in strict mode it is always a stray quote.
            line = previous + 1
            raise CsvUnreadable(t("csv.error.quote", lang, line=line), line) from None
    finally:
        csv.field_size_limit(limit)
    if header is None:
        raise CsvUnreadable(t("csv.error.empty", lang))
    return CsvTable(delimiter, header, header_line, records)
