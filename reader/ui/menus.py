"""The window's menu bar: every command with its shortcut, so everything is reachable by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


@dataclass
class Menus:
    """The menu entries the window changes after start-up."""

    open_action: QAction
    recent_menu: QMenu
    layer_actions: dict[str, QAction]
    dark_action: QAction


def build_menus(w: MainWindow) -> Menus:
    def action(menu: Any, text: str, slot: Callable[..., Any], shortcut: Any = None,
               checkable: bool = False) -> QAction:
        act = QAction(text, w)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        menu.addAction(act)
        w.addAction(act)  # shortcuts work while the menu bar is closed
        return act

    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    open_action = action(file_menu, "&Open…", w.choose_file, QKeySequence.StandardKey.Open)
    recent_menu = file_menu.addMenu("Open &Recent")
    action(file_menu, "Open &Sample Article", w.open_sample)
    action(file_menu, "&Import Folder…", w.import_folder, "Ctrl+Shift+I")
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("&Export Quotes")
    action(export_menu, "This &Article…", w.export_article, "Ctrl+E")
    action(export_menu, "This &Speaker's, Across the Library…", w.export_speaker)
    action(export_menu, "Search &Results…", w.export_search)
    file_menu.addSeparator()
    action(file_menu, "&Quit", w.close, QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu("&Edit")
    action(edit_menu, "&Copy Quote with Citation", w.copy_current_quote, "Ctrl+Shift+C")
    edit_menu.addSeparator()
    fix = w.corrections
    action(edit_menu, "Change &Speaker…", lambda: w.on_current_quote(fix.change_speaker), "F2")
    kind_menu = edit_menu.addMenu("Change &Kind")
    for n, kind in enumerate(("direct", "indirect", "mixed"), 1):
        action(kind_menu, f"&{kind.capitalize()}", lambda _=False, k=kind: w.on_current_quote(
            lambda q: fix.set_kind(q, k)), f"Ctrl+Alt+{n}")
    action(edit_menu, "&Not a Quote", lambda: w.on_current_quote(fix.reject), "Ctrl+Del")
    action(edit_menu, "&Add Quote from Selection…", w.add_selected_quote, "Ctrl+Shift+A")
    action(edit_menu, "&Merge Speaker Into…", lambda: w.on_current_speaker(fix.merge), "Ctrl+M")

    view_menu = bar.addMenu("&View")
    layer_actions: dict[str, QAction] = {}
    for n, (layer, button) in enumerate(w.legend.buttons.items(), 1):
        act = action(view_menu, f"Show {layer}", lambda on, b=button: b.setChecked(on), f"Alt+{n}",
                     checkable=True)
        act.setChecked(True)
        button.toggled.connect(act.setChecked)
        layer_actions[layer] = act
    view_menu.addSeparator()
    action(view_menu, "Zoom &In", lambda: w.zoom(+1), QKeySequence.StandardKey.ZoomIn)
    action(view_menu, "Zoom &Out", lambda: w.zoom(-1), QKeySequence.StandardKey.ZoomOut)
    dark_action = action(view_menu, "&Dark Theme", w.set_dark, "Ctrl+Shift+D", checkable=True)
    dark_action.setChecked(w.theme.dark)
    view_menu.addSeparator()
    view_menu.addAction(w.speakers_dock.toggleViewAction())
    view_menu.addAction(w.search_dock.toggleViewAction())
    view_menu.addAction(w.chart_dock.toggleViewAction())

    go_menu = bar.addMenu("&Go")
    action(go_menu, "&Next Quote", lambda: w.step_quote(+1), "N")
    action(go_menu, "&Previous Quote", lambda: w.step_quote(-1), "P")
    action(go_menu, "Next Quote by This &Speaker", lambda: w.step_quote(+1, same_speaker=True),
           "Shift+N")
    action(go_menu, "&Search Library", w.focus_search, QKeySequence.StandardKey.Find)
    action(go_menu, "All Quotes by This Spea&ker", lambda: w.on_current_speaker(w.follow_speaker),
           "Ctrl+Shift+F")
    go_menu.addSeparator()
    action(go_menu, "Next &Pane", lambda: w.cycle_pane(+1), "F6")
    action(go_menu, "Previous P&ane", lambda: w.cycle_pane(-1), "Shift+F6")

    help_menu = bar.addMenu("&Help")
    action(help_menu, "Search &Syntax", w.show_search_help)
    action(help_menu, "&About Quote Reader", w.show_about)
    return Menus(open_action, recent_menu, layer_actions, dark_action)
