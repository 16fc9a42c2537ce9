"""The facilitator's preferences: language, text sizes, look, and whether the welcome was shown.

Kept in a small JSON file beside (not inside) the database, because the language must be
known before the database is opened: the dialog that rescues a damaged database speaks it.
A broken or foreign settings file never stops the app; it starts with the defaults and
says why, and the file is only replaced when the facilitator changes a setting.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from facilitator.files import WriteError, write_file
from facilitator.text import DEFAULT_LANGUAGE, LANGUAGES, Text, UserError

SETTINGS_NAME = "settings.json"
#: Text sizes offered, in percent of the normal size.
TEXT_SCALES = (100, 115, 130, 150, 175, 200)
THEMES = ("system", "light", "dark")
_ALLOWED = {"language": LANGUAGES, "text_scale": TEXT_SCALES, "projector_scale": TEXT_SCALES, "theme": THEMES}


@dataclass(frozen=True)
class Settings:
    """What the facilitator chose in Indstillinger; the defaults suit a first start."""

    language: str = DEFAULT_LANGUAGE
    #: The main window's text size in percent.
    text_scale: int = 100
    #: The projector's text size in percent of what fits the screen.
    projector_scale: int = 100
    theme: str = "system"
    #: Set once the first-run welcome has been answered, so it is not shown again.
    welcomed: bool = False
    #: The team archive's address (`facilitator archive connect`), never with a password.
    archive_url: str = ""
    #: Set only when the user explicitly let the archive be reached without TLS.
    archive_plaintext: bool = False

    def changed(self, **values: object) -> Settings:
        """A copy with `values` changed, checked like a loaded file."""
        return _checked({**asdict(self), **values})


def _checked(raw: dict[str, object]) -> Settings:
    problems: list[Text] = []
    values: dict[str, object] = {}
    defaults = Settings()
    for field in fields(Settings):
        if field.name not in raw:
            continue
        value = raw[field.name]
        default = getattr(defaults, field.name)
        if type(value) is not type(default) or value not in _ALLOWED.get(field.name, (value,)):
            problems.append(
                Text(
                    f"»{field.name}« kan ikke være {json.dumps(value, ensure_ascii=False)}",
                    f"“{field.name}” cannot be {json.dumps(value, ensure_ascii=False)}",
                )
            )
            continue
        values[field.name] = value
    if problems:
        raise SettingsError(problems, replace(defaults, **values))
    return replace(defaults, **values)


class SettingsError(UserError):
    """The settings file could not be used whole; `usable` keeps every value that was fine."""

    def __init__(self, problems: list[Text], usable: Settings) -> None:
        joined = Text("; ".join(p.da for p in problems), "; ".join(p.get("en") for p in problems))
        super().__init__(joined)
        self.usable = usable


def load_settings(folder: Path) -> tuple[Settings, Text | None]:
    """The saved settings, and a notice when the file had to be (partly) ignored."""
    path = folder / SETTINGS_NAME
    try:
        raw_text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), _notice(path, Text(f"filen kan ikke læses ({error})", f"the file cannot be read ({error})"))
    try:
        raw = json.loads(raw_text)
    except json.JSONDecodeError as error:
        where = f"linje {error.lineno}, kolonne {error.colno}"
        return Settings(), _notice(
            path,
            Text(
                f"den er ikke gyldig JSON ({where})",
                f"it is not valid JSON (line {error.lineno}, column {error.colno})",
            ),
        )
    if not isinstance(raw, dict):
        return Settings(), _notice(path, Text("den skal være et JSON-objekt", "it must be a JSON object"))
    try:
        return _checked(raw), None
    except SettingsError as error:
        return error.usable, _notice(path, error.text)


def _notice(path: Path, why: Text) -> Text:
    return Text(
        f"Indstillingerne i {path} bruges ikke helt, fordi {why.da}. Standardværdien gælder, til du ændrer den.",
        f"The settings in {path} are not fully used because {why.get('en')}. The default applies until you change it.",
    )


def save_settings(folder: Path, settings: Settings) -> None:
    """Write the settings atomically; raises UserError (disk full, read-only folder)."""
    text = json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_file(folder / SETTINGS_NAME, text.encode("utf-8"))
    except WriteError as error:
        raise UserError(
            Text(
                f"Indstillingen gælder nu, men kan ikke huskes til næste start. {error.message('da')}",
                f"The setting applies now but cannot be kept for next time. {error.message('en')}",
            )
        ) from error
    except OSError as error:
        raise UserError(
            Text(
                f"Indstillingen gælder nu, men kan ikke huskes til næste start: {error.strerror or error}.",
                f"The setting applies now but cannot be kept for next time: {error.strerror or error}.",
            )
        ) from error
