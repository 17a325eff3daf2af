"""What differs between the wikis the export writes for: charts and heading links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from smplan.export.anchors import SlugRule
from smplan.export.errors import ExportError
from smplan.i18n import t

FlavorName = Literal["github", "gitlab", "azure", "obsidian", "plain"]
FLAVORS: tuple[FlavorName, ...] = ("github", "gitlab", "azure", "obsidian", "plain")
DEFAULT_FLAVOR: FlavorName = "github"


@dataclass(frozen=True, slots=True)
class Flavor:
    name: FlavorName
    #: How a Mermaid chart is fenced: "fence" (```mermaid), "colons" (::: mermaid) or None.
    mermaid: Literal["fence", "colons"] | None
    #: How the table of contents links to a heading: "slug", "text" or None (no links).
    anchors: Literal["slug", "text"] | None
    #: Pipe tables (GFM); strict CommonMark has none.
    tables: bool = True
    #: How the wiki makes heading ids (with ``anchors == "slug"``).
    slug_rule: SlugRule = "github"

    def chart(self, source: str) -> str | None:
        """``source`` (Mermaid) as this wiki wants it, or None where charts do not render."""
        if self.mermaid == "fence":
            return f"```mermaid\n{source}\n```"
        if self.mermaid == "colons":
            return f"::: mermaid\n{source}\n:::"
        return None

    def anchor(self, heading: str, heading_id: str) -> str | None:
        """The link target of a heading showing ``heading`` whose computed id is ``heading_id``."""
        if self.anchors == "slug":
            return "#" + heading_id
        if self.anchors == "text":
            # Obsidian links to a heading by its text.
            return "#" + quote(heading, safe="")
        return None


_BY_NAME: dict[FlavorName, Flavor] = {
    "github": Flavor("github", "fence", "slug"),
    "gitlab": Flavor("gitlab", "fence", "slug", slug_rule="gitlab"),
    "azure": Flavor("azure", "colons", "slug"),
    "obsidian": Flavor("obsidian", "fence", "text"),
    "plain": Flavor("plain", None, None, tables=False),
}


def flavor_named(name: str | None) -> Flavor:
    """The flavor called ``name`` (default github); ExportError for an unknown name."""
    key = (name or DEFAULT_FLAVOR).strip().lower()
    if key not in _BY_NAME:
        raise ExportError("", t("export.error.flavor", None, flavor=key))
    return _BY_NAME[key]


__all__ = ["DEFAULT_FLAVOR", "FLAVORS", "Flavor", "FlavorName", "flavor_named"]
