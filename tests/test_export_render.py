"""Every sample in every flavor, read back with GitHub's parser (cmark-gfm) and strict CommonMark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smplan.export import FLAVORS, export_markdown
from smplan.export.anchors import Slugger, slug
from smplan.store import PlanFile
from tests.conftest import SAMPLES
from tests.gfm_render import commonmark_html, gfm_html, headings, nodes, tables, texts

SAMPLE_PLANS = sorted(SAMPLES.glob("*.toml"))
MAX_COLUMNS = 7
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _export(path: Path, flavor: str) -> str:
    return export_markdown(PlanFile.open(path).plan, flavor, plan_dir=path.parent)


def _source_tables(markdown: str) -> list[list[list[str]]]:
    """The pipe tables as written: each a list of rows, each row its cells split at unescaped pipes."""
    found: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in markdown.split("\n"):
        if line.startswith("|"):
            cells = _CELL_SPLIT.split(line.strip())[1:-1]
            if current is None:
                current = []
                found.append(current)
            current.append(cells)
        else:
            current = None
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def github_ids(html: str) -> list[str]:
    """The ids GitHub gives the headings cmark-gfm rendered, in document order."""
    slugger = Slugger("github")
    return [slugger.next(text) for _level, text in headings(html)]


@pytest.mark.parametrize("flavor", ["github", "gitlab", "azure", "obsidian"])
@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=lambda p: p.stem)
def test_tables_are_narrow_and_whole(path: Path, flavor: str) -> None:
    markdown = _export(path, flavor)
    html = gfm_html(markdown)
    rendered = tables(html)
    written = _source_tables(markdown)
    # Every table written is a table to GitHub, with the header's column count in every row.
    assert len(rendered) == len(written)
    for table, rows in zip(rendered, written, strict=True):
        assert len(table.header) <= MAX_COLUMNS, table.header
        assert all(len(row) == len(rows[0]) for row in rows), rows[0]
        assert all(len(row) == len(table.header) for row in table.rows)
        assert len(table.rows) == len(rows) - 2


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=lambda p: p.stem)
def test_no_text_carries_a_stray_backslash(path: Path, flavor: str) -> None:
    # The sample plans' values hold no backslash, so any shown is an escape that did not work.
    assert not [v for v in _strings(PlanFile.open(path).plan.model_dump()) if "\\" in v]
    markdown = _export(path, flavor)
    render = commonmark_html if flavor == "plain" else gfm_html
    assert not [text for text in texts(render(markdown)) if "\\" in text]


@pytest.mark.parametrize("flavor", ["github", "azure"])
@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=lambda p: p.stem)
def test_every_contents_link_lands_on_a_heading(path: Path, flavor: str) -> None:
    html = gfm_html(_export(path, flavor))
    ids = github_ids(html)
    links = [n.attrs["href"] for n in nodes(html) if n.kind == "a"]
    assert len(links) == 7
    assert all(link[1:] in ids for link in links)
    # Each lands on its step: the heading right after the link's text.
    shown = [text for _level, text in headings(html)]
    for link in links:
        assert shown[ids.index(link[1:])] in {t for _lvl, t in headings(html) if _lvl == 2}


def test_a_persona_named_like_a_step_does_not_take_its_anchor() -> None:
    path = SAMPLES / "northwind-nonprofit.toml"
    plan = PlanFile.open(path).plan
    plan.personas[0].name = "Content calendar"
    plan.personas[1].name = "Buyer personas"
    html = gfm_html(export_markdown(plan, "github"))
    ids = github_ids(html)
    links = [n.attrs["href"][1:] for n in nodes(html) if n.kind == "a"]
    assert "content-calendar-1" in links and "buyer-personas" in links
    levels = [level for level, _text in headings(html)]
    for link in links:
        assert levels[ids.index(link)] == 2


def test_gitlab_collapses_hyphens_when_it_makes_ids() -> None:
    assert slug("A -- B", "github") == "a----b"
    assert slug("A -- B", "gitlab") == "a-b"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # GitHub's documentation of section links gives this one.
        (
            "This'll be a Helpful Section About the Greek Letter Θ!",
            "thisll-be-a-helpful-section-about-the-greek-letter-θ",
        ),
        ("Audit of our social networks", "audit-of-our-social-networks"),
        ("Kalender konten", "kalender-konten"),
        ("Café: 10% off, 2×1 (bonus)_now", "café-10-off-21-bonus_now"),
        ("  Spaced  out  ", "spaced--out"),
        ("Emoji 🎉 here", "emoji--here"),
    ],
)
def test_slugs_follow_githubs_rules(heading: str, expected: str) -> None:
    assert slug(heading) == expected


def test_repeated_headings_take_numbers_in_document_order() -> None:
    slugger = Slugger()
    assert [slugger.next(h) for h in ("Plan", "Plan", "Plan 1", "Plan")] == [
        "plan",
        "plan-1",
        "plan-1-1",
        "plan-2",
    ]


@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=lambda p: p.stem)
def test_plain_is_strict_commonmark(path: Path) -> None:
    markdown = _export(path, "plain")
    html = commonmark_html(markdown)
    assert "<table" not in html and "mermaid" not in markdown
    # No paragraph of pipes: strict CommonMark would show a pipe table as one.
    assert not [text for text in texts(html) if text.lstrip().startswith("|")]
    assert not _source_tables(markdown)
    # The calendar's items are there, as lists.
    plan = PlanFile.open(path).plan
    shown = " ".join(texts(html))
    for item in plan.calendar:
        assert " ".join((item.title or "").split()) in " ".join(shown.split())


def test_no_english_value_name_in_an_indonesian_export() -> None:
    from smplan.export.context import short_name
    from smplan.i18n.values import display_name, known_values

    plan = PlanFile.open(SAMPLES / "kopi-nusantara.toml").plan
    assert plan.language == "id"
    text = " ".join(texts(gfm_html(export_markdown(plan, "github"))))
    # Goal and objective names are the user's own ids read as words, not stored values.
    for name in [short_name(g.id) for g in plan.goals] + [
        short_name(o.id) for o in plan.objectives
    ]:
        text = text.replace(name, "")
    english = []
    for kind in (
        "status",
        "objective-kind",
        "cadence",
        "tool-period",
        "category",
        "format",
        "unit",
        "kpi",
    ):
        # KPIs: the plan's own (its texts may quote a KPI's English name, as marketers do).
        keys = [g.kpi or "" for g in plan.goals] if kind == "kpi" else known_values(kind)
        for key in keys:
            en, idn = display_name(kind, key, "en"), display_name(kind, key, "id")
            if en != idn and re.search(r"(?<!\w)" + re.escape(en) + r"(?!\w)", text):
                english.append(f"{kind} {en}")
    assert not english
