"""Answering a modal dialog from a test: the dialog's own event loop runs the answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def answer_dialog(kind: type[QDialog], act: Callable[[QDialog], object], *, wait_ms: int = 500) -> list[str]:
    """Run `act` on the modal dialog of type `kind` once it is open; problems are collected.

    Call it just before the code that opens the dialog. It waits up to `wait_ms` for the
    dialog, so a dialog opened from a queued call (or after background work) is found too.
    """
    problems: list[str] = []

    def handle(tries: int = max(1, wait_ms // 10)) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and tries:
            QTimer.singleShot(10, lambda: handle(tries - 1))
            return
        if not isinstance(dialog, kind):
            problems.append(f"expected {kind.__name__}, found {type(dialog).__name__}")
            if dialog is not None:
                dialog.reject()
            return
        try:
            act(dialog)
        except Exception as error:  # the dialog must never be left open on a failed step
            problems.append(repr(error))
            dialog.reject()

    QTimer.singleShot(0, handle)
    return problems
