"""File commands: open, open recent, import a folder, export quotes, copy a quote with its citation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from reader import service
from reader.model import Opened, SearchHit
from reader.ui.corrections import Corrections
from reader.ui.importer import ProgressTask, folder_import
from reader.ui.navigation import Navigator
from reader.ui.printing import write_pdf
from reader.ui.session import Session

MAX_RECENT = 10
FILE_FILTER = "Articles ({})".format(" ".join(f"*{e}" for e in service.SUPPORTED_EXTENSIONS)) + ";;All files (*)"


class FileCommands:
    """The File menu's commands (and Copy Quote with Citation), with the dialogs they need."""

    def __init__(self, session: Session, nav: Navigator, fix: Corrections, settings: QSettings,
                 parent: QWidget) -> None:
        self.session = session
        self.nav = nav
        self.fix = fix
        self.settings = settings
        self.parent = parent
        self.recent_menu = QMenu("Open &Recent", parent)
        session.opened.connect(self._opened)
        self.refresh_recent()

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    # ------------------------------------------------------------------ opening
    def choose_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, "Open article", self._last_dir(), FILE_FILTER)
        for path in paths:
            self.session.open_path(path)

    def open_url(self) -> None:
        """File › Open URL: an article from its address (the clipboard's, if it holds one)."""
        held = QGuiApplication.clipboard().text().strip()
        url, ok = QInputDialog.getText(self.parent, "Open URL", "Address of the article:",
                                       text=held if service.is_url(held) else "https://")
        if ok and service.is_url(url):
            self.session.open_path(url.strip())
        elif ok:
            self.session.status.emit("That is not a web address (it should start with http:// or https://)")

    def paste(self) -> None:
        """Ctrl+V on the window: open the address or file the clipboard holds."""
        held = QGuiApplication.clipboard().text().strip()
        if service.is_url(held) or (held and Path(held).is_file()):
            self.session.open_path(held)
        else:
            self.session.status.emit("The clipboard holds no web address or file to open")

    def open_clipboard_text(self) -> None:
        """Open Clipboard as Article (Ctrl+Shift+V): text copied from anywhere, read as an article."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.session.status.emit("The clipboard holds no text")
            return
        self.session.open_text(text)

    def open_sample(self) -> None:
        self.session.open_path(str(service.SAMPLE_ARTICLE))

    def import_folder(self, folder: str | None = None) -> ProgressTask | None:
        if not folder:
            folder = QFileDialog.getExistingDirectory(self.parent, "Import a folder of articles", self._last_dir())
        if not folder:
            return None
        job = folder_import(self.session, Path(folder), self.parent)
        job.start()
        return job

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def _opened(self, opened: Opened) -> None:
        path = opened.article.path
        if path and (service.is_url(path) or Path(path).resolve() != service.SAMPLE_ARTICLE.resolve()):
            self.remember(path)

    def remember(self, path: str) -> None:
        if service.is_url(path):
            recent = [p for p in self.recent_files() if p != path]
            self.settings.setValue("recent", [path, *recent][:MAX_RECENT])
            self.refresh_recent()
            return
        path = str(Path(path).resolve())
        self.settings.setValue("last_article", path)
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self.settings.setValue("last_dir", str(Path(path).parent))
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        existing = [p for p in self.recent_files() if service.is_url(p) or Path(p).exists()]
        if existing != self.recent_files():
            self.settings.setValue("recent", existing)
        for n, path in enumerate(existing, 1):
            act = self.recent_menu.addAction(f"&{n % 10} {path if service.is_url(path) else Path(path).name}")
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.session.open_path(p))
        self.recent_menu.setEnabled(bool(existing))

    # ------------------------------------------------------------------ export
    def _export(self, what: str, hits: Callable[[], list[SearchHit]]) -> None:
        start = str(Path(self._last_dir()) / f"{what}.csv")
        path, _ = QFileDialog.getSaveFileName(self.parent, "Export quotes", start,
                                              "CSV (*.csv);;JSON (*.json);;Markdown (*.md)")
        if path:
            self.session.export(path, hits)

    def export_article(self) -> None:
        opened = self.session.current
        if opened is None:
            self.session.status.emit("Open an article first")
            return
        found = [service.hit_for(opened, q) for q in opened.analysis.quotes]
        self._export(Path(opened.article.path or "article").stem + "-quotes", lambda: found)

    def export_annotated(self) -> None:
        """File › Export Annotated Article: the article with its marks, legend, speakers and sources, as a
        self-contained web page or a PDF, for an editor who has no Quote Reader."""
        opened = self.session.current
        if opened is None:
            self.session.status.emit("Open an article first")
            return
        stem = Path(opened.article.path or "article").stem or "article"
        path, _ = QFileDialog.getSaveFileName(self.parent, "Export annotated article",
                                              str(Path(self._last_dir()) / f"{stem}-annotated.html"),
                                              "Web page (*.html);;PDF (*.pdf)")
        if not path:
            return
        page = service.annotated_html(opened)
        try:
            if Path(path).suffix.lower() == ".pdf":
                write_pdf(page, path, opened.article.title or stem)
            else:
                Path(path).write_text(page, encoding="utf-8")
        except OSError as exc:
            self.session.fail(f"Could not write {Path(path).name}: {exc.strerror}")
            return
        self.session.status.emit(f"Exported the annotated article to {Path(path).name}")

    def export_speaker(self) -> None:
        quote = self.nav.view.selected_quote()
        name = self.nav.panel.current_speaker() or (quote.speaker if quote else None)
        if not name:
            self.session.status.emit("Choose a speaker in the panel first")
            return
        self._export(name.replace(" ", "-"), self.session.quotes_by(name))

    def export_search(self) -> None:
        found = list(self.nav.search.hits)
        if not found:
            self.session.status.emit("Search the library first")
            return
        self._export("search-results", lambda: found)

    def copy_current_quote(self) -> None:
        quote = self.nav.view.selected_quote()
        if quote is None:
            self.session.status.emit("Put the cursor in a quote first (N goes to the next one)")
            return
        self.fix.copy(quote)
