"""Step workspaces, created by the workspace name a program step names."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.ui.context import SessionContext
from facilitator.ui.workspaces.base import Workspace
from facilitator.ui.workspaces.partners import PartnersWorkspace
from facilitator.ui.workspaces.placeholder import BreakWorkspace, PlaceholderWorkspace
from facilitator.ui.workspaces.principles import PrinciplesWorkspace
from facilitator.ui.workspaces.session_details import SessionDetailsWorkspace

_BUILT = {
    "session": SessionDetailsWorkspace,
    "partners": PartnersWorkspace,
    "principles": PrinciplesWorkspace,
    "break": BreakWorkspace,
}


def create_workspace(name: str, context: SessionContext, parent: QWidget | None = None) -> Workspace:
    """The workspace for `name`; a placeholder naming what will come for those not built yet."""
    factory = _BUILT.get(name)
    if factory is None:
        return PlaceholderWorkspace(context, name, parent)
    return factory(context, parent)


__all__ = ["Workspace", "create_workspace"]
