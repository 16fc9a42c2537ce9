"""First start, settings and help: a welcome that offers the demo, a language switch that sticks."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.demo import DEMO_TITLE
from facilitator.settings import SETTINGS_NAME, Settings, load_settings
from facilitator.store import Store
from facilitator.ui.app import Shell, apply_settings, run
from facilitator.ui.appearance import COLOURS, base_point_size
from facilitator.ui.help import AboutDialog, MethodDialog, WelcomeDialog
from facilitator.ui.settings_dialog import SettingsDialog
from tests.ui.modal import answer_dialog


def _shell(qtbot, qapp, paths, settings: Settings | None = None) -> Shell:
    paths.ensure()
    settings = settings if settings is not None else load_settings(paths.settings_dir)[0]
    apply_settings(qapp, settings)
    shell = Shell(qapp, Store(paths.database), paths, settings)
    qtbot.addWidget(shell.window)
    shell.window.show()
    return shell


def _close(shell: Shell) -> None:
    shell.window.close()
    shell.store.close()


def test_the_first_start_welcomes_and_opens_the_filled_demo(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths)
    try:
        problems = answer_dialog(WelcomeDialog, lambda dialog: dialog.demo_button.click())
        shell.window.show_welcome()
        assert not problems
        page = shell.window.session_page
        assert page is not None
        assert shell.store.get_session(page.session_id).title == DEMO_TITLE
        assert len(shell.store.partners(page.session_id)) == 4
        assert load_settings(paths.settings_dir)[0].welcomed
    finally:
        _close(shell)


def test_facilitator_demo_then_the_app_opens_on_the_filled_demo_without_the_welcome(qtbot, qapp, paths):
    from facilitator.__main__ import main

    assert main(["--data-dir", str(paths.data_dir), "demo"]) == 0
    shell = _shell(qtbot, qapp, paths)
    try:
        page = shell.window.session_page
        assert page is not None
        assert shell.store.get_session(page.session_id).title == DEMO_TITLE
        shown: list[bool] = []
        shell.window.show_welcome = lambda: shown.append(True)
        shell.welcome_if_new()
        qtbot.wait(20)
        assert shown == [], "whoever made the demo from the command line needs no welcome"
    finally:
        _close(shell)


def test_the_welcome_comes_once(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths)
    shown: list[bool] = []
    shell.window.show_welcome = lambda: shown.append(True)
    shell.welcome_if_new()
    qtbot.waitUntil(lambda: shown == [True])
    _close(shell)

    (paths.settings_dir / SETTINGS_NAME).write_text(json.dumps({"welcomed": True}), encoding="utf-8")
    again = _shell(qtbot, qapp, paths)
    try:
        again.window.show_welcome = lambda: shown.append(True)
        again.welcome_if_new()
        qtbot.wait(20)
        assert shown == [True]
    finally:
        _close(again)


def test_choosing_english_in_settings_rebuilds_the_window_in_english_on_the_same_session(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    try:
        shell.window.create_demo()
        session_id = shell.window.session_page.session_id
        old = shell.window

        def choose_english(dialog: SettingsDialog) -> None:
            dialog.language.setCurrentIndex(dialog.language.findData("en"))
            dialog.accept()

        problems = answer_dialog(SettingsDialog, choose_english)
        old.show_settings()
        assert not problems
        window = shell.window
        assert window is not old
        qtbot.addWidget(window)
        assert window.language == "en"
        assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Edit", "&Go", "&Day", "&Help"]
        assert window.session_page.session_id == session_id
        assert "partners" in window.session_page.session_facts.text()
        # The program's own English text follows the UI language.
        _part, step = window.session_page.current_step()
        assert step.title.en
        assert window.session_page.step_view.title.text() == step.title.en
        assert json.loads((paths.settings_dir / SETTINGS_NAME).read_text(encoding="utf-8"))["language"] == "en"
    finally:
        _close(shell)

    # Remembered: the next start is in English from the first screen.
    again = _shell(qtbot, qapp, paths)
    try:
        assert again.window.language == "en"
        assert again.window.menuBar().actions()[0].text() == "&File"
    finally:
        _close(again)


def test_in_english_on_the_welcome_switches_and_welcomes_again_in_english(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths)
    try:
        welcomed: list[str] = []
        problems = answer_dialog(WelcomeDialog, lambda dialog: dialog.language_button.click())
        first = shell.window
        first.show_welcome()
        assert not problems
        assert shell.window is not first
        qtbot.addWidget(shell.window)
        assert shell.window.language == "en"
        assert not shell.window.settings.welcomed, "the welcome is offered again, now in English"
        # The new window offers the welcome by itself.
        problems = answer_dialog(WelcomeDialog, lambda dialog: welcomed.append(dialog.windowTitle()) or dialog.reject())
        qtbot.waitUntil(lambda: welcomed != [])
        assert not problems
        assert welcomed == ["Welcome to Facilitator"]
    finally:
        _close(shell)


def test_text_size_and_colours_apply_at_once_and_the_projector_follows(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    window = shell.window
    try:
        window.create_demo()
        base = base_point_size(qapp)
        window.toggle_projector()
        projector = window.projector
        qtbot.addWidget(projector)
        projector.resize(1280, 720)
        before = projector.step_title.font().pixelSize()

        def bigger_and_dark(dialog: SettingsDialog) -> None:
            dialog.text_scale.setCurrentIndex(dialog.text_scale.findData(150))
            dialog.projector_scale.setCurrentIndex(dialog.projector_scale.findData(150))
            dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
            dialog.accept()

        problems = answer_dialog(SettingsDialog, bigger_and_dark)
        window.show_settings()
        assert not problems
        assert shell.window is window, "only a new language rebuilds the window"
        assert abs(qapp.font().pointSizeF() - base * 1.5) < 0.1
        assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == COLOURS["dark"]["window"]
        assert COLOURS["dark"]["text"] in qapp.styleSheet()
        assert projector.step_title.font().pixelSize() >= before * 1.45
        saved = load_settings(paths.settings_dir)[0]
        assert (saved.text_scale, saved.projector_scale, saved.theme) == (150, 150, "dark")
    finally:
        window.close_projector()
        _close(shell)


def test_cancel_in_settings_changes_nothing(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    try:

        def change_then_cancel(dialog: SettingsDialog) -> None:
            dialog.language.setCurrentIndex(dialog.language.findData("en"))
            dialog.reject()

        problems = answer_dialog(SettingsDialog, change_then_cancel)
        window = shell.window
        window.show_settings()
        assert not problems
        assert shell.window is window
        assert window.language == "da"
        assert not (paths.settings_dir / SETTINGS_NAME).exists()
    finally:
        _close(shell)


def test_settings_are_reachable_by_keyboard(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    try:
        action = shell.window.settings_action
        assert action.shortcut().toString() == "Ctrl+,"
        dialog = SettingsDialog(shell.window.settings, shell.window)
        qtbot.addWidget(dialog)
        for box in (dialog.language, dialog.text_scale, dialog.projector_scale, dialog.theme):
            assert box.accessibleName()
    finally:
        _close(shell)


def test_a_broken_settings_file_is_named_in_the_status_bar_and_the_app_starts(qtbot, qapp, paths, demo_database):
    demo_database.copy_to(paths.database)  # someone with sessions gets no welcome, so nothing rewrites the file
    (paths.settings_dir / SETTINGS_NAME).write_text('{"language": "klingon"', encoding="utf-8")
    seen: dict[str, str] = {}

    def shown(app, window) -> None:
        def look() -> None:
            seen["status"] = window.statusBar().currentMessage()
            seen["language"] = window.language
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                dialog.reject()
            QTimer.singleShot(0, window.close)

        QTimer.singleShot(50, look)

    assert run(paths, on_shown=shown) == 0
    assert seen["language"] == "da"
    assert "settings.json" in seen["status"]
    assert "ikke gyldig JSON" in seen["status"]
    assert (paths.settings_dir / SETTINGS_NAME).read_text(encoding="utf-8") == '{"language": "klingon"', (
        "the broken file is left for the facilitator to see"
    )


def test_help_explains_the_method_and_says_where_data_lives(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    try:
        method = MethodDialog(shell.window)
        qtbot.addWidget(method)
        text = method.browser.toPlainText()
        for words in ("forandringscirkel", "Fælles", "Modsatrettede", "Styrker", "Branche/marked", "næste skridt"):
            assert words in text
        about = AboutDialog(paths, shell.store.backups.folder, shell.window)
        qtbot.addWidget(about)
        places = [about.locations.item(row, 1).text() for row in range(about.locations.rowCount())]
        assert str(paths.data_dir) in places
        assert str(paths.settings_dir / SETTINGS_NAME) in places
        assert str(shell.store.backups.folder) in places
        components = {
            about.components.item(row, 0).text(): about.components.item(row, 2).text()
            for row in range(about.components.rowCount())
        }
        assert components["Noto Sans"] == components["Noto Emoji"] == "SIL Open Font License 1.1"
        assert components["PySide6 (Qt for Python)"] == "LGPL v3"
        versions = [about.components.item(row, 1).text() for row in range(about.components.rowCount())]
        assert "?" not in versions
        assert "Copyright" in about.font_licence.toPlainText()
        assert "Noto Emoji" in about.font_licence.toPlainText()
    finally:
        _close(shell)


def test_a_language_switch_the_facilitator_declines_for_unsaved_text_changes_nothing(qtbot, qapp, paths, monkeypatch):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    try:
        window = shell.window
        window.create_demo()
        monkeypatch.setattr(window.session_page, "unsaved_count", lambda: 1)
        asked: list[str] = []

        def keep_open(_parent, title, *_args, **_kwargs):
            asked.append(title)
            return QMessageBox.StandardButton.Cancel

        monkeypatch.setattr(QMessageBox, "warning", staticmethod(keep_open))
        window.change_settings(window.settings.changed(language="en", theme="dark"))
        assert asked == ["Ikke alt er gemt"]
        assert shell.window is window
        assert window.isVisible()
        assert window.settings.language == "da"
        assert window.menuBar().actions()[0].text() == "&Fil"
        assert "Sproget er ikke skiftet" in window.status_message.text()
        saved = load_settings(paths.settings_dir)[0]
        assert (saved.language, saved.theme) == ("da", "dark"), "the colours still change; the language waits"
        assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == COLOURS["dark"]["window"]
    finally:
        monkeypatch.undo()
        _close(shell)


def test_in_english_from_the_help_menu_welcomes_again_even_with_sessions(qtbot, qapp, paths):
    shell = _shell(qtbot, qapp, paths, Settings(welcomed=True))
    try:
        shell.window.create_demo()
        titles: list[str] = []
        problems = answer_dialog(WelcomeDialog, lambda dialog: dialog.language_button.click())
        shell.window.welcome_action.trigger()
        assert not problems
        qtbot.addWidget(shell.window)
        problems = answer_dialog(WelcomeDialog, lambda dialog: titles.append(dialog.windowTitle()) or dialog.reject())
        qtbot.waitUntil(lambda: titles != [])
        assert not problems
        assert titles == ["Welcome to Facilitator"]
    finally:
        _close(shell)
