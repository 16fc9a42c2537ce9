"""Step workspaces, created by the workspace name a program step names.

Each workspace's module is imported when a step first needs it, so a reopened session
paints its own step without loading the board, the circles and the rest first. (The
installer bundles every module of this package: see packaging/facilitator.spec.)
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QWidget

from facilitator.ui.context import SessionContext
from facilitator.ui.workspaces.base import Workspace

#: Workspace name -> (module, class), for the workspaces a step names whole.
_BY_NAME = {
    "session": ("session_details", "SessionDetailsWorkspace"),
    "partners": ("partners", "PartnersWorkspace"),
    "principles": ("principles", "PrinciplesWorkspace"),
    "break": ("placeholder", "BreakWorkspace"),
    "next-steps": ("next_steps", "NextStepsWorkspace"),
    "template:next-steps": ("next_steps", "NextStepsTemplateWorkspace"),
    "status": ("status_board", "StatusBoardWorkspace"),
    "closing": ("closing", "ClosingWorkspace"),
}
#: Kind -> (module, class), for workspaces that take a variant after the colon ("circle:change").
_BY_KIND = {
    "circle": ("circles", "CircleWorkspace"),
    "review": ("review", "ReviewWorkspace"),
    "form": ("joint_form", "JointFormWorkspace"),
    "template": ("template", "TemplateWorkspace"),
    "board": ("board", "BoardWorkspace"),
}


def _load(module: str, name: str) -> type[Workspace]:
    return getattr(import_module(f"{__name__}.{module}"), name)


def preload_modules() -> None:
    """Import every workspace's module without building anything: safe on a worker thread.

    Run after the store has loaded, so the first visit of a circle, a board or a form
    builds its widgets but no longer waits for their code (about 170 ms for the day).
    """
    for module, _name in (*_BY_NAME.values(), *_BY_KIND.values()):
        import_module(f"{__name__}.{module}")


def create_workspace(name: str, context: SessionContext, parent: QWidget | None = None) -> Workspace:
    """The workspace for `name`; a placeholder naming what will come for those not built yet."""
    kind, _, variant = name.partition(":")
    if name in _BY_NAME:
        return _load(*_BY_NAME[name])(context, parent)
    if kind in _BY_KIND:
        return _load(*_BY_KIND[kind])(context, variant, parent)
    return _load("placeholder", "PlaceholderWorkspace")(context, name, parent)


__all__ = ["Workspace", "create_workspace", "preload_modules"]
