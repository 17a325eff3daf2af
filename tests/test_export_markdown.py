"""The export read back as a wiki reads it: every step, tables with their rows, no HTML."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from smplan.checks.budget.report import compute_budget
from smplan.checks.progress import plan_progress
from smplan.checks.smart import check_goals
from smplan.export import FLAVORS, export_markdown, export_sections
from smplan.export.anchors import heading_ids
from smplan.export.calendar import TITLE_WIDTH
from smplan.export.context import reference_day
from smplan.i18n import t
from smplan.i18n.places import in_words
from smplan.model import CalendarItem, Plan
from smplan.presentation.budget import overview_rows
from smplan.schedule.occurrences import item_dates
from smplan.store import PlanFile
from tests.conftest import SAMPLES
from tests.export_plan import small_plan
from tests.markdown_render import flat, headings, inline_text, normalise, table_after, tables

STEP_IDS = (
    "export.heading.audit",
    "export.heading.personas",
    "export.heading.resources",
    "export.heading.goals",
    "export.heading.strategy",
    "export.heading.calendar",
    "export.heading.measurement",
)
SAMPLE_PLANS = sorted(SAMPLES.glob("*.toml"))


def row_dates(plan: Plan, item: CalendarItem) -> list[dt.date | None]:
    """The dates the calendar export gives ``item`` a row on (docs/export.md): its own
    date, or for a repeating item each occurrence in the plan period (its date once
    when none falls there)."""
    start, end = plan.plan.period_start, plan.plan.period_end
    if item.repeat is None or item.date is None or start is None or end is None:
        return [item.date]
    return list(item_dates(item, start, end)) or [item.date]


def load(path: Path) -> PlanFile:
    return PlanFile.open(path)


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=lambda p: p.stem)
def test_every_step_is_a_heading_in_the_method_order(path: Path, flavor: str) -> None:
    plan = load(path).plan
    text = export_markdown(plan, flavor)
    lang = plan.language
    found = headings(text, 2)
    summary = [t("export.heading.summary", lang)] if plan.goals or plan.calendar else []
    expected = [*summary, t("export.heading.contents", lang)] + [t(i, lang) for i in STEP_IDS]
    assert found == expected
    assert headings(text, 1) == [plan.plan.title]


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("html", [False, True])
@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=lambda p: p.stem)
def test_no_html_reaches_the_page(path: Path, flavor: str, html: bool) -> None:
    text = export_markdown(load(path).plan, flavor)
    kinds = {token.type for token in flat(text, html=html)}
    assert not kinds & {"html_block", "html_inline"}


@pytest.mark.parametrize("flavor", ["github", "gitlab", "azure", "obsidian"])
def test_the_contents_link_to_the_step_headings(flavor: str) -> None:
    plan = load(SAMPLES / "kopi-nusantara.toml").plan
    text = export_markdown(plan, flavor)
    links = [tok.attrGet("href") for tok in flat(text) if tok.type == "link_open"]
    steps = [t(i, plan.language) for i in STEP_IDS]
    if flavor == "obsidian":
        assert links == ["#" + s.replace(" ", "%20") for s in steps]
    else:
        rule = "gitlab" if flavor == "gitlab" else "github"
        ids = heading_ids([text], rule)[0]
        shown = [h for level in (1, 2, 3, 4) for h in headings(text, level)]
        assert len(ids) >= len(shown)
        assert all(str(link)[1:] in ids for link in links)
        assert all(re.fullmatch(r"#[a-z0-9-]+", str(link)) for link in links)


def test_plain_markdown_has_no_links_and_no_charts() -> None:
    text = export_markdown(load(SAMPLES / "kopi-nusantara.toml").plan, "plain")
    assert not [tok for tok in flat(text) if tok.type in ("link_open", "fence")]
    assert "mermaid" not in text


@pytest.mark.parametrize("flavor", ["github", "gitlab", "obsidian"])
def test_charts_are_mermaid_fences(flavor: str) -> None:
    text = export_markdown(load(SAMPLES / "kopi-nusantara.toml").plan, flavor)
    fences = [tok for tok in flat(text) if tok.type == "fence"]
    charted = charted_goals(SAMPLES / "kopi-nusantara.toml")
    assert [f.info for f in fences] == ["mermaid"] * (2 + charted)
    assert fences[0].content.startswith("pie title ")
    assert fences[1].content.startswith("gantt\n")
    assert all(f.content.startswith("xychart-beta\n") for f in fences[2:])


def test_azure_charts_are_colon_blocks() -> None:
    text = export_markdown(load(SAMPLES / "kopi-nusantara.toml").plan, "azure")
    assert text.count("::: mermaid\n") == 2 + charted_goals(SAMPLES / "kopi-nusantara.toml")
    assert "```" not in text
    blocks = re.findall(r"::: mermaid\n(.*?)\n:::", text, flags=re.S)
    assert blocks[0].startswith("pie title ") and blocks[1].startswith("gantt\n")
    assert all(block.startswith("xychart-beta\n") for block in blocks[2:])


def charted_goals(path: Path) -> int:
    """Goals with results from their start on, and baseline, target and dates: one chart each."""
    plan = load(path).plan
    items = plan_progress(plan, reference_day(plan))
    return sum(
        1
        for item in items
        if item.results and None not in (item.baseline, item.target, item.start, item.deadline)
    )


def test_the_gantt_has_one_task_per_dated_goal() -> None:
    plan = load(SAMPLES / "kopi-nusantara.toml").plan
    text = export_markdown(plan, "github")
    gantt = next(f.content for f in flat(text) if f.type == "fence" and "gantt" in f.content)
    tasks = re.findall(r"^    (\d+) .+ :t\d+, (\S+), (\d+)d$", gantt, flags=re.M)
    dated = [
        (str(n), str(g.start), str((g.deadline - g.start).days + 1))
        for n, g in enumerate(plan.goals, 1)
        if g.start and g.deadline
    ]
    # Numbered and ordered as the goals table; no "today" line, so the chart is stable.
    assert tasks == dated
    assert "todayMarker off" in gantt


def test_tables_have_the_plans_rows() -> None:
    plan = load(SAMPLES / "kopi-nusantara.toml").plan
    text = export_markdown(plan, "github")
    lang = plan.language
    everything = tables(text)
    assert all(len(row) == len(table.header) for table in everything for row in table.rows)

    profiles = table_after(text, t("export.sub.networks", lang))
    assert [row[1] for row in profiles.rows] == [p.handle for p in plan.audit.profiles]

    goals = table_after(text, t("export.sub.goals", lang))
    assert [row[0] for row in goals.rows] == [str(n) for n in range(1, len(plan.goals) + 1)]
    assert goals.header[-1] == "SMART"

    column = t("export.column.title", lang)
    titles = [
        row[table.header.index(column)]
        for table in everything
        if column in table.header
        for row in table.rows
    ]
    # Each title is whole in its cell, or cut after a word (at most TITLE_WIDTH characters)
    # and then whole in the line under the month's table.
    whole = sorted(normalise(i.title or "") for i in plan.calendar for _ in row_dates(plan, i))
    assert len(titles) == len(whole) > len(plan.calendar)  # a row per date of a series
    cut = [title for title in titles if title not in whole]
    assert cut and all(title.endswith("…") and len(title) <= TITLE_WIDTH for title in cut)
    for title in cut:
        assert any(w.startswith(title[:-1]) and len(w) > len(title) - 1 for w in whole), title
    shown = normalise(" ".join(inline_text(tok) for tok in flat(text) if tok.type == "inline"))
    for item in plan.calendar:
        assert normalise(item.title or "") in shown


def test_swot_quadrants_are_lists() -> None:
    plan = load(SAMPLES / "kopi-nusantara.toml").plan
    text = export_markdown(plan)
    found = flat(text)
    items = [
        inline_text(found[n + 2])
        for n, tok in enumerate(found)
        if tok.type == "list_item_open" and found[n + 2].type == "inline"
    ]
    for name in ("strengths", "weaknesses", "opportunities", "threats"):
        for value in getattr(plan.audit.swot, name):
            assert normalise(value) in items


def test_the_calendar_is_grouped_by_month_in_date_order() -> None:
    plan = load(SAMPLES / "northwind-nonprofit.toml").plan
    text = export_markdown(plan)
    months = {(d.year, d.month) for i in plan.calendar for d in row_dates(plan, i) if d}
    month_heads = [h for h in headings(text, 3) if re.fullmatch(r"[A-Z][a-z]+ \d{4}", h)]
    assert len(month_heads) == len(months)
    parsed = [dt.datetime.strptime(h, "%B %Y").date() for h in month_heads]
    assert parsed == sorted(parsed)


def test_the_budget_summary_is_the_trackers() -> None:
    plan = load(SAMPLES / "kopi-nusantara.toml").plan
    lang = plan.language
    text = export_markdown(plan)
    shown = table_after(text, t("export.sub.budget", lang))
    report = compute_budget(plan, today=reference_day(plan))
    expected = overview_rows(report, lang, rounded=True)
    assert [row[0] for row in shown.rows] == [r.label for r in expected]
    assert [row[1] for row in shown.rows] == [r.value for r in expected]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_goals_failing_letters_are_listed_in_the_problems_lists_words(lang: str) -> None:
    plan = load(SAMPLES / "minimal.toml").plan
    plan.plan.language = lang  # type: ignore[assignment]
    text = export_markdown(plan)
    verdicts = check_goals(plan, today=reference_day(plan))
    shown = normalise(" ".join(inline_text(tok) for tok in flat(text) if tok.type == "inline"))
    failing = [v for v in verdicts if not v.fully_smart]
    assert failing
    for index, verdict in enumerate(verdicts):
        for letter in verdict.letters:
            if letter.state == "pass":
                continue
            # The words of the app's problems list for the same place.
            path = ("goals", index, letter.field) if letter.field else ("goals", index)
            assert normalise(in_words(letter.reason, path, lang).rstrip(".")) in shown  # type: ignore[arg-type]
            assert normalise(in_words(letter.fix, path, lang)) in shown  # type: ignore[arg-type]
    # The checker names the file's table and key; the reader sees the list and the label.
    assert "[[" not in shown and "resources.team" not in shown
    assert t("list.team", lang) in shown  # type: ignore[arg-type]
    assert re.search(r"\bowner\b", shown) is None
    goals = table_after(text, t("export.sub.goals", lang))  # type: ignore[arg-type]
    marks = {"pass": "✓", "warn": "?", "fail": "✗"}
    for row, verdict in zip(goals.rows, verdicts, strict=True):
        assert row[-1] == " ".join(f"{v.letter}{marks[v.state]}" for v in verdict.letters)


def test_personas_photo_is_an_image_only_when_safe(tmp_path: Path) -> None:
    plan = small_plan()
    # Without the file beside the plan there is no broken image.
    assert not [
        tok for tok in flat(export_markdown(plan, plan_dir=tmp_path)) if tok.type == "image"
    ]
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "ana.jpg").write_bytes(b"jpeg")
    images = [tok for tok in flat(export_markdown(plan, plan_dir=tmp_path)) if tok.type == "image"]
    assert [img.attrGet("src") for img in images] == ["personas/ana.jpg"]
    assert inline_text(images[0]) == "Photo of Ana, office worker"
    # Written to another folder, the path still reaches the file.
    elsewhere = tmp_path / "wiki" / "pages"
    elsewhere.mkdir(parents=True)
    text = export_markdown(plan, plan_dir=tmp_path, out_dir=elsewhere)
    src = [str(tok.attrGet("src")) for tok in flat(text) if tok.type == "image"]
    assert src == ["../../personas/ana.jpg"]
    assert (elsewhere / src[0]).resolve() == (tmp_path / "personas" / "ana.jpg").resolve()
    for unsafe in ("javascript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd"):
        plan.personas[0].photo = unsafe
        text = export_markdown(plan, plan_dir=tmp_path)
        found = flat(text)
        assert not [tok for tok in found if tok.type == "image"]
        # The only links are the seven of the table of contents.
        hrefs = [str(tok.attrGet("href")) for tok in found if tok.type == "link_open"]
        assert len(hrefs) == 7 and all(h.startswith("#") for h in hrefs)
    plan.personas[0].photo = "https://example.com/a b (1).jpg"
    images = [tok for tok in flat(export_markdown(plan)) if tok.type == "image"]
    assert [img.attrGet("src") for img in images] == ["https://example.com/a%20b%20%281%29.jpg"]


def test_the_same_plan_gives_the_same_bytes() -> None:
    path = SAMPLES / "kopi-nusantara.toml"
    first = export_markdown(load(path).plan, "gitlab")
    second = export_markdown(load(path).plan, "gitlab")
    assert first == second
    assert "\r" not in first and first.endswith("\n") and not first.endswith("\n\n")


def test_sections_join_into_the_document() -> None:
    plan = load(SAMPLES / "northwind-nonprofit.toml").plan
    sections = export_sections(plan, "github")
    assert len(sections) == 8
    assert "\n\n".join(md for _title, md in sections) + "\n" == export_markdown(plan, "github")


def test_the_export_speaks_the_language_asked_for() -> None:
    plan = load(SAMPLES / "kopi-nusantara.toml").plan
    assert plan.language == "id"
    indonesian = export_markdown(plan)
    english = export_markdown(plan, lang="en")
    assert t("export.heading.calendar", "id") in headings(indonesian, 2)
    assert t("export.heading.calendar", "en") in headings(english, 2)
    assert "Rp " in indonesian and "IDR " in english


@pytest.mark.parametrize("lang", ["en", "id"])
def test_step_headings_are_plain_words_so_every_wiki_makes_the_same_anchor(lang: str) -> None:
    for msg_id in (*STEP_IDS, "export.heading.contents"):
        assert re.fullmatch(r"[A-Za-z0-9]+( [A-Za-z0-9]+)*", t(msg_id, lang)), msg_id


def test_the_previews_first_calendar_page_keys_goal_numbers_and_pillar_letters() -> None:
    from smplan.export import preview_sections

    plan = load(SAMPLES / "northwind-nonprofit.toml").plan
    pages = [md for _title, md in preview_sections(plan, "github", "en", page_rows=10)]
    with_table = [md for md in pages if "| " + t("export.column.goal-pillar", "en") in md]
    assert len(with_table) > 1
    first = with_table[0]
    assert t("export.goal-key", "en") in first and t("export.pillar-key", "en") in first
    assert "A Neighbours feeding neighbours" in first
    assert not any(t("export.pillar-key", "en") in md for md in with_table[1:])


#: The xychart-beta grammar the export uses (checked by Mermaid's own parser too, in
#: test_export_mermaid): a title, an x axis of quoted categories, a y axis with a
#: quoted label and a range, and lines of plain numbers.
XY_TITLE = re.compile(r'^    title "[\w .,-]+"$')
XY_X = re.compile(r'^    x-axis \[("[\w .,-]+"(, "[\w .,-]+")*)\]$')
XY_Y = re.compile(r'^    y-axis "[\w .,-]*" (-?\d+(?:\.\d+)?) --> (-?\d+(?:\.\d+)?)$')
XY_LINE = re.compile(r"^    line \[(-?\d+(?:\.\d+)?(?:, -?\d+(?:\.\d+)?)*)\]$")


@pytest.mark.parametrize("sample", ["kopi-nusantara", "northwind-nonprofit"])
def test_results_charts_follow_the_xychart_grammar(sample: str) -> None:
    plan = load(SAMPLES / f"{sample}.toml").plan
    text = export_markdown(plan, "github")
    charts = [f.content for f in flat(text) if f.type == "fence" and "xychart" in f.content]
    assert len(charts) == charted_goals(SAMPLES / f"{sample}.toml") > 0
    items = {i.goal.id: i for i in plan_progress(plan, reference_day(plan))}
    for chart in charts:
        lines = chart.rstrip("\n").split("\n")
        assert lines[0] == "xychart-beta"
        assert XY_TITLE.match(lines[1]), lines[1]
        x_axis = XY_X.match(lines[2])
        y_axis = XY_Y.match(lines[3])
        assert x_axis and y_axis, lines[2:4]
        categories = x_axis.group(1).count('"') // 2
        low, high = float(y_axis.group(1)), float(y_axis.group(2))
        assert low < high
        series = [XY_LINE.match(line) for line in lines[4:]]
        assert len(series) == 2 and all(series), lines[4:]
        goal_id = lines[1].split('"')[1].split(" ")[0]
        item = items[goal_id]
        found, straight = ([float(v) for v in m.group(1).split(", ")] for m in series if m)
        # The results from the baseline on, and the straight line from it to the target.
        assert len(found) == len(straight) == categories == len(item.results) + 1
        assert found == [float(item.baseline or 0)] + [float(v) for _, v in item.results]
        assert straight[0] == float(item.baseline or 0)
        assert all(low <= value <= high for value in found + straight)
