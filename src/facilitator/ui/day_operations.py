"""Dagen: the facilitator's changes to the running day, its planning, and the day kept as a program.

Commands of the menus that act on the open session. Each does nothing without one, and
builds its dialog on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from facilitator.timing import TimerSettings

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.session_page import SessionPage

translate = QCoreApplication.translate

#: How long a confirmation stays in the status bar.
NOTICE_MS = 10_000


def change_minutes(page: SessionPage) -> None:
    """Ask for the open step's minutes today."""
    if page.current_step_id:
        page.agenda.ask_minutes(page.current_step_id)


def toggle_skip(page: SessionPage) -> None:
    """Skip the open step today, or take it back into the plan."""
    step_id = page.current_step_id
    if step_id:
        page.day.set_skipped(step_id, not page.day.is_skipped(step_id))


def load_timer_settings(store: Store) -> TimerSettings:
    """The timer settings as stored (the defaults where nothing is)."""
    return TimerSettings.from_state(store.get_state)


def save_timer_settings(store: Store, settings: TimerSettings) -> None:
    """Keep the timer settings in the store's app state."""
    for key, value in settings.to_state().items():
        store.set_state(key, value)


def change_timer_settings(window: MainWindow) -> None:
    """Dagen → Timerindstillinger: warning time, sound and flash; the open day uses them at once."""
    from facilitator.ui.dialogs import TimerSettingsDialog

    page = window.session_page
    current = window.operations.run(lambda: load_timer_settings(window.store))
    dialog = TimerSettingsDialog(current.value if current.ok else TimerSettings(), window)
    if dialog.exec() != TimerSettingsDialog.DialogCode.Accepted:
        return
    settings = dialog.settings()
    # Used today even if it could not be kept for next time (the status bar says so).
    window.operations.run(lambda: save_timer_settings(window.store, settings))
    if page is not None:
        page.day.settings = settings
        page.day.refresh()


def save_day_as_program(window: MainWindow) -> None:
    """Fil → Gem dagen som program: today's adapted program as a new program file for later sessions."""
    from facilitator.program.writer import save_program_file
    from facilitator.timing import planned_program

    page = window.session_page
    if page is None:
        return
    program = page.context.program
    suggestion = translate("DayOperations", "%1 (tilpasset)").replace("%1", program.title.get(window.language))
    title, accepted = QInputDialog.getText(
        window,
        translate("DayOperations", "Gem dagen som program"),
        translate("DayOperations", "Navn på det nye program:"),
        text=suggestion,
    )
    if not accepted:
        return

    def save():
        session = window.store.get_session(page.session_id)
        return save_program_file(
            planned_program(program, page.day.plan),
            window.paths.user_programs_dir,
            title,
            f"Gemt fra sessionen »{session.title}« med facilitatorens tilpasninger.",
        )

    saved = window.operations.run(save)
    if saved.ok:
        window.show_notice(
            translate("DayOperations", "Programmet er gemt: %1").replace("%1", str(saved.value)), NOTICE_MS
        )


def show_planning(window: MainWindow) -> None:
    """Dagen → Planlægning og indbydelse: the guide's checklist and an invitation to copy."""
    from facilitator.guidance import load_guidance
    from facilitator.ui.planning import PlanningDialog

    page = window.session_page
    if page is None:
        return
    guidance = window.operations.run(load_guidance)
    if guidance.ok:
        PlanningDialog(page.day, guidance.value, window).exec()


def show_value_forms(window: MainWindow) -> None:
    """Which value forms the partners' elements carry, for the whole day or one delsession."""
    from facilitator.ui.value_chart import ValueFormsDialog

    page = window.session_page
    if page is None:
        return
    page.flush()
    dialog = ValueFormsDialog(window.store, page.session_id, window.language, window)
    dialog.panel.chart.topic_requested.connect(page.show_guidance)
    dialog.exec()


__all__ = [
    "change_minutes",
    "change_timer_settings",
    "load_timer_settings",
    "save_day_as_program",
    "save_timer_settings",
    "show_planning",
    "show_value_forms",
]
