"""A CSV file -> new calendar items, with a finding for every cell that is not right.

Nothing here writes: :func:`read_items` gives the items and the findings,
:func:`append_items` the plan's new text. The command (``smplan import``)
writes only when no row is bad, or with ``--skip-bad``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from smplan.findings import Finding, Level
from smplan.i18n import Lang, t
from smplan.interchange.csv_columns import (
    FIELDS,
    TEXT_FIELDS,
    column_letter,
    header_key,
    header_names,
    looks_like_formula,
    unguard_formula,
)
from smplan.interchange.csv_read import CsvTable, CsvUnreadable, read_table
from smplan.interchange.csv_values import (
    CellError,
    DateOrder,
    parse_count,
    parse_date,
    parse_decimal,
    parse_hashtags,
    parse_status,
    parse_time,
    slash_parts,
)
from smplan.model import CalendarItem
from smplan.model.types import KNOWN_NETWORKS

__all__ = ["CsvUnreadable", "ImportResult", "MappingError", "read_items"]


class MappingError(ValueError):
    """A ``--map`` that names no field smplan knows."""


@dataclass(slots=True)
class ImportResult:
    #: The new items with the CSV line each comes from, in file order.
    items: list[tuple[int, CalendarItem]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: CSV lines of rows with at least one error (left out of ``items``).
    bad_lines: list[int] = field(default_factory=list)
    #: Column index -> field, as the header (and ``--map``) gave them.
    columns: dict[int, str] = field(default_factory=dict)
    delimiter: str = ","
    date_order: DateOrder | None = None
    #: The first date cell that reads as day/month and as month/day alike, as
    #: (CSV line, cell text), when no order was given and none of the file's own
    #: dates tells: the rows with such dates are bad until an order is chosen.
    ambiguous_date: tuple[int, str] | None = None
    #: An error about the file as a whole (its columns, its dates): no row was read.
    fatal: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]


def describe_row(line: int, item: CalendarItem, lang: Lang | None) -> str:
    """``line 2: 2027-01-25 09:30 · instagram · New beans``: a new item as a dry run lists it."""
    day = str(item.date) if item.date else ""
    moment = " ".join(
        part for part in (day, item.time.strftime("%H:%M") if item.time else "") if part
    )
    parts = [
        moment or t("calendar.no-date", lang),
        item.network or "",
        item.title or item.caption or "",
    ]
    text = " · ".join(part.replace("\n", " ")[:50] for part in parts if part)
    return t("csv.cli.row", lang, line=line, item=text)


def parse_mapping(pairs: Iterable[str], lang: Lang | None) -> dict[str, str]:
    """``["Judul Post=title"]`` -> ``{"judul post": "title"}``; raises :class:`MappingError`."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, name = pair.rpartition("=")
        name = name.strip().lower()
        if not sep or not column.strip() or name not in FIELDS:
            raise MappingError(t("csv.error.map", lang, value=pair, fields=", ".join(FIELDS)))
        mapping[header_key(column)] = name
    return mapping


def _columns(
    table: CsvTable, mapping: Mapping[str, str], name: str, lang: Lang | None
) -> tuple[dict[int, str], list[Finding]]:
    known = header_names()
    columns: dict[int, str] = {}
    findings: list[Finding] = []
    taken: dict[str, int] = {}
    for index, header in enumerate(table.header):
        key = header_key(header)
        target = mapping.get(key) or known.get(key)
        line, column = table.header_line, index + 1
        if target is None:
            if key:
                message = t(
                    "csv.warn.unused-column", lang, column=column_letter(index), header=header
                )
                findings.append(
                    Finding(
                        "warning", "csv-unused-column", message, file=name, line=line, column=column
                    )
                )
            continue
        if target in taken:
            message = t(
                "csv.error.twice",
                lang,
                field=target,
                first=column_letter(taken[target]),
                second=column_letter(index),
            )
            findings.append(
                Finding("error", "csv-column-twice", message, file=name, line=line, column=column)
            )
            continue
        taken[target] = index
        columns[index] = target
    for key in mapping:
        if key not in {header_key(h) for h in table.header}:
            message = t("csv.error.map-missing", lang, column=key)
            findings.append(Finding("error", "csv-map-missing", message, file=name))
    if not columns:
        shown = table.header[0] if len(table.header) == 1 else table.delimiter.join(table.header)
        message = t("csv.error.no-columns", lang, header=shown[:120])
        findings.append(
            Finding("error", "csv-no-columns", message, file=name, line=table.header_line)
        )
    return columns, findings


def _date_order(
    table: CsvTable, column: int | None, given: DateOrder | None, name: str, lang: Lang | None
) -> tuple[DateOrder | None, list[Finding]]:
    """The file's order of day and month: given, or what its own dates show."""
    if given is not None or column is None:
        return given, []
    day_first: int | None = None
    month_first: int | None = None
    for record in table.records:
        if column >= len(record.cells):
            continue
        parts = slash_parts(record.cells[column])
        if parts is None:
            continue
        if parts[0] > 12 and day_first is None:
            day_first = record.line
        elif parts[1] > 12 and month_first is None:
            month_first = record.line
    if day_first is not None and month_first is not None:
        message = t("csv.error.mixed-dates", lang, dmy=day_first, mdy=month_first)
        return None, [Finding("error", "csv-mixed-dates", message, file=name)]
    if day_first is not None:
        return "dmy", []
    if month_first is not None:
        return "mdy", []
    return None, []


def _first_ambiguous(table: CsvTable, column: int) -> tuple[int, str] | None:
    """(line, text) of the first date that could be day/month or month/day, or None."""
    for record in table.records:
        if column >= len(record.cells):
            continue
        cell = record.cells[column].strip()
        parts = slash_parts(cell)
        if parts is None or parts[0] == parts[1] or max(parts) > 12:
            continue
        try:  # a date that reads both ways, not one that reads neither (03/04/27)
            for order in ("dmy", "mdy"):
                parse_date(cell, order, None)
        except CellError:
            continue
        return record.line, cell
    return None


def _known_networks(existing: Iterable[str]) -> dict[str, str]:
    names = {network.casefold(): network for network in KNOWN_NETWORKS}
    names.update({network.casefold(): network for network in existing})
    return names


def read_items(
    data: bytes,
    name: str,
    lang: Lang | None,
    *,
    mapping: Mapping[str, str] | None = None,
    dates: DateOrder | None = None,
    networks: Iterable[str] = (),
) -> ImportResult:
    """The items of a CSV file and what is wrong in it; raises :class:`CsvUnreadable`."""
    table = read_table(data, lang)
    result = ImportResult(delimiter=table.delimiter)
    columns, findings = _columns(table, mapping or {}, name, lang)
    result.columns = columns
    result.findings.extend(findings)
    date_column = next((i for i, f in columns.items() if f == "date"), None)
    order, findings = _date_order(table, date_column, dates, name, lang)
    result.date_order = order
    result.findings.extend(findings)
    if any(f.level == "error" for f in result.findings):
        result.fatal = True
        return result
    if order is None and date_column is not None:
        result.ambiguous_date = _first_ambiguous(table, date_column)
    known = _known_networks(networks)
    width = len(table.header)
    for record in table.records:
        row_findings: list[Finding] = []

        def report(
            level: Level,
            code: str,
            message: str,
            index: int,
            line: int = record.line,
            into: list[Finding] = row_findings,
        ) -> None:
            letter = column_letter(index)
            header = table.header[index] if index < width else ""
            where = t("csv.where", lang, column=letter, header=header) if header else letter
            into.append(
                Finding(level, code, f"{where}: {message}", file=name, line=line, column=index + 1)
            )

        extra = [i for i in range(width, len(record.cells)) if record.cells[i].strip()]
        if extra:
            message = t("csv.error.extra-cells", lang, count=len(record.cells), columns=width)
            report("error", "csv-extra-cells", message, extra[0])
        values = _row_values(record.cells, columns, order, known, lang, report)
        if any(f.level == "error" for f in row_findings):
            result.bad_lines.append(record.line)
        elif values:
            try:
                item = CalendarItem.model_validate(values)
            except ValidationError:  # pragma: no cover - the cells were checked above
                result.bad_lines.append(record.line)
            else:
                result.items.append((record.line, item))
        result.findings.extend(row_findings)
    return result


def _row_values(
    cells: list[str],
    columns: Mapping[int, str],
    order: DateOrder | None,
    networks: Mapping[str, str],
    lang: Lang | None,
    report: Callable[..., None],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    date_time: dt.time | None = None
    for index, name in columns.items():
        raw = cells[index] if index < len(cells) else ""
        if not raw.strip():
            continue
        try:
            if name in TEXT_FIELDS or name == "hashtags":
                text = unguard_formula(raw)
                if text == raw and looks_like_formula(raw):
                    report("warning", "csv-formula", t("csv.warn.formula", lang, text=raw), index)
                if name == "hashtags":
                    values[name] = parse_hashtags(text)
                elif name == "network":
                    values[name] = networks.get(text.strip().casefold(), text)
                else:
                    values[name] = text
            elif name == "date":
                values["date"], date_time = parse_date(raw, order, lang)
            elif name == "time":
                values["time"] = parse_time(raw, lang)
            elif name == "duration":
                values["duration"] = parse_count(raw, lang)
            elif name in ("hours", "cost"):
                values[name] = parse_decimal(raw, lang)
            elif name == "status":
                values["status"] = parse_status(raw, lang)
        except CellError as error:
            report("error", "csv-bad-cell", str(error), index)
    if date_time is not None and "time" not in values:
        values["time"] = date_time
    return values
