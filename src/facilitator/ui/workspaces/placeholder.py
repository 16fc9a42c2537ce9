"""Workspaces that later features build, shown as a clear note of what will come."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.program import Step
from facilitator.ui.context import SessionContext
from facilitator.ui.workspaces.base import Workspace

translate = QCoreApplication.translate


def _coming(workspace: str) -> tuple[str, str]:
    """Heading and description for a workspace that is not built yet."""
    kind, _, topic = workspace.partition(":")
    circles = {
        "change": translate("Placeholder", "forandringscirklen"),
        "contribution": translate("Placeholder", "bidragscirklen"),
        "scaling": translate("Placeholder", "skaleringscirklen"),
        "next-steps": translate("Placeholder", "skabelonen »Hvordan kommer vi videre?«"),
    }
    if kind == "template":
        return (
            translate("Placeholder", "Skabelonen vises her"),
            translate(
                "Placeholder", "Her kommer en stor visning af %1, som du kan gennemgå med partnerne på projektoren."
            ).replace("%1", circles[topic]),
        )
    if kind == "circle":
        return (
            translate("Placeholder", "Cirklerne udfyldes her"),
            translate(
                "Placeholder",
                "Her kommer %1 for hver partner: partnerne skriver selv, eller du taster ind fra papir, "
                "element for element, så hvert element kan blive en post-it på tavlen.",
            ).replace("%1", circles[topic]),
        )
    if kind == "review":
        return (
            translate("Placeholder", "Gennemgang af cirklerne"),
            translate("Placeholder", "Her vises én partners cirkel ad gangen, stort, med næste og forrige partner."),
        )
    if kind == "form":
        return (
            translate("Placeholder", "Den fælles tekst"),
            translate("Placeholder", "Her skriver gruppen den fælles tekst med de sorterede elementer ved siden af."),
        )
    if workspace == "next-steps":
        return (
            translate("Placeholder", "Næste skridt"),
            translate(
                "Placeholder",
                "Her aftaler partnerne hvem der gør hvad, hvor meget og hvornår, og aftalearket eksporteres som PDF.",
            ),
        )
    return (
        translate("Placeholder", "Kommer snart"),
        translate("Placeholder", "Denne arbejdsflade bygges i en senere version."),
    )


class PlaceholderWorkspace(Workspace):
    """Names the screen that will come, so the agenda can be walked end to end today."""

    def __init__(self, context: SessionContext, workspace: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading, description = _coming(workspace)
        self.setObjectName("placeholder")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 0, 60, 0)
        layout.addStretch(1)
        self.heading = QLabel(heading)
        self.heading.setObjectName("placeholderHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description = QLabel(description)
        self.description.setObjectName("placeholderText")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        layout.addWidget(self.description)
        layout.addStretch(2)


class BreakWorkspace(Workspace):
    """A calm screen for breaks and lunch."""

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = QLabel()
        self.heading.setObjectName("breakHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("placeholderText")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addStretch(2)

    def activate(self, step: Step) -> None:
        self.heading.setText(step.title.get(self.context.language))
        self.note.setText(self.tr("%n minutter", "", step.minutes))


class WaitingWorkspace(Workspace):
    """Holds the step's place for the moment the app is still loading its store after start-up.

    Blank on purpose: it shows for a fraction of a second, and words would only flicker.
    """

    roomy = True

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(translate("Placeholder", "Indlæser trinnet"))
