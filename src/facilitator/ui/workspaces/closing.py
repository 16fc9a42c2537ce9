"""Afrunding: the day in headlines, in the partners' own words, for the facilitator to revisit."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from facilitator.conversation.day_overview import OverviewSection, day_overview, headline, joint_forms_in
from facilitator.program import Step
from facilitator.ui import labels
from facilitator.ui.context import SessionContext
from facilitator.ui.next_steps_model import format_date
from facilitator.ui.workspaces.base import Workspace

# On the projector each question gets a line or two of the group's words.
PROJECTED_HEADLINE = 110
# Enough of the overview for a question and its first answer on the smallest window.
OVERVIEW_MIN_HEIGHT = 120


class ClosingWorkspace(Workspace):
    """What the group wrote under each delsession's question, and the next steps agreed.

    The projector shows the same headlines; the hint above them is the facilitator's alone.
    """

    roomy = True

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.start_layout(
            self.tr("Dagen i overskrifter"),
            self.tr(
                "Genbesøg formålet: sig i overskriftsform, hvad I har talt om, med partnernes egne ord. "
                "Kom ikke med ny information, og konkludér ikke på partnernes vegne."
            ),
        )
        # A text view rather than a label: it lays its text out once for its width and scrolls
        # it, where a word-wrapped label was measured again at every turn of the window's
        # layout (some 40 ms of the closing's first showing).
        self.overview = QTextBrowser()
        self.overview.setObjectName("dayOverview")
        self.overview.setFrameShape(QFrame.Shape.NoFrame)
        self.overview.setOpenLinks(False)
        self.overview.viewport().setAutoFillBackground(False)
        self.overview.setAccessibleName(self.tr("Dagen i overskrifter"))
        # It scrolls itself: it takes the height there is rather than asking the step's
        # scroll area for its whole text, which scrolled the page around a scrolling view.
        self.overview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.overview.setMinimumHeight(OVERVIEW_MIN_HEIGHT)
        layout.addWidget(self.overview, 1)
        self.sections: tuple[OverviewSection, ...] = ()

    def activate(self, step: Step) -> None:
        self.reload_if_changed()

    def prepare(self) -> None:
        self.reload_if_changed()

    def reload(self) -> None:
        """Read the joint texts and the actions again and show them."""
        store, session_id = self.context.store, self.context.session_id
        # Only the joint texts the program's steps show: a meeting without them reads nothing.
        forms = {form_id: store.form_texts(session_id, form_id) for form_id in joint_forms_in(self.context.program)}
        self.sections = day_overview(self.context.program, forms, store.actions(session_id))
        self.overview.setHtml(self._html())

    def _html(self) -> str:
        language = self.context.language
        if not self.sections:
            nothing = self.tr("Dagens program har ingen fælles tekster eller næste skridt at samle op på.")
            return f"<p>{html.escape(nothing)}</p>"
        parts = []
        for section in self.sections:
            parts.append(f"<h3>{html.escape(section.question.get(language))}</h3>")
            if section.title is not None:
                parts.append(f"<p><i>{html.escape(section.title.get(language))}</i></p>")
            if section.actions is not None:
                parts.append(self._actions_html(section))
            elif section.headlines:
                parts.extend(
                    f"<p><b>{html.escape(line.label.get(language))}:</b> {html.escape(line.text)}</p>"
                    for line in section.headlines
                )
            else:
                not_written = self.tr("Ikke skrevet i dag.")
                parts.append(f"<p>{html.escape(not_written)}</p>")
        return "".join(parts)

    def _actions_html(self, section: OverviewSection) -> str:
        summary = section.actions
        assert summary is not None
        if not summary.count:
            none_agreed = self.tr("Ingen handlinger aftalt endnu.")
            return f"<p>{html.escape(none_agreed)}</p>"
        items = "".join(f"<li>{html.escape(what)}</li>" for what in summary.named)
        more = summary.count - len(summary.named)
        rest = self.tr("og %1 mere").replace("%1", str(more)) if more else ""
        rest = f"<p>{html.escape(rest)}</p>" if rest else ""
        return f"<p>{html.escape(self._actions_facts(section))}</p><ul>{items}</ul>{rest}"

    def _actions_facts(self, section: OverviewSection) -> str:
        summary = section.actions
        assert summary is not None
        facts = [
            labels.numbered(summary.count, self.tr("%n handling aftalt"), self.tr("%n handlinger aftalt")),
            self.tr("%1 med ansvarlig").replace("%1", str(summary.owned)),
            self.tr("%1 med frist").replace("%1", str(summary.dated)),
        ]
        if summary.first_due is not None:
            facts.append(self.tr("første frist %1").replace("%1", format_date(summary.first_due)))
        return " · ".join(facts)

    def projection_html(self) -> str | None:
        # The room reads headlines from the back row: each question with the first of its
        # answers, or the count of next steps; the full words stay on the laptop.
        if not self.sections:
            return None
        language = self.context.language
        parts = []
        for section in self.sections:
            if section.actions is not None:
                line = self._actions_facts(section) if section.actions.count else "…"
            else:
                line = headline(section.headlines[0].text, PROJECTED_HEADLINE) if section.headlines else "…"
            parts.append(f"<p><b>{html.escape(section.question.get(language))}</b><br/>{html.escape(line)}</p>")
        return "".join(parts)
