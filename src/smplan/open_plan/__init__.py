"""The plan open in the app, without Textual: its owner (:mod:`.plan`), live SMART and budget
state, the full check, the problems list, the save from one snapshot, and the decisions of
recovery, disk watching and failed saves."""
