"""Danish-first text with an optional English variant, used by data files and core messages."""

from __future__ import annotations

from collections.abc import Callable
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

    def __reduce__(self) -> tuple[object, ...]:
        # An error raised in the export's own process comes back whole. A subclass's
        # __init__ may take other arguments than the message, so it is rebuilt from its state.
        return (_rebuilt_error, (type(self), self.args, self.__dict__))


def _rebuilt_error(cls: type[UserError], args: tuple[object, ...], state: dict[str, object]) -> UserError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


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


def wrap_words(text: str, fits: Callable[[str], bool], elide: Callable[[str], str], lines: int) -> list[str]:
    """Greedy word wrap into at most `lines` lines; the last one is elided when words are left over.

    `fits` says whether a line is narrow enough and `elide` cuts one that is not, so the
    screen (Qt metrics) and the PDF (ReportLab metrics) break a post-it's words the same way.
    """
    words = text.split()
    result: list[str] = []
    current = ""
    index = 0
    while index < len(words) and len(result) < lines:
        candidate = f"{current} {words[index]}" if current else words[index]
        if fits(candidate):
            current = candidate
            index += 1
            continue
        if not current:
            # One word wider than the line: cut it where it overflows.
            current = elide(words[index])
            index += 1
        result.append(current)
        current = ""
    if current and len(result) < lines:
        result.append(current)
    if index < len(words) and result:
        result[-1] = elide(" ".join([result[-1], *words[index:]]))
    return result
