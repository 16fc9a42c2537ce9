"""The team archive's address: checked once at `connect`, kept in settings.json without a password.

The password is libpq's business, never the app's: the user's password file (~/.pgpass, or
%APPDATA%\\postgresql\\pgpass.conf on Windows, or PGPASSFILE) or a service file
(`postgresql:///?service=teamarkiv`, ~/.pg_service.conf). TLS is required for every host
that is not this machine, unless the user says `--no-tls` (kept as `archive_plaintext`).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from facilitator.text import Text, UserError

_SCHEMES = ("postgresql", "postgres")
_LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")
#: sslmode values that may send the password and the sessions in the clear.
_WEAK_TLS = ("disable", "allow", "prefer")


class ArchiveAddressError(UserError):
    """The archive's address cannot be used as given."""


def _refuse(da: str, en: str) -> ArchiveAddressError:
    return ArchiveAddressError(Text(da, en))


def is_loopback(host: str) -> bool:
    """Whether the host is this machine (or a local socket folder): no network between."""
    return not host or host.startswith("/") or host.lower() in _LOOPBACK


def check_address(url: str, *, plaintext: bool = False) -> str:
    """The address as it is kept: a postgresql:// URL with TLS required off this machine.

    Refuses a password in it, another scheme, and weak TLS to another host unless
    `plaintext` (the user's explicit --no-tls).
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES:
        raise _refuse(
            f"Teamarkivets adresse skal begynde med postgresql:// (fik »{url}«), "
            "fx postgresql://facilitator@arkiv.example.org/partnerskaber.",
            f"The team archive's address must start with postgresql:// (got “{url}”), "
            "e.g. postgresql://facilitator@archive.example.org/partnerships.",
        )
    if parts.password is not None:
        raise _refuse(
            "Adressen må ikke indeholde en adgangskode: den ville stå i indstillingsfilen. "
            "Læg den i PostgreSQL's adgangskodefil (~/.pgpass) eller en servicefil; se README.",
            "The address must not hold a password: it would be written to the settings file. "
            "Put it in PostgreSQL's password file (~/.pgpass) or a service file; see the README.",
        )
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    host = parts.hostname or query.get("host", "")
    if query.get("service") and not parts.hostname:
        return url  # the service file names the host and its sslmode; the IT department set it
    if is_loopback(host):
        return url
    mode = query.get("sslmode")
    if plaintext:
        query["sslmode"] = mode if mode in _WEAK_TLS else "disable"
    elif mode is None:
        query["sslmode"] = "require"
    elif mode in _WEAK_TLS:
        raise _refuse(
            f"Teamarkivet på {host} skal nås med TLS (sslmode={mode} er for svagt). "
            "Vælg --no-tls, kun hvis netværket er sikret på anden vis.",
            f"The team archive on {host} must be reached over TLS (sslmode={mode} is too weak). "
            "Choose --no-tls only if the network is secured otherwise.",
        )
    return urlunsplit(parts._replace(query=urlencode(query)))


def driver_url(url: str) -> str:
    """The address as SQLAlchemy takes it (the psycopg driver), with one connection attempt.

    libpq would otherwise try GSS encryption, then TLS, then plain, each with its own
    timeout; off this machine TLS is already required (`check_address`), on it plain is fine.
    """
    _scheme, rest = url.split("://", 1)
    parts = urlsplit(f"postgresql://{rest}")
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.setdefault("gssencmode", "disable")
    if is_loopback(parts.hostname or query.get("host", "")) and not query.get("service"):
        query.setdefault("sslmode", "disable")
    return urlunsplit(parts._replace(scheme="postgresql+psycopg", query=urlencode(query)))


__all__ = ["ArchiveAddressError", "check_address", "driver_url", "is_loopback"]
