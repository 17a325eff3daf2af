"""The content calendar in the formats other tools exchange: spreadsheets and
schedulers' bulk files (CSV, in and out), calendars (iCalendar, out).

Pure functions over the plan model, no Textual; the CLI and the app call the
same ones. See docs/calendar.md.
"""
