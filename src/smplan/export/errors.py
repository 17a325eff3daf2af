"""The one error the export raises: what went wrong, about which file, in words."""

from __future__ import annotations


class ExportError(OSError):
    """The export could not be written (or the plan cannot be exported).

    ``message`` is in the user's language and says what to do; ``path`` is the
    file it is about. The CLI prints ``smplan: PATH: MESSAGE``; the app shows it.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
