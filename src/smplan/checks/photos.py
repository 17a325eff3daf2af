"""Persona photos that point at a file that is not there (the export would show no photo)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.model import Plan


def photo_findings(plan: Plan, plan_dir: Path, lang: Lang | None = None) -> list[Finding]:
    """A warning per persona whose photo is a relative path with no file beside the plan.

    Web addresses are not fetched; anything else that is not a relative path
    (``javascript:``, absolute paths) is never shown by the export either, and
    is reported the same way.
    """
    found = []
    for index, persona in enumerate(plan.personas):
        photo = (persona.photo or "").strip()
        if not photo or urlsplit(photo).scheme.lower() in ("http", "https"):
            continue
        try:
            exists = (plan_dir / photo).is_file() and not Path(photo).is_absolute()
        except (OSError, ValueError):
            exists = False
        if not exists:
            found.append(
                Finding(
                    "warning",
                    "photo-missing",
                    t(
                        "finding.photo-missing",
                        lang,
                        photo=photo,
                        name=persona.name or persona.id,
                        folder=plan_dir,
                    ),
                    path=("personas", index, "photo"),
                    subject=persona.id or None,
                )
            )
    return found


__all__ = ["photo_findings"]
