"""PostgreSQL's errors in the user's words: the same refusals the SQLite store gives, and the network's.

Read by SQLSTATE code (and the driver's class name), so nothing here imports the driver:
a laptop that never uses the team archive never loads it.
"""

from __future__ import annotations

from facilitator.store.errors import StoreError
from facilitator.text import Text


class ArchiveUnreachable(StoreError):
    """The server cannot be reached (no network, wrong host or port, the server went away)."""


def unreachable(reason: str) -> ArchiveUnreachable:
    """The refusal when the team archive cannot be reached, with the driver's reason."""
    return ArchiveUnreachable(
        Text(f"Teamarkivet kan ikke nås: {reason}", f"The team archive cannot be reached: {reason}")
    )


def _reason(original: BaseException) -> str:
    lines = [line.strip() for line in str(original).strip().splitlines() if line.strip()]
    if not lines:
        return type(original).__name__
    # libpq: 'connection failed: connection to server at "h", port 5432 failed: Connection refused'
    # and then a hint; the words after the last "failed:" are the reason.
    first = lines[0]
    return first.rsplit("failed:", 1)[-1].strip() or first


def translate_server_error(error: BaseException, name: str) -> StoreError | None:
    """A user-facing StoreError for a PostgreSQL problem the user can act on, else None.

    `name` names the database (its URL without a password) in the messages.
    """
    original = getattr(error, "orig", None) or error
    module = type(original).__module__ or ""
    if not module.startswith("psycopg"):
        return None
    code = getattr(original, "sqlstate", None) or ""
    message = str(original)
    # Refusals while connecting come without a SQLSTATE; libpq's words tell them apart.
    if not code and ("authentication failed" in message or "no password supplied" in message):
        code = "28P01"
    elif not code and "database" in message and "does not exist" in message:
        code = "3D000"
    operational = any(kind.__name__ == "OperationalError" for kind in type(original).__mro__)
    if code in ("28P01", "28000"):
        return StoreError(
            Text(
                f"Teamarkivet {name} afviste login: forkert brugernavn eller adgangskode ({_reason(original)}).",
                f"The team archive {name} refused the login: wrong user name or password ({_reason(original)}).",
            )
        )
    if code == "3D000":
        return StoreError(
            Text(
                f"Databasen i {name} findes ikke på serveren. Tjek adressen.",
                f"The database in {name} does not exist on the server. Check the address.",
            )
        )
    if code == "42501":
        return StoreError(
            Text(
                f"Brugeren har ikke de nødvendige rettigheder i teamarkivet {name} ({_reason(original)}). "
                "Se opsætningen i README.",
                f"The user lacks the rights needed in the team archive {name} ({_reason(original)}). "
                "See the set-up in the README.",
            )
        )
    if code == "53100":
        return StoreError(
            Text(
                "Serverens disk er fuld, så ændringen kunne ikke gemmes.",
                "The server's disk is full, so the change could not be saved.",
            )
        )
    if code == "25006":
        return StoreError(Text(f"Teamarkivet {name} er skrivebeskyttet.", f"The team archive {name} is read-only."))
    if code in ("55P03", "40P01", "40001"):
        return StoreError(
            Text(
                "Teamarkivet er optaget af en anden. Prøv igen om et øjeblik.",
                "The team archive is busy with someone else. Try again in a moment.",
            )
        )
    if code.startswith(("08", "57P")) or (not code and operational):
        return unreachable(_reason(original))
    return None


__all__ = ["ArchiveUnreachable", "translate_server_error", "unreachable"]
