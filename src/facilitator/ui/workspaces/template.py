"""Presenting a template: the empty circle with its questions, and what the group does next."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QScrollArea, QWidget

from facilitator.conversation import JOINT_FORMS, circle_template
from facilitator.program import Step
from facilitator.ui.circle_view import CircleCanvas
from facilitator.ui.context import SessionContext
from facilitator.ui.workspaces.base import Workspace


class TemplateWorkspace(Workspace):
    """The blank circle large, with the guide's hints, and the dialogue's three phases."""

    roomy = True

    def __init__(self, context: SessionContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.template = circle_template(kind)
        language = context.language
        layout = self.start_layout(self.template.name.get(language), self._phases())
        self.canvas = CircleCanvas(self.template, language, read_only=True)
        self.canvas.set_owner(None)
        self.canvas.show_hints(True)
        self.canvas.set_elements([])
        scroll = QScrollArea()
        scroll.setObjectName("circleScroll")
        scroll.setAccessibleName(self.tr("Skabelonen"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        layout.addWidget(scroll, 1)

    def _phases(self) -> str:
        """Individual reflection, joint analysis, joint reflection: what follows the circle."""
        language = self.context.language
        categories = " / ".join(
            category.title.get(language) for category in self.context.program.board_categories(self.template.kind)
        )
        form = next((form for form in JOINT_FORMS.values() if form.circle_kind == self.template.kind), None)
        steps = [
            self.tr("1. Individuel refleksion: %1").replace("%1", self.template.name.get(language).lower()),
            self.tr("2. Fælles analyse: %1").replace("%1", categories) if categories else "",
            self.tr("3. Fælles refleksion: %1").replace("%1", form.title.get(language)) if form else "",
        ]
        return "   ".join(step for step in steps if step)

    def activate(self, step: Step) -> None:
        self.context.events.projection_changed.emit()

    def projection_html(self) -> str | None:
        language = self.context.language
        rows = "".join(
            f"<li><b>{html.escape(field.label.get(language))}:</b> {html.escape(field.question.get(language))}</li>"
            for field in self.template.fields
        )
        return (
            f"<p><b>{html.escape(self.template.name.get(language))}</b> – "
            f"{html.escape(self.template.centre.get(language))}</p><ul>{rows}</ul>"
            f"<p>{html.escape(self._phases())}</p>"
        )


__all__ = ["TemplateWorkspace"]
