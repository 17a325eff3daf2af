"""The architecture rules, read from the source: every module under src/ is parsed, none imported.

- the core (everything but ``smplan.tui`` and the command line that starts it)
  never imports the interface or Textual;
- no widget, pane or screen module imports the app class (not even for typing):
  they ask the app through ``smplan.tui.host.PlanHost``;
- no module imports a private Textual name or reads a private attribute of
  another object; the few places where Textual 8.2.8 has no public way are
  listed here with their reason, so a new one fails until it is looked at.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "smplan"
#: Modules that start the interface: they may import it, lazily.
LAUNCHERS = {"smplan.cli", "smplan.__main__"}
#: Where widgets live: none of them may import the app class.
WIDGET_PACKAGES = ("smplan.tui.widgets", "smplan.tui.panes", "smplan.tui.screens")
#: Private reads that have no public way, by module: (object name, attribute).
ALLOWED_PRIVATE = {
    # Our own model's private origin index, set by the store that reads it.
    "smplan.store.diff": {("item", "_origin"), ("model", "_origin")},
    "smplan.store.plan_file": {("item", "_origin"), ("plan_file", "_marker_findings")},
    # The exit after a hang-up must not wait for threads (tui/guard/signals.py).
    "smplan.tui.guard.signals": {("os", "_exit")},
}
#: Private Textual modules imported, by module (same reason as above): none today.
ALLOWED_PRIVATE_TEXTUAL: dict[str, set[str]] = {}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imports(tree: ast.Module) -> Iterator[tuple[str, list[str]]]:
    """Every import anywhere in the module (lazy and TYPE_CHECKING ones too): module, names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]


def _is_private(dotted: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))


MODULES = dict(_modules())


def test_the_walk_sees_the_whole_package() -> None:
    assert "smplan.tui.app" in MODULES
    assert "smplan.open_plan.smart_state" in MODULES
    assert len(MODULES) > 100


def test_the_core_never_imports_the_interface_or_textual() -> None:
    wrong = []
    for name, tree in MODULES.items():
        if name.startswith("smplan.tui") or name in LAUNCHERS:
            continue
        for module, _names in _imports(tree):
            if module.split(".")[0] == "textual" or module.startswith("smplan.tui"):
                wrong.append(f"{name} imports {module}")
    assert wrong == []


def _reaches_the_interface(tree: ast.Module) -> list[str]:
    """The modules of Textual or of ``smplan.tui`` that ``tree`` imports, anywhere in it."""
    return [
        module
        for module, _names in _imports(tree)
        if module.split(".")[0] == "textual" or module.startswith("smplan.tui")
    ]


def test_the_open_plan_owner_never_imports_textual_or_the_interface() -> None:
    """The plan's owner reports through plain callbacks: the app makes signals of them."""
    owner = {name: tree for name, tree in MODULES.items() if name.startswith("smplan.open_plan")}
    assert {"smplan.open_plan.plan", "smplan.open_plan.problems"} <= set(owner)
    assert {name: _reaches_the_interface(tree) for name, tree in owner.items()} == {
        name: [] for name in owner
    }


def test_the_interface_rule_sees_lazy_and_typing_imports() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from smplan.tui.host import PlanHost\n"
        "def later() -> None:\n"
        "    from textual.signal import Signal\n"
        "    import smplan.tui.app\n"
    )
    assert _reaches_the_interface(ast.parse(source)) == [
        "smplan.tui.host",
        "textual.signal",
        "smplan.tui.app",
    ]


#: The edit session's own hooks: only the plan's owner (open_plan/plan.py) touches them.
SESSION_HOOKS = {"session", "on_refused", "locked"}


def test_the_guard_follows_the_plan_owner_not_the_edit_session() -> None:
    """Recovery, lock, disk watch, signals and save failures hear of edits and refusals
    through the app's signals, and read the plan through ``open_plan``."""
    guard = {name: tree for name, tree in MODULES.items() if name.startswith("smplan.tui.guard")}
    assert {"smplan.tui.guard.recovery", "smplan.tui.guard.lock", "smplan.tui.guard.disk"} <= set(
        guard
    )
    wrong = [
        f"{name}:{node.lineno}: {ast.unparse(node)}"
        for name, tree in guard.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in SESSION_HOOKS
    ]
    assert wrong == []


def test_nothing_imports_the_old_guard_module() -> None:
    """The guard is one module per part now (tui/guard/): the single module is gone."""
    assert "smplan.tui.plan_guard" not in MODULES
    wrong = [
        f"{name} imports {module}"
        for name, tree in MODULES.items()
        for module, _names in _imports(tree)
        if module.startswith("smplan.tui.plan_guard")
    ]
    assert wrong == []


def test_no_widget_pane_or_screen_imports_the_app_class() -> None:
    wrong = []
    for name, tree in MODULES.items():
        if not name.startswith(WIDGET_PACKAGES):
            continue
        for module, names in _imports(tree):
            if module == "smplan.tui.app" or "SmplanApp" in names:
                wrong.append(f"{name} imports {module}")
    assert wrong == []


def test_no_module_imports_a_private_textual_name() -> None:
    wrong = []
    for name, tree in MODULES.items():
        allowed = ALLOWED_PRIVATE_TEXTUAL.get(name, set())
        for module, names in _imports(tree):
            if module.split(".")[0] != "textual":
                continue
            private = [n for n in names if n.startswith("_")]
            if (_is_private(module) and module not in allowed) or private:
                wrong.append(f"{name}: from {module} import {', '.join(names)}")
    assert wrong == []


def test_no_module_reads_private_attributes_of_other_objects() -> None:
    wrong = []
    for name, tree in MODULES.items():
        allowed = ALLOWED_PRIVATE.get(name, set())
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not _is_private(node.attr):
                continue
            owner = ast.unparse(node.value)
            if owner in {"self", "cls", "super()"} or (owner, node.attr) in allowed:
                continue
            wrong.append(f"{name}:{node.lineno}: {owner}.{node.attr}")
    assert wrong == []


def test_the_allowed_exceptions_are_still_there() -> None:
    """An exception nobody needs any more is removed from the lists above."""
    for name, pairs in ALLOWED_PRIVATE.items():
        seen = {
            (ast.unparse(node.value), node.attr)
            for node in ast.walk(MODULES[name])
            if isinstance(node, ast.Attribute)
        }
        assert pairs <= seen, name


#: Textual's own private attributes: not even a node's own (``self._bindings``).
#: Bindings go through ``BINDINGS``, ``active_bindings`` and ``set_keymap`` (keys.py).
TEXTUAL_PRIVATE_ATTRIBUTES = {
    "_bindings",
    "_merged_bindings",
    "_keymap",
    "_binding_chain",
    "_modal_binding_chain",
    "_nodes",
    "_blocks",
    "_content",
}
#: Modules allowed Textual's private attributes: none (the public API does everything).
TEXTUAL_PRIVATE_HOMES: set[str] = set()


def test_textual_private_attributes_are_used_nowhere() -> None:
    wrong = [
        f"{name}:{node.lineno}: {ast.unparse(node)}"
        for name, tree in MODULES.items()
        if name not in TEXTUAL_PRIVATE_HOMES
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in TEXTUAL_PRIVATE_ATTRIBUTES
    ]
    assert wrong == []


def test_no_private_attribute_is_read_by_its_name() -> None:
    """``getattr(app, "_keymap")`` is a private read too, hidden from the check above."""
    wrong = [
        f"{name}:{node.lineno}: {ast.unparse(node)}"
        for name, tree in MODULES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"getattr", "setattr", "hasattr", "delattr"}
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
        and _is_private(node.args[1].value)
    ]
    assert wrong == []
