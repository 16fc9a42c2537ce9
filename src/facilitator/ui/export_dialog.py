"""Fil → Eksportér: the documents of a session, saved where the facilitator wants them.

PDFs follow the UI language. The folder chosen last time is offered again, so a day's
exports land together.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
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

from facilitator.store import Store
from facilitator.text import UserError, safe_file_name
from facilitator.ui import labels

EXPORT_FOLDER_KEY = "export_folder"

#: (kind, file suffix): what each choice writes.
KINDS = {
    "sheet": ".pdf",
    "sheets": ".pdf",
    "report": ".pdf",
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


class ExportDialog(QDialog):
    """Choose a document, then where to save it."""

    def __init__(self, store: Store, session_id: int, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.language = language
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Eksportér"))
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(self.tr("Hvad vil du gemme?")))
        self.group = QButtonGroup(self)
        grid = QGridLayout()
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
        layout.addLayout(grid)
        layout.addWidget(
            labels.hint(
                self.tr("Dokumenterne bliver på %1, som programmet er indstillet til.").replace(
                    "%1", self.tr("dansk") if language == "da" else self.tr("engelsk")
                )
            )
        )
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = box.addButton(self.tr("Gem …"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.choose_and_save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def choice(self) -> str:
        return next(kind for kind, button in self.buttons.items() if button.isChecked())

    def suggested_name(self, kind: str) -> str:
        session = self.store.get_session(self.session_id)
        names = {
            "sheet": self.tr("Aftaleark"),
            "partner": self.tr("Aftaleark"),
            "report": self.tr("Sessionsrapport"),
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
        if self.written:
            self.accept()

    def export_to(self, kind: str, target: Path) -> list[Path]:
        """Write the chosen document(s) to `target` (a folder for one sheet per partner)."""
        # ReportLab is loaded on the first export, not at start.
        from facilitator.export import actions_csv, actions_ics, build_pdf, save, take_snapshot

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            snapshot = take_snapshot(self.store, self.session_id)
            language = self.language
            if kind == "sheets":
                written = []
                for partner in snapshot.partners:
                    name = safe_file_name(
                        self.tr("Aftaleark %1 – %2")
                        .replace("%1", partner.organisation or partner.name)
                        .replace("%2", snapshot.session.title)
                    )
                    written.append(
                        save(target / f"{name}.pdf", build_pdf(snapshot, language=language, partner=partner))
                    )
            elif kind == "partner":
                partner = snapshot.partner(self.partner_box.currentData())
                written = [save(target, build_pdf(snapshot, language=language, partner=partner))]
            elif kind == "csv":
                written = [save(target, actions_csv(snapshot, language))]
            elif kind == "ics":
                written = [save(target, actions_ics(snapshot, language))]
            else:
                sheet = {"sheet": "next-steps"}.get(kind, kind)
                data = build_pdf(
                    snapshot,
                    sheet,
                    language,
                    notes=self.notes_box.isChecked(),
                    pagesize=self.size_box.currentText(),
                )
                written = [save(target, data)]
        except UserError as error:
            self.error_label.setText(error.message(self.language))
            self.error_label.show()
            return []
        finally:
            QGuiApplication.restoreOverrideCursor()
        folder = target if kind == "sheets" else target.parent
        with contextlib.suppress(UserError):  # only a convenience for next time
            self.store.set_state(EXPORT_FOLDER_KEY, str(folder))
        self.written = written
        return written

    def summary(self) -> str:
        """What was saved, for the status bar."""
        if len(self.written) == 1:
            return self.tr("Gemt: %1").replace("%1", str(self.written[0]))
        return (
            self.tr("%1 filer gemt i %2")
            .replace("%1", str(len(self.written)))
            .replace("%2", str(self.written[0].parent) if self.written else "")
        )


__all__ = ["EXPORT_FOLDER_KEY", "ExportDialog", "export_folder"]
