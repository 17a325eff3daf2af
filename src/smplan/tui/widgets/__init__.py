"""Widgets of the app, one family per module."""
