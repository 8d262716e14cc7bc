"""The parts the library's list views share: a table of whole rows, one line each, with columns sized in
characters; actions with a shortcut that works while the view has focus; a field that filters once
typing pauses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

TYPING_PAUSE_MS = 250


def row_table(parent: QWidget, model: QAbstractItemModel, widths: Sequence[int],
              menu: Callable[[QPoint], None]) -> QTableView:
    """A sortable table of whole rows (several may be chosen). ``widths``: each column's width in
    characters; 0 stretches the column."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    header = table.horizontalHeader()
    digits = table.fontMetrics().horizontalAdvance("0")
    for column, chars in enumerate(widths):
        if chars:
            header.resizeSection(column, digits * chars)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setWordWrap(False)  # one line a row: long texts are elided, the whole one in the tooltip
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setAlternatingRowColors(True)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(menu)
    return table


def view_action(widget: QWidget, text: str, key: QKeySequence | None, slot: Callable[[], None]) -> QAction:
    """An action of ``widget`` whose shortcut works while it (or a child of it) has focus."""
    action = QAction(text, widget)
    if key is not None:
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


def filter_field(parent: QWidget, hint: str, on_pause: Callable[[], None]) -> QLineEdit:
    """A field that calls ``on_pause`` once typing in it pauses."""
    field = QLineEdit(parent)
    field.setPlaceholderText(hint)
    field.setClearButtonEnabled(True)
    pause = QTimer(field, singleShot=True, interval=TYPING_PAUSE_MS)
    pause.timeout.connect(on_pause)
    field.textChanged.connect(lambda _t: pause.start())
    return field
