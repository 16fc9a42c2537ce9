"""The window stays quick: few statements per screen, one transaction per timer action, small repaints."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QStyledItemDelegate, QWidget

from facilitator.store import Store
from facilitator.ui.operations import BackgroundRunner, Reporter, StatusProgress
from facilitator.ui.workspaces.review import ReviewWorkspace
from tests.statements import counting

REVIEW_STEP = "delsession-1-gennemgang"
VALUE_FORMS = ("environment", "social", "economy")


def _fill_change_circles(app_runner, session_id: int, count: int) -> None:
    store = Store(app_runner.paths.database)
    try:
        partners = store.partners(session_id)
        circles = [store.ensure_circle(session_id, partner.id, "change") for partner in partners]
        fields = ("what", "why", "how", "who")
        for number in range(count):
            circle = circles[number % len(circles)]
            store.add_element(
                circle.id,
                fields[number % len(fields)],
                f"Element {number}",
                value_forms=VALUE_FORMS[: number % 3 + 1],
            )
    finally:
        store.close()


def test_opening_a_review_of_a_hundred_elements_reads_them_in_a_few_statements(app_runner, session_id):
    _fill_change_circles(app_runner, session_id, 100)
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")

    with counting(app_runner.store) as sent:
        page.go_to_step(REVIEW_STEP)
    review = page.current_workspace()

    assert isinstance(review, ReviewWorkspace)
    assert len(review.elements) == 50, "the first partner's circle is on screen"
    assert sum(review.values.chart.overview.counts[review.current()[0]].values()) > 50, "the chart counted them"
    # Opening the step writes where the session is (one transaction); the review reads
    # partners, circles and the elements with their value forms: no statement per element.
    assert len(sent.statements) <= 12, sent.statements


def test_the_statement_count_does_not_grow_with_the_elements(app_runner, session_id):
    _fill_change_circles(app_runner, session_id, 10)
    _window, _page, review = app_runner.open_step(REVIEW_STEP, kind=ReviewWorkspace)
    with counting(app_runner.store) as few:
        review.reload()
    _fill_change_circles(app_runner, session_id, 90)
    _window, _page, review = app_runner.open_step(REVIEW_STEP, kind=ReviewWorkspace)
    with counting(app_runner.store) as many:
        review.reload()
    assert len(many.statements) == len(few.statements)


def test_next_step_writes_its_timer_events_in_one_transaction(app_runner, session_id):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    app_runner.clock.advance(90)
    before = len(app_runner.store.timer_events(session_id))

    with counting(app_runner.store) as sent:
        page.day.advance("indledning-processer")
    inserts = [statement for statement in sent.statements if statement.startswith("INSERT INTO timer_events")]

    events = app_runner.store.timer_events(session_id)
    assert [event.kind for event in events[before:]] == ["finish", "start"]
    assert sent.commits == 1
    assert len(inserts) >= 1


def test_a_tick_repaints_only_the_agenda_rows_whose_text_changed(app_runner, session_id):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    changed: list[str] = []
    page.agenda.itemChanged.connect(lambda item, _column: changed.append(item.data(0, Qt.ItemDataRole.UserRole)))

    for _second in range(5):
        app_runner.clock.advance(1)
        page.day.refresh()
    assert changed == [], "a running second changes no row of the agenda"

    page.day.pause()
    assert changed == [], "the live row reads the same paused"
    page.day.finish()
    assert "indledning-kontekst" in changed, "the finished step is marked done"


def test_in_a_main_window_the_busy_indicator_sits_in_the_status_bar(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    runner = BackgroundRunner("da", window, progress_delay_ms=10)
    gate = threading.Event()
    done: list[object] = []
    try:
        runner.run(lambda: gate.wait(10), label="Gemmer tavlen …", report=Reporter(print), on_success=done.append)
        qtbot.waitUntil(lambda: runner.progress is not None and runner.progress.isVisible())
        indicator = runner.progress
        assert isinstance(indicator, StatusProgress)
        assert indicator.labelText() == "Gemmer tavlen …"
        assert indicator.parent() is not None
        assert window.statusBar().isAncestorOf(indicator)
        assert indicator.bar.minimum() == indicator.bar.maximum() == 0, "busy, not a made-up percentage"
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert done == [True]
    assert runner.progress is None


def test_the_next_steps_screen_is_built_in_idle_time_and_then_only_shown(app_runner, session_id, qtbot):
    _window, page, _workspace = app_runner.open_step("delsession-1-skabelon")
    assert "circle:change" not in page._workspaces
    qtbot.waitUntil(lambda: "circle:change" in page._workspaces, timeout=3000)
    prepared = page._workspaces["circle:change"]
    assert page.current_workspace() is not prepared, "built, not shown"

    page.next_step()

    assert page.current_workspace() is prepared


def test_a_day_running_late_measures_each_agenda_title_only_once(app_runner, session_id, monkeypatch):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    app_runner.clock.advance(25 * 60)  # late: every later step expects a new time
    page.day.refresh()
    page.agenda.doItemsLayout()
    measured: list[str] = []
    real = QStyledItemDelegate.sizeHint

    def counting_size_hint(delegate, option, index):
        if index.column() == 2:
            measured.append(str(index.data()))
        return real(delegate, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "sizeHint", counting_size_hint)
    shown = {step_id: row.text(1) for step_id, row in page.agenda._items.items()}
    app_runner.clock.advance(10 * 60)  # later still: new times again
    page.day.refresh()
    page.agenda.doItemsLayout()

    changed = [step_id for step_id, row in page.agenda._items.items() if row.text(1) != shown[step_id]]
    assert len(changed) > 20, "the later steps expect new times"
    assert measured == [], "titles measured again although only their times changed"


def test_next_step_writes_the_timers_and_the_step_it_opens_in_one_transaction(app_runner, session_id):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    app_runner.clock.advance(90)

    with counting(app_runner.store) as sent:
        page.next_step()

    assert page.current_step_id == "indledning-processer"
    assert sent.writing_commits == 1, "one fsync for Næste trin, not one per write"
    assert app_runner.store.get_session(session_id).current_step_id == "indledning-processer"
    events = app_runner.store.timer_events(session_id)
    assert [(event.step_id, event.kind) for event in events[-2:]] == [
        ("indledning-kontekst", "finish"),
        ("indledning-processer", "start"),
    ]


class _Shows(QObject):
    """Counts Show events of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown.append(watched.objectName() or type(watched).__name__)
        return False


def test_next_step_never_shows_the_timer_strip_for_another_step_in_between(app_runner, session_id):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    app_runner.clock.advance(90)
    bar = page.timer_bar
    shows = _Shows()
    for button in (bar.show_live_button, bar.start_here_button):
        button.installEventFilter(shows)

    page.next_step()

    # Showing and hiding them again lays the whole window out twice for nothing.
    assert shows.shown == [], "the buttons for watching another step's time flashed up"
    assert not bar.show_live_button.isVisibleTo(bar)
    assert bar.start_button.text() == "Pause", "the strip shows the new step's running time"


def test_a_screen_is_built_inside_the_window_not_moved_there_after(app_runner, session_id, qtbot, monkeypatch):
    from facilitator.ui import session_page

    parents: list[object] = []
    real = session_page.create_workspace

    def create(name, context, parent=None):
        parents.append(parent)
        return real(name, context, parent)

    monkeypatch.setattr(session_page, "create_workspace", create)
    _window, page, _workspace = app_runner.open_step("delsession-1-skabelon")
    qtbot.waitUntil(lambda: "circle:change" in page._workspaces, timeout=3000)

    # A workspace built without a parent and added to the stack after makes Qt propagate
    # the style sheet, fonts and palettes through all of it a second time.
    assert parents, "no screen was built"
    assert all(parent is page.step_view.workspaces for parent in parents), parents
    page.next_step()
    assert page.current_workspace() is page._workspaces["circle:change"]


def _step_of(index) -> str | None:
    return index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)


def test_next_step_on_a_late_day_repaints_only_the_agenda_cells_that_changed(
    app_runner, session_id, qtbot, monkeypatch
):
    from facilitator.ui import agenda

    measured: list[str | None] = []
    painted: list[tuple[str | None, int]] = []
    counting: list[bool] = []
    real_size_hint, real_paint = QStyledItemDelegate.sizeHint, QStyledItemDelegate.paint

    def counting_size_hint(delegate, option, index):
        if counting:
            measured.append(_step_of(index))
        return real_size_hint(delegate, option, index)

    def counting_paint(delegate, painter, option, index):
        if counting:
            painted.append((_step_of(index), index.column()))
        real_paint(delegate, painter, option, index)

    # Before the agenda is built: Qt looks for a Python paint() when the delegate is made.
    monkeypatch.setattr(QStyledItemDelegate, "sizeHint", counting_size_hint)
    monkeypatch.setattr(agenda._WrappingDelegate, "paint", counting_paint, raising=False)
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    app_runner.clock.advance(25 * 60)  # late: every later row of the agenda expects a new time
    page.day.refresh()
    qtbot.waitUntil(lambda: page.agenda.currentItem() is page.agenda._items["indledning-kontekst"])
    QApplication.processEvents()
    app_runner.clock.advance(10 * 60)
    shown = {step_id: row.text(agenda.NOW) for step_id, row in page.agenda._items.items()}
    counting.append(True)

    page.next_step()

    # Only the rows whose title changed (the step left, the step opened) are measured again.
    assert set(measured) <= {"indledning-kontekst", "indledning-processer"}, set(measured)
    qtbot.waitUntil(lambda: page.agenda.currentItem() is page.agenda._items["indledning-processer"])
    qtbot.waitUntil(lambda: any(column == agenda.NOW for _step, column in painted))
    QApplication.processEvents()
    changed = [step_id for step_id, row in page.agenda._items.items() if row.text(agenda.NOW) != shown[step_id]]
    assert len(changed) > 20, "the later steps show their new expected times"
    # A repaint of every row (a layout, a scroll, the focus frame) paints the part headings
    # too, whose times did not change.
    assert None not in {step for step, _column in painted}, "a part heading was repainted"


def test_next_step_hands_the_focus_to_the_next_screen_not_through_the_agenda(app_runner, session_id, qtbot):
    window, page, workspace = app_runner.open_step("indledning-facilitatorrolle")
    inside = [
        widget
        for widget in workspace.findChildren(QWidget)
        if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert inside, "the screen has a control to focus"
    inside[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(inside[0].hasFocus)
    focused = _Focus()
    page.agenda.installEventFilter(focused)

    page.next_step()

    following = page.current_workspace()
    assert following is not workspace, "the next step has a screen of its own"
    # Taking the focus repaints the whole agenda (its focus frame) for nothing.
    assert focused.taken == 0, "the focus passed through the agenda"
    focus = QApplication.focusWidget()
    assert focus is following or following.isAncestorOf(focus), focus


class _Focus(QObject):
    """Counts the times the widget it watches takes the keyboard focus."""

    def __init__(self) -> None:
        super().__init__()
        self.taken = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.taken += 1
        return False


def test_the_agenda_brings_a_step_out_of_sight_near_the_top_not_to_the_bottom(app_runner, session_id, qtbot):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    view = page.agenda
    qtbot.waitUntil(lambda: view.currentItem() is view._items["indledning-kontekst"])
    step_ids = page.day.step_ids()
    hidden = next(
        step_id
        for step_id in step_ids
        if not view.viewport().rect().intersects(view.visualItemRect(view._items[step_id]))
    )

    view.select_step(hidden)

    row = view._items[hidden]
    above = view.itemAbove(row)
    assert view.visualItemRect(above).top() == 0, "the step before it heads the list"
    assert view.viewport().rect().contains(view.visualItemRect(row))
    # The next step is then in sight too: moving on to it does not scroll (a full repaint).
    scrolled_to = view.verticalScrollBar().value()
    view.select_step(step_ids[step_ids.index(hidden) + 1])
    assert view.verticalScrollBar().value() == scrolled_to


def _reads(sent) -> list[str]:
    return [statement for statement in sent.statements if statement.lstrip().upper().startswith("SELECT")]


def test_the_next_screen_reads_in_idle_time_and_its_step_only_shows_it(app_runner, session_id, qtbot):
    _fill_change_circles(app_runner, session_id, 20)
    _window, page, _workspace = app_runner.open_step("delsession-1-individuelt")
    qtbot.waitUntil(lambda: "review:change" in page._workspaces and page._to_prepare is None, timeout=3000)
    review = page._workspaces["review:change"]
    assert len(review.elements) > 0, "read ahead, in idle time"
    page.day.start("delsession-1-individuelt")

    with counting(app_runner.store) as sent:
        page.next_step()

    assert page.current_workspace() is review
    assert not any("FROM elements" in statement for statement in _reads(sent)), _reads(sent)
    assert len(review.elements) > 0


def test_a_screen_read_ahead_leaves_the_projector_and_the_rooms_pages_alone(app_runner, session_id, qtbot):
    _fill_change_circles(app_runner, session_id, 4)
    window, page, _circles = app_runner.open_step("delsession-1-individuelt")
    told: list[object] = []
    page.projection_changed.connect(told.append)
    qtbot.waitUntil(lambda: "review:change" in page._workspaces and page._to_prepare is None, timeout=3000)
    assert len(page._workspaces["review:change"].elements) > 0, "read ahead"
    # The open step's projection did not change: nothing to redraw, no page to wake.
    assert told == []
    page.next_step()
    assert page.current_workspace() is page._workspaces["review:change"]
    assert window.session_page is page


def test_a_screen_read_ahead_reads_again_when_something_it_shows_was_written_since(app_runner, session_id, qtbot):
    _fill_change_circles(app_runner, session_id, 4)
    _window, page, _circles = app_runner.open_step("delsession-1-individuelt")
    qtbot.waitUntil(lambda: "review:change" in page._workspaces and page._to_prepare is None, timeout=3000)
    review = page._workspaces["review:change"]
    shown = len(review.elements)
    partner = app_runner.store.partners(session_id)[0]
    circle = app_runner.store.ensure_circle(session_id, partner.id, "change")
    app_runner.store.add_element(circle.id, "what", "Skrevet efter forberedelsen")

    page.next_step()

    assert page.current_workspace() is review
    assert review.current()[0] == partner.id
    assert len(review.elements) == shown + 1, "the element written after the screen was read ahead is shown"


def test_a_step_change_lays_out_the_guidance_and_the_instruction_only_when_they_change(app_runner, session_id):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    guides: list[str] = []
    measured: list[int] = []
    real_measure = page.step_view.instruction.heightForWidth
    page.guide.step_guide.setHtml = guides.append

    def measure(width: int) -> int:
        # Qt's own layouts ask too; only the card's measuring of its height counts here.
        if sys._getframe(1).f_code.co_name == "sizeHint":
            measured.append(width)
        return real_measure(width)

    page.step_view.instruction.heightForWidth = measure

    page.next_step()  # a step of the same part: the same guidance

    assert page.current_step_id == "indledning-processer"
    assert guides == [], "the part's guidance was laid out again"
    # Once for each width it is shown at (with and without its scroll bar), not once per question.
    assert len(measured) == len(set(measured)), f"the instruction was wrapped at {measured}"


def test_a_step_change_reads_the_notes_again_only_after_something_was_written(app_runner, session_id):
    _window, page, _workspace = app_runner.open_step("indledning-kontekst")
    page.day.start("indledning-kontekst")
    page.next_step()

    with counting(app_runner.store) as sent:
        page.next_step()

    assert page.current_step_id == "indledning-tidsramme"
    assert not any("step_plans" in statement for statement in _reads(sent)), _reads(sent)
    # Written since (here straight to the store): the next step shows it.
    app_runner.store.set_step_note(session_id, "indledning-output", "Husk flipoveren")
    page.next_step()
    assert page.guide.notes.toPlainText() == "Husk flipoveren"
    page.guide.notes.setPlainText("Husk flipoveren og tusser")
    page.next_step()
    page.previous_step()
    assert page.guide.notes.toPlainText() == "Husk flipoveren og tusser"


def test_the_board_reads_in_idle_time_and_its_step_only_draws_it(app_runner, session_id, qtbot):
    _fill_change_circles(app_runner, session_id, 6)
    _window, page, _workspace = app_runner.open_step("delsession-1-pause")
    qtbot.waitUntil(lambda: "board:change" in page._workspaces and page._to_prepare is None, timeout=3000)
    board = page._workspaces["board:change"]
    page.day.start("delsession-1-pause")

    with counting(app_runner.store) as sent:
        page.next_step()

    assert page.current_workspace() is board
    assert not any("FROM elements" in statement for statement in _reads(sent)), _reads(sent)
    assert len(board.state.notes) == 6


def test_a_board_read_ahead_reads_again_when_an_element_was_written_since(app_runner, session_id, qtbot):
    _fill_change_circles(app_runner, session_id, 2)
    _window, page, _workspace = app_runner.open_step("delsession-1-pause")
    qtbot.waitUntil(lambda: "board:change" in page._workspaces and page._to_prepare is None, timeout=3000)
    partner = app_runner.store.partners(session_id)[0]
    circle = app_runner.store.ensure_circle(session_id, partner.id, "change")
    app_runner.store.add_element(circle.id, "what", "Skrevet i pausen")

    page.next_step()

    board = page.current_workspace()
    assert "Skrevet i pausen" in [note.text for note in board.state.notes.values()]
