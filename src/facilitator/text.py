"""Danish-first text with an optional English variant, used by data files and core messages."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


@dataclass(frozen=True)
class Text:
    """A piece of user-facing text: Danish always, English when someone wrote it."""

    da: str
    en: str | None = None

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        """Return the text in `language`, falling back to Danish."""
        if language == "en" and self.en:
            return self.en
        return self.da

    def __str__(self) -> str:
        return self.da

    def format(self, **values: object) -> Text:
        """Fill `{name}` placeholders in both languages."""
        return Text(
            self.da.format(**values),
            self.en.format(**values) if self.en is not None else None,
        )


class UserError(Exception):
    """A problem the user can understand and fix: bad input, a broken file, a full disk.

    Carries the message in both languages; ``str()`` gives the Danish one.
    """

    def __init__(self, text: Text) -> None:
        super().__init__(text.da)
        self.text = text

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The message in the user's language."""
        return self.text.get(language)


_CONTROL_CHARACTERS = {code: None for code in range(32) if chr(code) not in "\n\t"}
_CONTROL_CHARACTERS[0x7F] = None


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Text as stored: control characters (NUL included) removed, outer whitespace trimmed.

    Single-line fields also turn line breaks and tabs into spaces.
    """
    cleaned = value.translate(_CONTROL_CHARACTERS)
    if not multiline:
        cleaned = " ".join(cleaned.split())
    return cleaned.strip()


_UNSAFE_IN_FILE_NAMES = str.maketrans(dict.fromkeys('/\\:*?"<>|', "-"))


def safe_file_name(text: str) -> str:
    """A file name made from a title: characters no file system accepts become '-'."""
    cleaned = " ".join(clean_text(text).translate(_UNSAFE_IN_FILE_NAMES).split()).strip(" .")
    return cleaned[:150] or "Facilitator"
