"""Fil → Eksportér: the documents of a session, saved where the facilitator wants them.

PDFs follow the UI language. The folder chosen last time is offered again, so a day's
exports land together. Every document is written off the GUI thread: the dialog closes once
the place is chosen, and the window (timers, projector, typing) goes on while the status
bar shows the work; then it says where the file went, or a message box says why not.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.text import UserError, safe_file_name
from facilitator.ui import labels
from facilitator.ui.operations import BackgroundRunner, Operations, in_label, message_box

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.main_window import MainWindow

EXPORT_FOLDER_KEY = "export_folder"

#: (kind, file suffix): what each choice writes.
KINDS = {
    "sheet": ".pdf",
    "sheets": ".pdf",
    "report": ".pdf",
    "status": ".pdf",
    "templates": ".pdf",
    "invitation": ".pdf",
    "csv": ".csv",
    "ics": ".ics",
}


def export_folder(store: Store) -> Path:
    """Where the save dialog opens: the last export folder, else the user's documents."""
    remembered = store.get_state(EXPORT_FOLDER_KEY)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def export_documents(window: MainWindow) -> None:
    """Fil → Eksportér: the next-steps sheets, the report, templates, invitation, CSV, calendar."""
    page = window.session_page
    if page is None:
        return
    # Exports show what is on screen, including words typed a moment ago.
    page.flush()
    dialog = ExportDialog(window.store, page.session_id, window.language, window, runner=window.runner)
    dialog.saved.connect(lambda summary: window.show_notice(summary, 10_000))
    dialog.done_writing.connect(dialog.deleteLater)
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        dialog.deleteLater()


class ExportDialog(QDialog):
    """Choose a document, then where to save it.

    `runner` is the window's, so no two slow operations ever overlap; without one the
    dialog keeps its own.
    """

    #: The document(s) are written (after the dialog has closed): what to tell the user.
    saved = Signal(str)
    #: The background work is over, written or not: the dialog is no longer needed.
    done_writing = Signal()

    def __init__(
        self,
        store: Store,
        session_id: int,
        language: str,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.language = language
        self.written: list[Path] = []
        self.runner = runner if runner is not None else BackgroundRunner(language, parent or self)
        self.setWindowTitle(self.tr("Eksportér"))
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(self.tr("Hvad vil du gemme?")))
        self.group = QButtonGroup(self)
        # One widget, so the choices can be greyed out together while a document is built.
        self.choices = QWidget()
        grid = QGridLayout(self.choices)
        grid.setContentsMargins(0, 0, 0, 0)
        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName(self.tr("Partner"))
        for partner in store.partners(session_id):
            self.partner_box.addItem(partner.organisation or partner.name, partner.id)
        self.notes_box = QCheckBox(self.tr("Med mine egne noter til trinnene"))
        self.size_box = QComboBox()
        self.size_box.addItems(["A4", "A3"])
        self.size_box.setAccessibleName(self.tr("Papirstørrelse"))
        choices = [
            ("sheet", self.tr("&Aftaleark – fælles for alle partnere (PDF)"), None),
            (
                "sheets",
                self.tr("Aftaleark til &hver partner, med partnerens egne handlinger først (én PDF pr. partner)"),
                None,
            ),
            ("partner", self.tr("Aftaleark til &én partner (PDF):"), self.partner_box),
            ("report", self.tr("&Fuld sessionsrapport (PDF)"), self.notes_box),
            ("status", self.tr("Stat&usrapport: aftalernes lys, status og kommentarer (PDF)"), None),
            ("templates", self.tr("&Tomme skabeloner til papir (PDF):"), self.size_box),
            ("invitation", self.tr("&Invitation med program og klokkeslæt (PDF)"), None),
            ("csv", self.tr("&Handlinger som regneark (CSV til Excel)"), None),
            ("ics", self.tr("&Frister som kalender (.ics)"), None),
        ]
        self.buttons: dict[str, QRadioButton] = {}
        for row, (kind, text, extra) in enumerate(choices):
            button = QRadioButton(text)
            self.group.addButton(button, row)
            self.buttons[kind] = button
            grid.addWidget(button, row, 0)
            if extra is not None:
                grid.addWidget(extra, row, 1)
        self.buttons["sheet"].setChecked(True)
        has_partners = self.partner_box.count() > 0
        self.buttons["sheets"].setEnabled(has_partners)
        self.buttons["partner"].setEnabled(has_partners)
        layout.addWidget(self.choices)
        layout.addWidget(
            labels.hint(
                self.tr("Dokumenterne bliver på %1, som programmet er indstillet til.").replace(
                    "%1", self.tr("dansk") if language == "da" else self.tr("engelsk")
                )
            )
        )
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        self.operations = Operations(language, in_label(self.error_label))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = box.addButton(self.tr("Gem …"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.choose_and_save)
        box.rejected.connect(self.reject)
        self.button_box = box
        layout.addWidget(box)

    def choice(self) -> str:
        return next(kind for kind, button in self.buttons.items() if button.isChecked())

    def suggested_name(self, kind: str) -> str:
        session = self.store.get_session(self.session_id)
        names = {
            "sheet": self.tr("Aftaleark"),
            "partner": self.tr("Aftaleark"),
            "report": self.tr("Sessionsrapport"),
            "status": self.tr("Statusrapport"),
            "templates": self.tr("Skabeloner"),
            "invitation": self.tr("Invitation"),
            "csv": self.tr("Handlinger"),
            "ics": self.tr("Frister"),
        }
        extra = f" {self.partner_box.currentText()}" if kind == "partner" else ""
        extra += f" {self.size_box.currentText()}" if kind == "templates" else ""
        return safe_file_name(f"{names[kind]}{extra} – {session.title}") + KINDS.get(kind, ".pdf")

    def choose_and_save(self) -> None:
        """Ask where, then write; the dialog stays open with the reason if it fails."""
        kind = self.choice()
        folder = export_folder(self.store)
        if kind == "sheets":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Vælg mappe til aftaleark"), str(folder))
            if not chosen:
                return
            self.export_to(kind, Path(chosen))
        else:
            suffix = KINDS.get(kind, ".pdf")
            filters = {
                ".pdf": self.tr("PDF (*.pdf)"),
                ".csv": self.tr("CSV (*.csv)"),
                ".ics": self.tr("Kalender (*.ics)"),
            }
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Gem som"), str(folder / self.suggested_name(kind)), filters[suffix]
            )
            if not path:
                return
            target = Path(path)
            if target.suffix.lower() != suffix:
                target = target.with_name(target.name + suffix)
            self.export_to(kind, target)

    def export_to(self, kind: str, target: Path) -> None:
        """Write the chosen document(s) to `target` (a folder for one sheet per partner).

        Everything runs on the window's worker, the reading of the session included: the
        dialog closes at once and the status bar shows the work, then where it went.
        """
        folder = target if kind == "sheets" else target.parent
        # Another document (or an import) still being written: say so here, the dialog stays.
        if self.runner.refuse_while_busy(self.operations.report):
            return
        window = self.parentWidget()
        report = (
            message_box(window, self.tr("Eksporten lykkedes ikke")) if window is not None else self.operations.report
        )
        started = self.runner.run(
            self._writer(kind, target),
            label=self._working_label(kind),
            report=report,
            on_success=lambda written: self._saved(written, folder),
            on_failure=lambda _message: self.done_writing.emit(),
            parent=window,
        )
        if started:
            self.accept()

    def _working_label(self, kind: str) -> str:
        return {
            "sheet": self.tr("Gemmer aftalearket …"),
            "sheets": self.tr("Gemmer aftalearkene …"),
            "partner": self.tr("Gemmer aftalearket …"),
            "report": self.tr("Gemmer sessionsrapporten …"),
            "status": self.tr("Gemmer statusrapporten …"),
            "templates": self.tr("Gemmer skabelonerne …"),
            "invitation": self.tr("Gemmer invitationen …"),
            "csv": self.tr("Gemmer handlingerne …"),
            "ics": self.tr("Gemmer fristerne …"),
        }[kind]

    def _writer(self, kind: str, target: Path) -> Callable[[], list[Path]]:
        """Read the session and write the files: only plain values are taken from the widgets here.

        The session is read in the worker too (40-100 ms for a full day): the page has saved
        what was typed before the dialog opened, and each read is one consistent transaction
        of a WAL database, which the GUI thread may keep writing to meanwhile. Qt's
        translations are taken here, since a worker thread must not ask Qt to translate.
        The PDFs are built in the export's own process (`facilitator.export.process`), so
        ReportLab never holds the interpreter the window's thread needs.
        """
        store, session_id, language = self.store, self.session_id, self.language
        sheet_name = self.tr("Aftaleark %1 – %2")
        partner_id = self.partner_box.currentData()
        notes, pagesize = self.notes_box.isChecked(), self.size_box.currentText()
        sheet = {"sheet": "next-steps"}.get(kind, kind)

        def write() -> list[Path]:
            from facilitator.export import actions_csv, actions_ics, build_pdf, save, take_snapshot
            from facilitator.export.process import build_elsewhere

            snapshot = take_snapshot(store, session_id)
            if kind == "sheets":
                written = []
                for partner in snapshot.partners:
                    owner = partner.organisation or partner.name
                    name = safe_file_name(sheet_name.replace("%1", owner).replace("%2", snapshot.session.title))
                    written.append(
                        save(
                            target / f"{name}.pdf",
                            build_elsewhere(build_pdf, snapshot, language=language, partner=partner),
                        )
                    )
                return written
            if kind == "partner":
                partner = snapshot.partner(partner_id)
                return [save(target, build_elsewhere(build_pdf, snapshot, language=language, partner=partner))]
            if kind == "csv":
                return [save(target, actions_csv(snapshot, language))]
            if kind == "ics":
                return [save(target, actions_ics(snapshot, language))]
            return [save(target, build_elsewhere(build_pdf, snapshot, sheet, language, notes=notes, pagesize=pagesize))]

        return write

    def _saved(self, written: list[Path], folder: Path) -> None:
        with contextlib.suppress(UserError):  # only a convenience for next time
            self.store.set_state(EXPORT_FOLDER_KEY, str(folder))
        self.written = written
        self.saved.emit(self.summary())
        self.done_writing.emit()

    def summary(self) -> str:
        """What was saved, for the status bar."""
        if len(self.written) == 1:
            return self.tr("Gemt: %1").replace("%1", str(self.written[0]))
        return (
            self.tr("%1 filer gemt i %2")
            .replace("%1", str(len(self.written)))
            .replace("%2", str(self.written[0].parent) if self.written else "")
        )


__all__ = ["EXPORT_FOLDER_KEY", "ExportDialog", "export_documents", "export_folder"]
