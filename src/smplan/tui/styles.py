"""Where the app's stylesheets are: inside the installed package, or in the checkout."""

from __future__ import annotations

from pathlib import Path

#: One file per screen or widget family, loaded in this order.
STYLESHEETS = (
    "app.tcss",
    "navigator.tcss",
    "forms.tcss",
    "lists.tcss",
    "calendar.tcss",
    "dialogs.tcss",
    "export.tcss",
)


def styles_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    installed = package / "styles"  # a wheel carries the top-level styles/ here
    if installed.is_dir():
        return installed
    return package.parent.parent / "styles"


def stylesheets() -> list[str | Path]:
    folder = styles_dir()
    return [folder / name for name in STYLESHEETS if (folder / name).is_file()]
