"""Facilitator: carries a facilitator through a partnership-formation session."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Read from the package metadata on first use: importlib.metadata brings the email
    # parser with it, a cost every start of the window would pay for a string few read.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("facilitator")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0.0.0"
    globals()["__version__"] = value
    return value
