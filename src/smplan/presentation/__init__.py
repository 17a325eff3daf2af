"""What the app and the export show, worked out without Textual: budget bars and rows, the calendar table's query and cells, a field's text from its value and back."""
