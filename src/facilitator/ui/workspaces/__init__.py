"""Step workspaces, created by the workspace name a program step names."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.ui.context import SessionContext
from facilitator.ui.workspaces.base import Workspace
from facilitator.ui.workspaces.board import BoardWorkspace
from facilitator.ui.workspaces.circles import CircleWorkspace
from facilitator.ui.workspaces.joint_form import JointFormWorkspace
from facilitator.ui.workspaces.next_steps import NextStepsTemplateWorkspace, NextStepsWorkspace
from facilitator.ui.workspaces.partners import PartnersWorkspace
from facilitator.ui.workspaces.placeholder import BreakWorkspace, PlaceholderWorkspace
from facilitator.ui.workspaces.principles import PrinciplesWorkspace
from facilitator.ui.workspaces.review import ReviewWorkspace
from facilitator.ui.workspaces.session_details import SessionDetailsWorkspace
from facilitator.ui.workspaces.template import TemplateWorkspace

_BUILT = {
    "session": SessionDetailsWorkspace,
    "partners": PartnersWorkspace,
    "principles": PrinciplesWorkspace,
    "break": BreakWorkspace,
    "next-steps": NextStepsWorkspace,
    "template:next-steps": NextStepsTemplateWorkspace,
}


def create_workspace(name: str, context: SessionContext, parent: QWidget | None = None) -> Workspace:
    """The workspace for `name`; a placeholder naming what will come for those not built yet."""
    kind, _, variant = name.partition(":")
    by_variant = {
        "circle": CircleWorkspace,
        "review": ReviewWorkspace,
        "form": JointFormWorkspace,
        "template": TemplateWorkspace,
        "board": BoardWorkspace,
    }
    if kind in by_variant and name not in _BUILT:
        return by_variant[kind](context, variant, parent)
    factory = _BUILT.get(name)
    if factory is None:
        return PlaceholderWorkspace(context, name, parent)
    return factory(context, parent)


__all__ = ["Workspace", "create_workspace"]
