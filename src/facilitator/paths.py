"""Every file location the app uses, in one place.

The data directory comes from ``--data-dir``, else ``FACILITATOR_DATA_DIR``, else the
platform's user data directory. Bundled resources are found the same way whether the
app runs from a source checkout, an installed wheel or a frozen bundle.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Facilitator"
DATA_DIR_ENV = "FACILITATOR_DATA_DIR"
DATABASE_NAME = "facilitator.sqlite3"
DEFAULT_PROGRAM_NAME = "partnerskab-for-baeredygtig-omstilling.toml"
#: The short follow-up meeting (opfølgningsmøde), offered first for a partnership's next meeting.
FOLLOWUP_PROGRAM_NAME = "opfoelgningsmoede.toml"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class AppPaths:
    """Where this run of the app keeps its data."""

    data_dir: Path
    #: Where settings.json lives; the data directory itself when that was chosen explicitly.
    config_dir: Path | None = None

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Pick the data directory from the argument, the environment or the platform."""
        if data_dir is None:
            data_dir = os.environ.get(DATA_DIR_ENV) or None
        if data_dir is not None:
            # A chosen folder (a USB stick, a test) keeps everything together.
            return cls(Path(data_dir).expanduser().resolve())
        from platformdirs import user_config_dir, user_data_dir

        return cls(
            Path(user_data_dir(APP_NAME, appauthor=False)).resolve(),
            Path(user_config_dir(APP_NAME, appauthor=False)).resolve(),
        )

    @property
    def settings_dir(self) -> Path:
        """The folder of the facilitator's settings file."""
        return self.config_dir if self.config_dir is not None else self.data_dir

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def user_programs_dir(self) -> Path:
        """Programs the facilitator saved from a tuned session."""
        return self.data_dir / "programs"

    def ensure(self) -> None:
        """Create the data directory if it does not exist yet."""
        self.data_dir.mkdir(parents=True, exist_ok=True)


def _bundle_root() -> Path:
    """The folder that holds `resources/` and `sessions/` for this kind of install."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    if (_PACKAGE_DIR / "_resources").is_dir():  # installed wheel
        return _PACKAGE_DIR
    return _PACKAGE_DIR.parents[1]  # source checkout: src/facilitator -> repository root


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource (fonts, icons, translations, styles)."""
    root = _bundle_root()
    folder = "_resources" if (root / "_resources").is_dir() else "resources"
    return root.joinpath(folder, *parts)


def programs_dir() -> Path:
    """Folder of the session programs shipped with the app."""
    root = _bundle_root()
    folder = "_sessions" if (root / "_sessions").is_dir() else "sessions"
    return root / folder


def default_program_path() -> Path:
    """The method's full-day program, used when nothing else is chosen."""
    return programs_dir() / DEFAULT_PROGRAM_NAME


def followup_program_path() -> Path:
    """The short follow-up meeting's program, with its status step."""
    return programs_dir() / FOLLOWUP_PROGRAM_NAME
