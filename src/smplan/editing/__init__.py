"""Editing a plan's model with undo and redo. No Textual here."""

from smplan.editing.session import Edit, EditSession

__all__ = ["Edit", "EditSession"]
