"""One pane per step of the method."""
