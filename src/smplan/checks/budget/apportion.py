"""Exact shares of an amount: integer arithmetic on the amount's smallest units.

A pro-rated share (a tool's partial month, an allocation's slice of a month, an
hour budget's partial week) is rarely a finite decimal: 150,000 x 17/31 is not.
Such a share is rounded once, half up, to a whole number of units, and the parts
of one amount are rounded together (largest remainders get the leftover units)
so that they add up exactly to the rounded whole. Amounts written in the plan
are never rounded: the unit is made fine enough to hold them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from typing import TypeVar

K = TypeVar("K")

ZERO = Decimal(0)

#: Context for sums: every amount TOML can hold (integers up to 2**63, floats up
#: to ~1.8e308 with 17 digits) adds up exactly within 1,000 digits. Precision is
#: a ceiling, not a cost: small numbers add as fast as with the default 28.
EXACT = Context(prec=1000, rounding=ROUND_HALF_EVEN)


def places_for(amount: Decimal, places: int) -> int:
    """Decimal places of the unit to count ``amount`` in: ``places`` or finer."""
    exponent = amount.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN and infinities never reach here; be safe
        return places
    return max(places, -exponent)


def to_units(amount: Decimal, places: int) -> int:
    """``amount`` as a whole number of ``10**-places`` units (exact, no context)."""
    sign, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int):
        return 0
    coefficient = int("".join(map(str, digits)) or "0")
    shift = exponent + places
    scale: int = 10 ** abs(shift)
    value = coefficient * scale if shift >= 0 else coefficient // scale
    return -value if sign else value


def from_units(units: int, places: int) -> Decimal:
    """``units`` of ``10**-places``, exactly (held within the EXACT context)."""
    if places == 0:
        return Decimal(units)
    return Decimal(units).scaleb(-places, EXACT)


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` to the nearest integer, halves away from zero."""
    if numerator < 0:
        return -round_half_up(-numerator, denominator)
    return (2 * numerator + denominator) // (2 * denominator)


def apportion(units: int, weights: Mapping[K, int], denominator: int) -> dict[K, int]:
    """Split ``units * sum(weights) / denominator`` into parts proportional to ``weights``.

    Each part is a whole number of units; together they add up to the whole,
    rounded half up. Leftover units go to the largest remainders, the earlier
    key first on a tie, so the result depends on nothing but the input.
    """
    total = round_half_up(units * sum(weights.values()), denominator)
    parts: dict[K, int] = {}
    remainders: list[tuple[int, int, K]] = []
    floors = 0
    # Weights repeat (7 days in most weeks, 30 or 31 in most months): divide once each.
    divided: dict[int, tuple[int, int]] = {}
    for position, (key, weight) in enumerate(weights.items()):
        pair = divided.get(weight)
        if pair is None:
            pair = divided[weight] = divmod(units * weight, denominator)
        share, remainder = pair
        parts[key] = share
        floors += share
        if remainder:
            remainders.append((-remainder, position, key))
    leftover = total - floors
    if leftover:
        remainders.sort()
        for _remainder, _position, key in remainders[:leftover]:
            parts[key] += 1
    return parts


def spread(
    amount: Decimal, weights: Mapping[K, int], denominator: int, places: int
) -> tuple[Decimal, dict[K, Decimal]]:
    """``amount * sum(weights) / denominator`` and its parts, as exact decimals.

    ``places`` is the smallest unit of the currency (or of hours); a finer
    amount is counted in its own finer unit.
    """
    fine = places_for(amount, places)
    units = to_units(amount, fine)
    parts = apportion(units, weights, denominator)
    decimals: dict[int, Decimal] = {}
    as_decimal: dict[K, Decimal] = {}
    for key, value in parts.items():
        number = decimals.get(value)
        if number is None:
            number = decimals[value] = from_units(value, fine)
        as_decimal[key] = number
    return from_units(sum(parts.values()), fine), as_decimal


_RATIO = Context(prec=40, rounding=ROUND_HALF_EVEN)
_PERCENT_PLACES = Decimal("0.0001")


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole x 100`` to 4 places; None when ``whole`` is not positive."""
    if whole <= 0:
        return None
    with localcontext(_RATIO):
        ratio = part * 100 / whole
        try:
            return ratio.quantize(_PERCENT_PLACES, rounding=ROUND_HALF_UP)
        except InvalidOperation:  # too many digits to hold 4 places: keep it as is
            return ratio
