"""Checks of a plan's shape: ids and references (``references``: ``check_structure``),
time zone and repeat rules (``schedule``), how complete each step is (``completeness``).

Nothing is imported here: the app's navigator needs ``completeness`` before its
first screen, the reference checks only with the first check after it."""
