"""The content calendar in the formats other tools exchange: iCalendar (``ics``).

Pure functions over the plan model, no Textual; the CLI and the app's save
call the same ones. See docs/calendar.md.
"""
