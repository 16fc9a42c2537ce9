"""English is complete: every UI string is translated, the files match the code, and nothing Danish shows."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit, QTabBar, QTreeView

from facilitator.paths import resource_path
from facilitator.settings import Settings
from facilitator.store import Store
from facilitator.timing import ManualClock
from facilitator.ui.app import Shell, apply_settings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = resource_path("translations")


def _script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts_file: Path) -> list[tuple[str, str, ElementTree.Element]]:
    """(context, Danish source, <message>) for every message in a Linguist file."""
    root = ElementTree.parse(ts_file).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def english() -> dict[tuple[str, str], list[str]]:
    """(context, source) → the English forms (one, or singular and plural)."""
    result = {}
    for context, source, message in messages(TRANSLATIONS / "facilitator_en.ts"):
        translation = message.find("translation")
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        result[(context, source)] = forms
    return result


def test_every_ui_string_has_a_finished_english_translation():
    unfinished = []
    for context, source, message in messages(TRANSLATIONS / "facilitator_en.ts"):
        translation = message.find("translation")
        forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not all(forms):
            unfinished.append(f"{context}: {source!r}")
    assert not unfinished, "no English for:\n" + "\n".join(unfinished)
    assert len(english()) > 500


def test_danish_plurals_are_written_out():
    plurals = messages(TRANSLATIONS / "facilitator_da.ts")
    assert plurals, "the Danish file holds the plural forms"
    for context, source, message in plurals:
        forms = [form.text for form in message.find("translation").iter("numerusform")]
        assert len(forms) == 2, f"{context}: {source!r}"
        assert all(forms), f"{context}: {source!r}"
        assert not any(marker in form for form in forms for marker in ("(e)", "(er)"))


_PLACEHOLDER = re.compile(r"%(?:\d|n)")
_TAG = re.compile(r"</?([a-z0-9]+)")


@pytest.mark.parametrize("check", ["placeholders", "tags", "accelerators"])
def test_translations_keep_what_the_code_fills_in(check):
    wrong = []
    for (context, source), forms in english().items():
        for form in forms:
            if check == "placeholders":
                same = sorted(set(_PLACEHOLDER.findall(source))) == sorted(set(_PLACEHOLDER.findall(form)))
            elif check == "tags":
                same = sorted(_TAG.findall(source)) == sorted(_TAG.findall(form))
            else:
                same = source.replace("&&", "").count("&") == form.replace("&&", "").count("&")
            if not same:
                wrong.append(f"{context}: {source!r} → {form!r}")
    assert not wrong, "\n".join(wrong)


def test_the_translation_files_hold_exactly_the_strings_in_the_code(tmp_path, monkeypatch):
    script = _script()
    for language in script.LANGUAGES:
        (tmp_path / f"facilitator_{language}.ts").write_bytes(
            (TRANSLATIONS / f"facilitator_{language}.ts").read_bytes()
        )
    monkeypatch.setattr(script, "TRANSLATIONS", tmp_path)
    script.update()
    for language in script.LANGUAGES:
        committed = {(c, s) for c, s, _ in messages(TRANSLATIONS / f"facilitator_{language}.ts")}
        fresh = {(c, s) for c, s, _ in messages(tmp_path / f"facilitator_{language}.ts")}
        assert fresh == committed, (
            f"facilitator_{language}.ts is out of date; run `uv run python packaging/translations.py update`, "
            f"translate, then `release`. New: {sorted(fresh - committed)[:5]} Gone: {sorted(committed - fresh)[:5]}"
        )


def test_the_compiled_files_are_built_from_the_sources(tmp_path):
    for written in _script().release(tmp_path):
        assert written.read_bytes() == (TRANSLATIONS / written.name).read_bytes(), (
            f"{written.name} is stale; run `uv run python packaging/translations.py release`"
        )


# In English, the screens show no Danish UI text ------------------------------------------


def _danish_sources() -> set[str]:
    """UI strings whose English differs, without accelerators: seeing one on screen is a miss."""
    found = set()
    for (_context, source), forms in english().items():
        plain = source.replace("&", "").strip(" :…")
        if len(plain) >= 4 and all(form.replace("&", "").strip(" :…") != plain for form in forms):
            found.add(plain)
    return found


def _visible_texts(window) -> set[str]:
    texts = set()
    for widget in window.findChildren(QLabel):
        if widget.isVisibleTo(window):
            texts.add(widget.text())
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window):
            texts.update({widget.text(), widget.toolTip(), widget.accessibleName()})
    for widget in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
        if widget.isVisibleTo(window):
            texts.update({widget.placeholderText(), widget.toolTip(), widget.accessibleName()})
    for bar in window.findChildren(QTabBar):
        texts.update(bar.tabText(index) for index in range(bar.count()))
    # Every tree's column headings, hand-filled or from a model (the next-steps table).
    for tree in window.findChildren(QTreeView):
        model = tree.model()
        if model is not None:
            texts.update(
                str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in range(model.columnCount())
            )
    for action in window.menuBar().actions():
        texts.add(action.text())
        for entry in action.menu().actions():
            texts.update({entry.text(), entry.toolTip()})
    return {text.replace("&", "").strip(" :…") for text in texts if text}


@pytest.mark.parametrize("language", ["en", "da"])
def test_every_step_of_the_demo_day_speaks_english(qtbot, qapp, paths, demo_database, language):
    """Walk the whole demo day in English; any Danish UI string on screen fails the test.

    The same walk in Danish must find plenty, or the watch would be blind.
    """
    demo_database.copy_to(paths.database)
    store = Store(paths.database)
    session_id = demo_database.session_id
    settings = Settings(language=language, welcomed=True)
    apply_settings(qapp, settings)
    clock = ManualClock(dt.datetime(2026, 4, 27, 9, 0).astimezone(dt.UTC))
    shell = Shell(qapp, store, paths, settings, clock=clock)
    window = shell.window
    qtbot.addWidget(window)
    try:
        window.open_session(session_id)
        window.show()
        danish = _danish_sources()
        page = window.session_page
        seen_steps = 0
        misses: dict[str, str] = {}
        for item in page.day.program.items:
            for step in getattr(item, "steps", [item]):
                page.go_to_step(step.id)
                QApplication.processEvents()
                seen_steps += 1
                for text in _visible_texts(window):
                    for source in danish:
                        if source == text or (len(source) > 12 and source in text):
                            misses.setdefault(source, step.id)
        window.show_start_page()
        QApplication.processEvents()
        for text in _visible_texts(window):
            if text in danish:
                misses.setdefault(text, "start page")
        assert seen_steps > 30
        if language == "da":
            assert len(misses) > 100
            return
        assert not misses, "Danish on an English screen:\n" + "\n".join(f"{s!r} ({w})" for s, w in misses.items())
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        window.close()
        store.close()


# Qt's own dialogs follow the app's language -------------------------------------------------


def _file_dialog_texts(qtbot, folder: Path) -> dict[str, str]:
    """The labels and buttons of Qt's own (not the platform's) file dialog, by what they are."""
    from PySide6.QtWidgets import QFileDialog, QPushButton

    dialog = QFileDialog(None, "", str(folder), "*.json")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.text()}
    texts.update({f"button {index}": button.text() for index, button in enumerate(dialog.findChildren(QPushButton))})
    return texts


def test_qt_file_dialogs_speak_danish_throughout(qtbot, qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from facilitator.ui.appearance import install_translators

    install_translators(qapp, "da")
    # Qt's Danish catalogue, from Qt's translations folder, and what the app adds to it.
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Kig i:"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Kig i:"
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "Filer af &type:"
    # The dialog's Type column.
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Mappe"
    danish = _file_dialog_texts(qtbot, tmp_path)
    install_translators(qapp, "en")
    english = _file_dialog_texts(qtbot, tmp_path)
    assert english["lookInLabel"] == "&Look in:"
    assert danish.keys() == english.keys()
    untranslated = {name: text for name, text in danish.items() if text == english[name]}
    assert not untranslated, f"English in Danish file dialogs: {untranslated}"
