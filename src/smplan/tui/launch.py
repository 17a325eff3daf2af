"""Start the app (imported only when the app is opened, to keep `smplan check` fast)."""

from __future__ import annotations

import sys
from pathlib import Path

from smplan.i18n import Lang


def launch(path: Path | None, lang: Lang | None) -> int:
    print("smplan: the app is not available yet", file=sys.stderr)
    return 2
