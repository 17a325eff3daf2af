"""Help: every key binding, grouped, with the keys in force (remaps included)."""

from __future__ import annotations

from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from smplan.i18n import t
from smplan.tui.host import PlanHost
from smplan.tui.keys import HELP_KEYS, all_key_groups, bindings, remappable
from smplan.tui.markup import escape
from smplan.tui.screens.described import DescribedKeys


class HelpScreen(DescribedKeys, ModalScreen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = bindings(HELP_KEYS)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static(
                f"[b]{t('help.title')}[/b]\n{t('help.intro')}\n{t('progress.help')}",
                classes="dialog-title",
            )
            # The user's remaps, as the app gave them to Textual's set_keymap.
            keymap = remappable(cast(PlanHost, self.app).user_keymap)
            groups = all_key_groups()
            shown: dict[str, str] = {}
            for keys in groups.values():
                for key in keys:
                    chosen = keymap.get(key.id, key.keys)
                    shown[key.id] = ", ".join(
                        self.app.get_key_display(Binding(k.strip(), "")) for k in chosen.split(",")
                    )
            # As wide as the widest keys: at 80 columns the descriptions need the room.
            width = max(map(len, shown.values())) + 2
            lines: list[str] = []
            for group, keys in groups.items():
                if lines:
                    lines.append("")
                lines.append(f"[b]{t(f'help.group.{group}')}[/b]")
                for key in keys:
                    display = escape(f"{shown[key.id]:<{width}}")
                    lines.append(f"  {display}{t(f'key.{key.id}')}  [dim]({key.id})[/dim]")
            lines.append(f"\n{t('help.remap')}")
            yield Static("\n".join(lines), id="help-keys")
