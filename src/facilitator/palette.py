"""Partner colours: the Okabe-Ito palette, chosen to stay distinguishable for colour-blind viewers.

Colour is never the only cue; partners are also shown with their initials.
"""

from __future__ import annotations

PARTNER_COLOURS = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#4D4D4D",  # charcoal: Okabe-Ito's light grey is too close to reddish purple for deuteranopes
)


def next_colour(used: list[str]) -> str:
    """The first palette colour not in `used`, cycling when all are taken."""
    taken = [colour.upper() for colour in used]
    for colour in PARTNER_COLOURS:
        if colour not in taken:
            return colour
    return PARTNER_COLOURS[len(used) % len(PARTNER_COLOURS)]


def initials(name: str) -> str:
    """Up to three initials of a name or organisation ('Vestkyst Kommune' -> 'VK')."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return "".join(word[0] for word in words[:3]).upper()
