"""The verdict types' former home, kept so that imports written before the SMART
checker moved into ``smplan.checks.smart`` keep working. Import from
``smplan.checks.smart`` instead.
"""

from __future__ import annotations

from smplan.checks.smart.verdict import (
    BADGE_MARKS,
    LETTER_KEYS,
    LETTERS,
    LetterVerdict,
    SmartVerdict,
    State,
)

__all__ = ["BADGE_MARKS", "LETTERS", "LETTER_KEYS", "LetterVerdict", "SmartVerdict", "State"]
