"""Everyone quoted across the library: one entry per person, with what the library knows of them, and
their quotes grouped by article, newest first. Rename, merge, add a name, split off quotes: from the
context menu or the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLabel,
    QMenu,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import service
from reader.model import Person, SamePerson, SearchHit
from reader.ui.session import Session
from reader.ui.tables import filter_field, row_table, view_action

COLUMNS = ("Name", "Roles", "Affiliation", "Quotes", "Articles", "First seen", "Last seen", "Named")
AnyIndex = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self.people = people
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        p = self.people[index.row()]
        column = index.column()
        values: tuple[object, ...] = (p.name, ", ".join(p.roles), p.affiliation or "", p.quotes, p.articles,
                                      p.first_seen or "", p.last_seen or "", "named" if p.named else "anonymous")
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column])
        if role == Qt.ItemDataRole.EditRole:  # what the proxy sorts by: numbers as numbers
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and p.aliases:
            return "Also called: " + ", ".join(p.aliases)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return p.name
        return None


class PeopleView(QWidget):
    quote_activated = Signal(object)  # SearchHit: show it in its article
    reloaded = Signal(int)
    quotes_shown = Signal(str)  # whose quotes the lower pane lists

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._select_after: str | None = None
        self.model = PeopleModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.filter = filter_field(self, "Find a person by name or another name…", self.reload)
        self.table = row_table(self, self.proxy, (0, 30, 18, 8, 9, 11, 11, 10), self._menu)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.quotes = QTreeWidget(self)
        self.quotes.setHeaderLabels(["Quotes, by article (newest first)"])
        self.quotes.itemActivated.connect(self._quote_activated)
        self.quotes.itemDoubleClicked.connect(self._quote_activated)
        self.count_label = QLabel("", self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.quotes)
        split.setSizes([400, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)

        self.rename_action = view_action(self, "Rename…", QKeySequence("Ctrl+R"), self.rename)
        self.merge_action = view_action(self, "Merge Into…", QKeySequence("Ctrl+Shift+M"), self.merge)
        self.alias_action = view_action(self, "Add Another Name…", QKeySequence("Ctrl+Shift+N"), self.add_alias)
        self.split_action = view_action(self, "Someone Else Said These…", QKeySequence("Ctrl+Shift+X"), self.split)
        self.quotes.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.quotes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.quotes.customContextMenuRequested.connect(self._quotes_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        session.library_changed.connect(self._refresh)

    def _refresh(self) -> None:
        if self.isVisible():
            self.reload()

    # ------------------------------------------------------------------ contents
    def reload(self) -> None:
        libraries, query = self.session.libraries, self.filter.text()

        def people() -> list[Person]:
            library = libraries.get()
            return library.people(query) if library is not None else []

        self.session.run("people", people, self._listed)

    def _listed(self, people: list[Person]) -> None:
        chosen = [self._select_after] if self._select_after else self.selected_names()
        self._select_after = None
        self.model.set_people(people)
        self.count_label.setText(f"{len(people):,} {'person' if len(people) == 1 else 'people'}")
        if chosen:
            self.select(chosen[0])
        self.reloaded.emit(len(people))

    def selected_names(self) -> list[str]:
        return [str(self.proxy.data(index, Qt.ItemDataRole.UserRole))
                for index in self.table.selectionModel().selectedRows()]

    def select(self, name: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), Qt.ItemDataRole.UserRole) == name:
                self.table.selectRow(row)
                return

    def _selected(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            self.quotes.clear()
            return
        name = names[0]
        libraries = self.session.libraries
        self.session.run("person", lambda: libraries.require().quotes_by(name, limit=2000),
                         lambda hits: self._show_quotes(name, hits))

    def _show_quotes(self, name: str, hits: list[SearchHit]) -> None:
        self.quotes.clear()
        by_article: dict[int, QTreeWidgetItem] = {}
        for hit in sorted(hits, key=lambda h: (h.published or "", h.article_id), reverse=True):
            parent = by_article.get(hit.article_id)
            if parent is None:
                title = hit.article_title or f"Article {hit.article_id}"
                when = f" ({hit.published})" if hit.published else ""
                outlet = f", {hit.outlet}" if hit.outlet else ""
                parent = by_article[hit.article_id] = QTreeWidgetItem([f"{title}{outlet}{when}"])
                self.quotes.addTopLevelItem(parent)
            item = QTreeWidgetItem([" ".join(hit.text.split())])
            item.setData(0, Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(0, hit.text)
            parent.addChild(item)
        self.quotes.expandAll()
        self.quotes_shown.emit(name)

    def _quote_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(hit, SearchHit):
            self.quote_activated.emit(hit)

    # ------------------------------------------------------------------ changes
    def _change(self, what: str, fn: Callable[[service.Library], object], then_select: str | None) -> None:
        """A change to the library's people, in the background, kept in the session's undo history."""
        libraries = self.session.libraries

        def work() -> service.Saved:
            made = fn(libraries.require())
            changes = made if isinstance(made, list) else [made]
            flat = [c for item in changes for c in (item.changes if isinstance(item, service.Saved) else (item,))
                    if isinstance(c, service.Change)]
            return service.Saved(what, tuple(flat))

        def done(saved: service.Saved) -> None:
            self.session.saved(saved)
            self._select_after = then_select
            self.reload()

        self.session.run(f"people-change-{id(work)}", work, done)

    def rename(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        new, ok = QInputDialog.getText(self, "Rename", f"A new name for {names[0]}:", text=names[0])
        if ok and new.strip() and new.strip() != names[0]:
            old, new = names[0], new.strip()
            self._change(f"Renamed {old} to {new}", lambda lib: lib.rename_speaker(old, new), new)

    def merge(self) -> None:
        names = self.selected_names()
        if not names:
            return
        others = [p.name for p in self.model.people if p.name not in names]
        if len(names) >= 2:  # several selected: merge them into the first chosen
            keep, merged = names[0], names[1:]
        else:
            choice, ok = QInputDialog.getItem(self, "Merge", f"{names[0]} is the same person as:", others, 0, True)
            if not ok or not choice.strip():
                return
            keep, merged = choice.strip(), names
        correction = [SamePerson(name, keep) for name in merged]
        self._change(f"Merged {', '.join(merged)} into {keep}",
                     lambda lib: [service.save_correction(lib, None, c) for c in correction], keep)

    def add_alias(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        alias, ok = QInputDialog.getText(self, "Another name", f"Another name for {names[0]}:")
        if ok and alias.strip():
            name, alias = names[0], alias.strip()
            self._change(f"{alias} is another name for {name}", lambda lib: lib.add_alias(name, alias), name)

    def split(self) -> None:
        """Quotes chosen in the lower pane belong to another person (two people with one surname)."""
        names = self.selected_names()
        hits = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.quotes.selectedItems()]
        hits = [h for h in hits if isinstance(h, SearchHit)]
        if len(names) != 1 or not hits:
            self.session.status.emit("Select the quotes that someone else said, in the list of quotes")
            return
        new, ok = QInputDialog.getText(self, "Someone else",
                                       f"Who said these {len(hits)} quotes, rather than {names[0]}?")
        if ok and new.strip():
            name, ids, new = names[0], [h.quote_id for h in hits], new.strip()
            self._change(f"{len(ids)} quotes moved from {name} to {new}",
                         lambda lib: lib.split_speaker(name, ids, new), name)

    def _quotes_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.split_action)
        menu.exec(self.quotes.viewport().mapToGlobal(pos))

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.rename_action, self.merge_action, self.alias_action, self.split_action):
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
