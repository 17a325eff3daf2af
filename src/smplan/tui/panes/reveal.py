"""Keeping the focused field in view: whole, with its label, never under a docked panel.

Textual scrolls a newly focused widget into view itself, but it does not know
that a panel docked at the bottom of a pane (the SMART scorecard) covers part
of the pane, it scrolls before a freshly shown form is laid out, and it shows
an editor without its label. Here the pane is scrolled, once laid out, by the
least amount that shows the field's whole row (label, editor, error line) in
the part of the pane nothing covers; and when a field of a list's item has
focus, the list is kept in view above it as long as both fit, so the item being
edited stays in sight.
"""

from __future__ import annotations

from textual.widget import Widget


def _row_of(widget: Widget) -> Widget:
    """The field row around ``widget`` (label, editor, error line), or the widget itself."""
    for node in widget.ancestors_with_self:
        if not isinstance(node, Widget):
            break
        if node.has_class("field-row"):
            return node
    return widget


def _list_above(widget: Widget) -> Widget | None:
    """The list whose item ``widget`` edits, when ``widget`` is in that item's form."""
    for node in widget.ancestors:
        listing = getattr(node, "list_widget", None)
        form = getattr(node, "form", None)
        if isinstance(listing, Widget) and isinstance(form, Widget):
            return listing if form in widget.ancestors else None
    return None


def _heading_of(listing: Widget) -> Widget | None:
    """The line above a list that names it and its keys."""
    parent = listing.parent
    if not isinstance(parent, Widget):
        return None
    for sibling in parent.children:
        if sibling.has_class("items-heading"):
            return sibling
    return None


def covered_below(pane: Widget) -> int:
    """Rows at the bottom of ``pane`` covered by panels docked there."""
    return sum(
        child.outer_size.height
        for child in pane.children
        if child.display and child.styles.dock == "bottom"
    )


def top_in_view(pane: Widget, widget: Widget) -> bool:
    """True when ``widget``, laid out, starts in the part of ``pane`` shown and uncovered."""
    view = pane.scrollable_content_region
    area = widget.region
    return bool(area.height) and view.y <= area.y < view.y + view.height - covered_below(pane)


def reveal(pane: Widget, widget: Widget) -> None:
    """Scroll ``pane`` just enough to show ``widget``'s row (and the list above it, if both fit)."""
    if not widget.is_attached or pane not in widget.ancestors:
        return
    view = pane.scrollable_content_region
    height = view.height - covered_below(pane)
    if height <= 0:
        return
    area = _row_of(widget).region
    listing = widget if widget.has_class("item-list") else None
    if listing is not None:
        heading = _heading_of(listing)
        if heading is not None and heading.region.height:
            area = heading.region.union(area)
    above = _list_above(widget)
    if above is not None and above.region.height:
        with_list = area.union(above.region)
        if with_list.height <= height:
            area = with_list
    if not area.height:
        return
    top = area.y - view.y + round(pane.scroll_y)
    bottom = top + area.height
    now = round(pane.scroll_y)
    if top < now or area.height > height:
        target = top
    elif bottom > now + height:
        target = bottom - height
    else:
        return
    pane.scroll_to(y=target, animate=False, immediate=True)
