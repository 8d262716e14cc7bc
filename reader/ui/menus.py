"""The window's menu bar: every command with its shortcut, so everything is reachable by keyboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from reader.model import QuoteKind
from reader.ui.corrections import Corrections
from reader.ui.files import FileCommands
from reader.ui.legend import Legend
from reader.ui.navigation import Navigator

CITATION_STYLES = {"plain": "&Plain", "apa": "&APA 7", "chicago": "&Chicago (Notes)"}


@dataclass(frozen=True)
class WindowCommands:
    """What the window itself does: zoom, theme and help."""

    zoom: Callable[[int], None]
    set_dark: Callable[[bool], None]
    dark: bool
    citation_style: str
    set_citation_style: Callable[[str], None]
    search_help: Callable[[], None]
    show_log: Callable[[], object]
    about: Callable[[], None]


@dataclass
class Menus:
    """The menu entries the window changes after start-up."""

    open_action: QAction
    layer_actions: dict[str, QAction]
    dark_action: QAction


def build_menus(window: QMainWindow, files: FileCommands, fix: Corrections, nav: Navigator, legend: Legend,
                docks: Sequence[QDockWidget], own: WindowCommands) -> Menus:
    def action(menu: Any, text: str, slot: Callable[..., Any], shortcut: Any = None,
               checkable: bool = False) -> QAction:
        act = QAction(text, window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        menu.addAction(act)
        window.addAction(act)  # shortcuts work while the menu bar is closed
        return act

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    open_action = action(file_menu, "&Open…", files.choose_file, QKeySequence.StandardKey.Open)
    action(file_menu, "Open &URL…", files.open_url, "Ctrl+L")
    action(file_menu, "Open from &Clipboard", files.paste, QKeySequence.StandardKey.Paste)
    action(file_menu, "Open Clipboard as &Article", files.open_clipboard_text, "Ctrl+Shift+V")
    file_menu.addMenu(files.recent_menu)
    action(file_menu, "Open &Sample Article", files.open_sample)
    action(file_menu, "&Import Folder…", lambda: files.import_folder(), "Ctrl+Shift+I")
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("&Export Quotes")
    action(export_menu, "This &Article…", files.export_article, "Ctrl+E")
    action(export_menu, "This &Speaker's, Across the Library…", files.export_speaker)
    action(export_menu, "Search &Results…", files.export_search)
    action(file_menu, "Export A&nnotated Article…", files.export_annotated, "Ctrl+Shift+E")
    file_menu.addSeparator()
    action(file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu("&Edit")
    action(edit_menu, "&Copy Quote with Citation", files.copy_current_quote, "Ctrl+Shift+C")
    edit_menu.addSeparator()
    action(edit_menu, "Change &Speaker…", lambda: nav.on_current_quote(fix.change_speaker), "F2")
    kind_menu = edit_menu.addMenu("Change &Kind")
    for n, kind in enumerate(QuoteKind, 1):
        action(kind_menu, f"&{kind.capitalize()}", lambda _=False, k=kind: nav.on_current_quote(
            lambda q: fix.set_kind(q, k)), f"Ctrl+Alt+{n}")
    action(edit_menu, "&Not a Quote", lambda: nav.on_current_quote(fix.reject), "Ctrl+Del")
    action(edit_menu, "&Add Quote from Selection…", lambda: nav.on_selection(fix.add_quote), "Ctrl+Shift+A")
    action(edit_menu, "&Merge Speaker Into…", lambda: nav.on_current_speaker(fix.merge), "Ctrl+M")
    edit_menu.addSeparator()
    styles = edit_menu.addMenu("Citation St&yle")
    group = QActionGroup(window)
    for n, (style, label) in enumerate(CITATION_STYLES.items(), 1):
        act = action(styles, label, lambda _=False, s=style: own.set_citation_style(s), f"Ctrl+Alt+Shift+{n}",
                     checkable=True)
        act.setChecked(style == own.citation_style)
        group.addAction(act)

    view_menu = bar.addMenu("&View")
    layer_actions: dict[str, QAction] = {}
    for n, (layer, button) in enumerate(legend.buttons.items(), 1):
        act = action(view_menu, f"Show {layer}", lambda on, b=button: b.setChecked(on), f"Alt+{n}",
                     checkable=True)
        act.setChecked(True)
        button.toggled.connect(act.setChecked)
        layer_actions[layer] = act
    view_menu.addSeparator()
    action(view_menu, "Zoom &In", lambda: own.zoom(+1), QKeySequence.StandardKey.ZoomIn)
    action(view_menu, "Zoom &Out", lambda: own.zoom(-1), QKeySequence.StandardKey.ZoomOut)
    dark_action = action(view_menu, "&Dark Theme", own.set_dark, "Ctrl+Shift+D", checkable=True)
    dark_action.setChecked(own.dark)
    view_menu.addSeparator()
    for dock in docks:
        view_menu.addAction(dock.toggleViewAction())

    go_menu = bar.addMenu("&Go")
    action(go_menu, "&Next Quote", lambda: nav.step_quote(+1), "N")
    action(go_menu, "&Previous Quote", lambda: nav.step_quote(-1), "P")
    action(go_menu, "Next Quote by This &Speaker", lambda: nav.step_quote(+1, same_speaker=True), "Shift+N")
    action(go_menu, "Next &Uncertain Attribution", nav.next_uncertain, "U")
    action(go_menu, "&Search Library", nav.focus_search, QKeySequence.StandardKey.Find)
    action(go_menu, "All Quotes by This Spea&ker", lambda: nav.on_current_speaker(nav.follow_speaker),
           "Ctrl+Shift+F")
    go_menu.addSeparator()
    action(go_menu, "Next &Pane", lambda: nav.cycle_pane(+1), "F6")
    action(go_menu, "Previous P&ane", lambda: nav.cycle_pane(-1), "Shift+F6")

    help_menu = bar.addMenu("&Help")
    action(help_menu, "Search &Syntax", own.search_help)
    action(help_menu, "Show &Log", own.show_log)
    action(help_menu, "&About Quote Reader", own.about)
    return Menus(open_action, layer_actions, dark_action)
