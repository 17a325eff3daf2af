"""Calendars in and out of other tools: spreadsheets and schedulers (CSV), calendars (iCalendar)."""
