"""The plan open in the app, without Textual: its live SMART and budget state and the full check."""
