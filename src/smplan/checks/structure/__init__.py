"""Checks of a plan's shape: ids and references (``references``), time zone and repeat rules
(``schedule``), how complete each step is (``completeness``)."""

from smplan.checks.structure.references import check_structure, suggest_slug

__all__ = ["check_structure", "suggest_slug"]
