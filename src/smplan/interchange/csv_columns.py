"""The CSV columns: which item field each holds, and the header names that mean it.

The export writes :data:`FIELDS` in this order with headers in the plan's
language. The import finds each field by its header: the export's own headers
in either language, the stored key, and the names spreadsheets and schedulers
use (Buffer, Hootsuite, Later, Metricool: "Date", "Message", "Link", ...).
"""

from __future__ import annotations

import re

from smplan.i18n import LANGUAGES, Lang, t

#: The item fields a CSV row can hold, in the export's column order.
FIELDS: tuple[str, ...] = (
    "date",
    "time",
    "duration",
    "network",
    "format",
    "pillar",
    "title",
    "status",
    "owner",
    "goal",
    "hours",
    "cost",
    "caption",
    "hashtags",
    "asset",
    "url",
    "notes",
)

#: Fields whose cell is the user's own words, kept exactly (never trimmed).
TEXT_FIELDS = frozenset(
    {"network", "format", "pillar", "title", "owner", "goal", "caption", "asset", "url", "notes"}
)

#: Header names (normalised, see :func:`header_key`) beyond the export's own, by field.
#: Indonesian names first, then the names schedulers' bulk files use.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "tanggal",
        "tgl",
        "tanggal terbit",
        "tanggal posting",
        "publish date",
        "post date",
        "posting date",
        "scheduled date",
        "day",
    ),
    "time": (
        "waktu",
        "jam",
        "jam terbit",
        "publish time",
        "post time",
        "posting time",
        "scheduled time",
    ),
    "duration": ("durasi", "minutes", "menit", "length"),
    "network": (
        "jaringan",
        "platform",
        "channel",
        "kanal",
        "saluran",
        "social network",
        "media sosial",
        "medsos",
        "profile",
        "social profile",
        "account",
    ),
    "format": ("jenis", "type", "post type", "content type", "jenis konten", "tipe"),
    "pillar": ("pilar", "pilar konten", "content pillar", "category", "kategori"),
    "title": ("judul", "name", "nama", "subject", "topik", "topic", "headline"),
    "status": ("state",),
    "owner": ("pemilik", "penanggung jawab", "pic", "assignee", "author", "penulis"),
    "goal": ("tujuan", "sasaran", "objective", "campaign", "kampanye"),
    "hours": ("jam kerja", "effort", "effort hours", "work hours"),
    "cost": ("biaya", "budget", "anggaran", "price", "harga", "spend"),
    "caption": (
        "message",
        "text",
        "post text",
        "content",
        "copy",
        "body",
        "pesan",
        "teks",
        "teks posting",
        "isi",
        "konten",
        "keterangan",
    ),
    "hashtags": ("hashtag", "tags", "tag", "tagar"),
    "asset": (
        "image",
        "image url",
        "media",
        "media url",
        "photo",
        "video",
        "video url",
        "gambar",
        "foto",
        "file",
        "berkas",
        "aset",
    ),
    "url": ("link", "tautan", "post url", "published url", "permalink", "tautan posting"),
    "notes": ("note", "catatan", "comments", "comment", "komentar", "keterangan tambahan"),
}

_SPACES = re.compile(r"[\s_\-.:]+")


def header_key(text: str) -> str:
    """A header as it is compared: ``" Image_URL "`` -> ``"image url"``."""
    return _SPACES.sub(" ", text.replace("\ufeff", "")).strip().casefold()


def header_label(field: str, lang: Lang) -> str:
    """The export's header of ``field`` in ``lang``."""
    return t(f"csv.column.{field}", lang)


def header_names() -> dict[str, str]:
    """Every header name the import understands (normalised) -> its field."""
    names: dict[str, str] = {}
    for field, aliases in ALIASES.items():
        for alias in aliases:
            names[alias] = field
    for lang in LANGUAGES:
        for field in FIELDS:
            names[header_key(header_label(field, lang))] = field
    for field in FIELDS:
        names[header_key(field)] = field
    return names


def column_letter(index: int) -> str:
    """A spreadsheet's name of column ``index`` (0-based): 0 -> A, 26 -> AA."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- formulas ---------------------------------------------------------------

#: What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def guard_formula(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a leading ``'`` before a formula start.

    A text that already starts with quotes before a formula start gets one more,
    so that :func:`unguard_formula` gives back exactly the text written.
    """
    return "'" + text if looks_like_formula(text.lstrip("'")) else text


def unguard_formula(text: str) -> str:
    """The inverse of :func:`guard_formula`."""
    if text.startswith("'") and looks_like_formula(text.lstrip("'")):
        return text[1:]
    return text
