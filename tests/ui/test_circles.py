"""Circles, review and joint forms, driven like a facilitator typing from paper."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from facilitator.store import Store
from facilitator.ui.workspaces.circles import CircleWorkspace
from facilitator.ui.workspaces.joint_form import JointFormWorkspace
from facilitator.ui.workspaces.review import ReviewWorkspace
from facilitator.ui.workspaces.template import TemplateWorkspace
from tests.full_disk import FULL_DISK


def _type(qtbot, text: str, key=Qt.Key.Key_Return) -> None:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, key)


def _tab(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_change_circles_for_two_partners_typed_by_keyboard_alone_survive_a_restart(app_runner, qtbot, session_id):
    window, page, workspace = app_runner.open_step("delsession-1-individuelt")
    assert isinstance(workspace, CircleWorkspace)
    assert workspace.current_partner().name == "Mette Kjær"
    assert QApplication.focusWidget() is workspace.canvas.cards["what"].entry, "ready to type at once"

    # Mette's circle: two answers to the first question, then Tab on to the next ones.
    _type(qtbot, "Færre oversvømmelser")
    _type(qtbot, "Mere natur ved fjorden")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # an empty Enter adds nothing
    _tab(qtbot)
    assert QApplication.focusWidget() is workspace.canvas.cards["why"].entry
    _type(qtbot, "Kystplanen revideres i 2027")
    # Tab into a question that already has an element adds to it, never types over it.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is workspace.canvas.cards["what"].entry
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is workspace.canvas.cards["what"].lines[-1].edit
    assert not workspace.canvas.cards["what"].lines[-1].edit.hasSelectedText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    _type(qtbot, "Levende strandenge")
    _tab(qtbot)
    _type(qtbot, "Fordi havet stiger")
    _tab(qtbot)
    _type(qtbot, "Borgerne i de lave byer")
    _tab(qtbot)
    _type(qtbot, "Én fælles plan")

    # Ctrl+PgDown: Jonas, with the cursor in his first question.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_partner().name == "Jonas Friis"
    assert QApplication.focusWidget() is workspace.canvas.cards["what"].entry
    _type(qtbot, "Renseanlægget sikret")
    _tab(qtbot)
    _type(qtbot, "Rent vand i bugten")

    window = app_runner.restart()
    store = app_runner.store
    partners = {partner.id: partner.name for partner in store.partners(session_id)}
    found = [(partners[e.partner_id], e.field, e.text) for e in store.elements(session_id, kind="change")]
    assert found == [
        ("Mette Kjær", "what", "Færre oversvømmelser"),
        ("Mette Kjær", "what", "Mere natur ved fjorden"),
        ("Mette Kjær", "what", "Levende strandenge"),
        ("Mette Kjær", "why", "Kystplanen revideres i 2027"),
        ("Mette Kjær", "why", "Fordi havet stiger"),
        ("Mette Kjær", "who", "Borgerne i de lave byer"),
        ("Mette Kjær", "how", "Én fælles plan"),
        ("Jonas Friis", "what", "Renseanlægget sikret"),
        ("Jonas Friis", "why", "Rent vand i bugten"),
    ]
    # And the app shows them where they were typed.
    page = window.session_page
    assert page.current_step_id == "delsession-1-individuelt"
    workspace = page.current_workspace()
    QApplication.processEvents()
    assert QApplication.focusWidget() is workspace.canvas.cards["what"].entry, "reopened, still ready to type"
    shown = [line.edit.text() for line in workspace.canvas.cards["what"].lines]
    assert shown == ["Færre oversvømmelser", "Mere natur ved fjorden", "Levende strandenge"]


def test_editing_an_element_saves_it_and_emptying_it_removes_it_undoably(app_runner, qtbot, session_id):
    window, page, workspace = app_runner.open_step("delsession-1-individuelt")
    _type(qtbot, "Færre oversvømmelser")
    _type(qtbot, "Levende strandenge")
    store = app_runner.store
    first, second = workspace.canvas.cards["what"].lines

    first.edit.setFocus()
    first.edit.end(False)
    qtbot.keyClicks(first.edit, " ved fjorden")
    qtbot.keyClick(first.edit, Qt.Key.Key_Return)  # saves and moves on to the next element
    assert QApplication.focusWidget() is second.edit
    assert [e.text for e in store.elements(session_id)] == ["Færre oversvømmelser ved fjorden", "Levende strandenge"]

    second.edit.selectAll()
    qtbot.keyClick(second.edit, Qt.Key.Key_Delete)
    page.agenda.setFocus()  # leaving the emptied line removes the element
    assert [e.text for e in store.elements(session_id)] == ["Færre oversvømmelser ved fjorden"]
    assert "Levende strandenge" in window.statusBar().currentMessage()

    assert window.undo_action.isEnabled()
    assert "Levende strandenge" in window.undo_action.text()
    window.undo_action.trigger()
    assert [e.text for e in store.elements(session_id)] == ["Færre oversvømmelser ved fjorden", "Levende strandenge"]
    assert [line.edit.text() for line in workspace.canvas.cards["what"].lines][-1] == "Levende strandenge"
    window.redo_action.trigger()
    assert len(store.elements(session_id)) == 1
    # The history lists every step back to how the step was opened.
    window.menus.fill_history()
    texts = [action.text() for action in window.history_menu.actions()]
    assert texts[-1] == "Som da trinnet blev åbnet"
    assert any("Levende strandenge" in text for text in texts)


def test_a_partner_gets_several_named_change_circles(app_runner, qtbot, session_id, monkeypatch):
    window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    _type(qtbot, "Sikre kysten")
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert workspace.circle_tabs.count() == 2
    assert workspace.circle_tabs.currentIndex() == 1
    _type(qtbot, "Borgerne med fra start")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Borgerinddragelse", True))
    qtbot.mouseClick(workspace.rename_button, Qt.MouseButton.LeftButton)
    assert workspace.circle_tabs.tabText(1) == "Borgerinddragelse"

    store = app_runner.store
    circles = store.circles(session_id, "change")
    assert [c.title for c in circles] == ["", "Borgerinddragelse"]
    assert [e.text for e in store.elements(session_id, circle_id=circles[1].id)] == ["Borgerne med fra start"]

    qtbot.mouseClick(workspace.remove_circle_button, Qt.MouseButton.LeftButton)
    assert [c.title for c in store.circles(session_id, "change")] == [""]
    assert workspace.circle_tabs.count() == 1
    window.undo_action.trigger()
    assert [c.title for c in store.circles(session_id, "change")] == ["", "Borgerinddragelse"]
    assert len(store.elements(session_id)) == 2


def test_value_forms_are_tagged_from_the_element_and_counted_in_the_review(app_runner, qtbot, session_id):
    window, page, workspace = app_runner.open_step("delsession-1-individuelt")
    _type(qtbot, "Mere natur ved fjorden")
    line = workspace.canvas.cards["what"].lines[0]
    menu = line.values_menu()
    environment = next(action for action in menu.actions() if "Miljø" in action.text())
    environment.trigger()
    store = app_runner.store
    (element,) = store.elements(session_id)
    assert element.value_forms == {"environment"}
    line = workspace.canvas.cards["what"].lines[0]
    assert "Miljø" in line.values_button.toolTip()
    social = next(action for action in line.values_menu().actions() if "Social" in action.text())
    social.trigger()
    assert store.element(element.id).value_forms == {"environment", "social"}
    window.undo_action.trigger()
    assert store.element(element.id).value_forms == {"environment"}

    page.go_to_step("delsession-1-gennemgang")
    review = page.current_workspace()
    assert isinstance(review, ReviewWorkspace)
    mette = store.partners(session_id)[0]
    assert review.values.chart.overview.counts[mette.id] == {"environment": 1}
    assert "Miljø: Mette Kjær 1" in review.values.chart.accessibleDescription()
    assert "Kun én partner: Miljø (MK)" in review.values.summary.text()


def test_the_review_walks_the_partners_and_projects_only_their_circle(app_runner, qtbot, session_id):
    store = Store(app_runner.paths.database)
    mette, jonas = store.partners(session_id)
    store.add_element(store.ensure_circle(session_id, mette.id, "contribution").id, "resources", "Projektleder")
    store.add_element(store.ensure_circle(session_id, jonas.id, "contribution").id, "limitations", "Bestyrelsen")
    store.set_step_note(session_id, "delsession-2-gennemgang", "Hemmelig note til mig selv")
    store.close()

    window, _page, review = app_runner.open_step("delsession-2-gennemgang")
    assert isinstance(review, ReviewWorkspace)
    window.toggle_projector()
    projector = window.projector
    assert "Projektleder" in projector.visible_text()
    assert "Mette Kjær" in review.position_label.text()
    assert not review.previous_button.isEnabled()

    qtbot.keyClick(review.next_button, Qt.Key.Key_PageDown)
    assert "Jonas Friis" in review.position_label.text()
    assert "Bestyrelsen" in projector.visible_text()
    assert "Projektleder" not in projector.visible_text()
    assert "Hemmelig" not in projector.visible_text()
    assert "Værdiformer" not in projector.visible_text(), "the value chart is the facilitator's"
    qtbot.keyClick(review.next_button, Qt.Key.Key_PageDown)  # stops at the last partner
    assert "Jonas Friis" in review.position_label.text()
    qtbot.mouseClick(review.previous_button, Qt.MouseButton.LeftButton)
    assert "Mette Kjær" in review.position_label.text()


def test_a_common_element_is_inserted_into_the_ambition_with_its_source(app_runner, qtbot, session_id):
    store = Store(app_runner.paths.database)
    mette, jonas = store.partners(session_id)
    common = store.add_element(store.ensure_circle(session_id, mette.id, "change").id, "what", "Færre oversvømmelser")
    store.set_element_category(common.id, "common")
    opposed = store.add_element(store.ensure_circle(session_id, jonas.id, "change").id, "what", "Høje diger")
    store.set_element_category(opposed.id, "opposed")
    store.close()

    window, _page, form = app_runner.open_step("delsession-1-ambition")
    assert isinstance(form, JointFormWorkspace)
    groups = form.source_groups()
    assert list(groups) == ["Fælles (1)", "Forskelle (0)", "Ikke sorteret (0)"]
    assert groups["Fælles (1)"] == ["Færre oversvømmelser"]
    assert "Høje diger" not in str(groups), "Modsatrettede is not what the ambition is built from"

    what = form.editors["what"].edit
    what.setFocus()
    qtbot.keyClicks(what, "Et klimarobust kystlandskab med")
    form.source_tree.setFocus()
    form.select_source("Færre oversvømmelser")
    qtbot.keyClick(form.source_tree, Qt.Key.Key_Return)
    assert what.toPlainText() == "Et klimarobust kystlandskab med Færre oversvømmelser"
    assert form.target_field() == "what"
    qtbot.keyClick(form.source_tree, Qt.Key.Key_Return)
    assert what.toPlainText().endswith("Færre oversvømmelser; Færre oversvømmelser"), "picked twice, listed"
    what.undo()
    assert what.toPlainText() == "Et klimarobust kystlandskab med Færre oversvømmelser"
    form.flush()
    assert "MK: »Færre oversvømmelser«" in form.editors["what"].sources.text()

    window = app_runner.restart()
    store = app_runner.store
    assert store.form_texts(session_id, "ambition") == {"what": "Et klimarobust kystlandskab med Færre oversvømmelser"}
    source = store.form_sources(session_id, "ambition")[0]
    assert (source.field, source.element_id, source.partner_id) == ("what", common.id, mette.id)
    form = window.session_page.current_workspace()
    assert "MK: »Færre oversvømmelser«" in form.editors["what"].sources.text()


def test_joint_text_typed_just_before_closing_is_saved(app_runner, qtbot, session_id):
    window, _page, form = app_runner.open_step("delsession-2-samspil")
    edit = form.editors["leadership"].edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Skiftende formandskab")
    assert window.projector is None
    app_runner.stop()  # inside the debounce window
    store = Store(app_runner.paths.database)
    assert store.form_texts(session_id, "interplay") == {"leadership": "Skiftende formandskab"}
    store.close()


def test_presenting_a_template_shows_and_projects_its_questions(app_runner, session_id):
    _window, page, workspace = app_runner.open_step("delsession-3-skabelon")
    assert isinstance(workspace, TemplateWorkspace)
    assert workspace.canvas.cards["networks"].question.text() == "Hvilke netværk har jeg brug for?"
    assert workspace.canvas.cards["networks"].hint.isVisibleTo(workspace)
    html = page.projection()
    assert "Hvordan dokumenterer jeg vores resultater?" in html
    assert "Branche/marked" in html


def test_a_joint_text_that_cannot_be_saved_stays_on_screen_and_is_retried(app_runner, qtbot, session_id, full_disk):
    _window, page, form = app_runner.open_step("delsession-3-skalering")
    store = app_runner.store
    full_disk.fill(store, "set_form_text")
    edit = form.editors["where_to"].edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Ud i hele regionen")
    form.flush()
    assert form.error_label.text() == FULL_DISK.da
    page.go_to_step("delsession-3-analyse")
    page.go_to_step("delsession-3-skalering")
    assert edit.toPlainText() == "Ud i hele regionen", "unsaved words are never replaced by older ones"

    full_disk.free()
    form.flush()
    assert store.form_texts(session_id, "scaling") == {"where_to": "Ud i hele regionen"}
    assert not form.error_label.isVisibleTo(form)


def test_ctrl_z_in_an_empty_entry_undoes_the_last_addition_and_focus_stays(app_runner, qtbot, session_id):
    _window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    _type(qtbot, "Færre oversvømmelser")
    _type(qtbot, "Levende strandenge")
    entry = workspace.canvas.cards["what"].entry
    assert QApplication.focusWidget() is entry
    qtbot.keyClick(entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    store = app_runner.store
    assert [e.text for e in store.elements(session_id)] == ["Færre oversvømmelser"]
    assert entry.text() == "", "the entry does not get the words back to add them twice"
    assert QApplication.focusWidget() is entry

    # Ctrl+Delete in a written element removes it and leaves the keyboard in the question.
    line = workspace.canvas.cards["what"].lines[0]
    line.edit.setFocus()
    qtbot.keyClick(line.edit, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert store.elements(session_id) == []
    assert QApplication.focusWidget() is workspace.canvas.cards["what"].entry
    # A partner's only change circle cannot be removed, so undo never doubles it.
    assert not workspace.remove_circle_button.isEnabled()


def test_undo_shows_the_partner_whose_circle_it_changes(app_runner, qtbot, session_id):
    window, page, workspace = app_runner.open_step("delsession-2-individuelt")
    _type(qtbot, "Projektleder 20 timer")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_partner().name == "Jonas Friis"
    page.agenda.setFocus()
    window.undo_action.trigger()
    assert workspace.current_partner().name == "Mette Kjær"
    assert app_runner.store.elements(session_id) == []


def test_the_value_chart_opens_a_value_forms_guidance_by_keyboard(app_runner, qtbot, session_id):
    _window, page, review = app_runner.open_step("delsession-1-gennemgang")
    chart = review.values.chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert page.guide.tabs.currentIndex() == 1
    assert page.guide.topics.currentItem().text(0) == "Økonomi"


def test_an_emptied_element_is_removed_once_when_the_partner_changes(app_runner, qtbot, session_id):
    _window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    _type(qtbot, "Færre oversvømmelser")
    _type(qtbot, "Levende strandenge")
    line = workspace.canvas.cards["what"].lines[0]
    line.edit.setFocus()
    line.edit.selectAll()
    qtbot.keyClick(line.edit, Qt.Key.Key_Backspace)
    workspace.step_partner(1)  # the emptied line is flushed on the way out
    assert [e.text for e in app_runner.store.elements(session_id)] == ["Levende strandenge"]
    assert not workspace.error_label.isVisibleTo(workspace), workspace.error_label.text()
    assert workspace.undo_stack.count() == 3  # two additions and one removal


def test_words_typed_without_enter_are_kept_per_partner_and_come_back_in_the_line(app_runner, qtbot, session_id):
    _window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    entry = workspace.canvas.cards["why"].entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Medlemmerne mister")
    mette = workspace.current_circle().id
    # Kept like any typing, without Enter and without leaving the line.
    qtbot.waitUntil(lambda: app_runner.store.element_drafts(session_id) == {(mette, "why"): "Medlemmerne mister"})

    qtbot.keyClick(entry, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_partner().name == "Jonas Friis"
    assert entry.text() == "", "Mette's words are not offered for Jonas"
    qtbot.keyClick(entry, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert entry.text() == "Medlemmerne mister"

    _window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    entry = workspace.canvas.cards["why"].entry
    assert entry.text() == "Medlemmerne mister"
    entry.setFocus()
    entry.end(False)
    _type(qtbot, " jord")
    assert [line.edit.text() for line in workspace.canvas.cards["why"].lines] == ["Medlemmerne mister jord"]
    assert app_runner.store.element_drafts(session_id) == {}
    app_runner.restart()
    assert app_runner.store.element_drafts(session_id) == {}


def test_the_value_button_opens_the_value_forms_ticked_as_the_element_has_them(app_runner, qtbot, session_id):
    _window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    _type(qtbot, "Mere natur ved fjorden")
    line = workspace.canvas.cards["what"].lines[0]
    seen: list[list[str]] = []

    def choose_social() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([action.text() for action in menu.actions() if action.isChecked()])
        next(action for action in menu.actions() if "Social" in action.text()).trigger()
        menu.close()

    QTimer.singleShot(0, choose_social)
    qtbot.mouseClick(line.values_button, Qt.MouseButton.LeftButton)
    assert seen == [[]]
    (element,) = app_runner.store.elements(session_id)
    assert element.value_forms == {"social"}
    # Opened again, the menu shows what is stored now.
    line = workspace.canvas.cards["what"].lines[0]

    def look() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([action.text() for action in menu.actions() if action.isChecked()])
        menu.close()

    QTimer.singleShot(0, look)
    qtbot.mouseClick(line.values_button, Qt.MouseButton.LeftButton)
    (ticked,) = seen[1]
    assert "Social" in ticked


def test_a_long_question_keeps_every_line_at_its_full_height_as_elements_arrive(app_runner, qtbot, session_id):
    _window, _page, workspace = app_runner.open_step("delsession-1-individuelt")
    store = app_runner.store
    circle = workspace.current_circle()
    card = workspace.canvas.cards["what"]
    for number in range(30):
        # As a partner's phone adds them: each line drawn alone, the card scrolling long since.
        element = store.add_element(circle.id, "what", f"Element {number} fra telefonen", written_on_device=True)
        assert workspace.show_added(element)
        QApplication.processEvents()
    assert len(card.lines) == 30
    heights = {line.height() for line in card.lines}
    # Never squeezed below what a line needs while the scroll area catches up.
    assert heights == {card.lines[0].sizeHint().height()}
    assert card.rows.height() >= card.rows.minimumSizeHint().height()
