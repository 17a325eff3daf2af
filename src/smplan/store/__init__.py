"""The plan file: read, validate, edit in place, save atomically."""

from smplan.store.plan_file import PlanFile, SaveConflict
from smplan.store.reading import PlanFileError

__all__ = ["PlanFile", "PlanFileError", "SaveConflict"]
