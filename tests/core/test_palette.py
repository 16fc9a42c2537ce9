"""Partner colours: told apart by colour-blind viewers, with initials as the second cue."""

from __future__ import annotations

from facilitator.palette import PARTNER_COLOURS, initials, next_colour


def test_partner_colours_differ_for_colour_blind_viewers_too():
    """The eight partner colours stay apart under simulated deuteranopia and protanopia."""

    def simulate(colour: str, matrix) -> tuple[float, float, float]:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        return tuple(sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix)

    # Machado et al. (2009), severity 1.0, applied to sRGB values: enough to compare distances.
    deuteranopia = ((0.367, 0.861, -0.228), (0.280, 0.673, 0.047), (-0.012, 0.043, 0.969))
    protanopia = ((0.152, 1.053, -0.205), (0.115, 0.786, 0.099), (-0.004, -0.048, 1.052))
    for matrix in (deuteranopia, protanopia):
        seen = [simulate(colour, matrix) for colour in PARTNER_COLOURS]
        for index, first in enumerate(seen):
            for second in seen[index + 1 :]:
                distance = sum((a - b) ** 2 for a, b in zip(first, second, strict=True)) ** 0.5
                # Blue and reddish purple are the closest pair (0.20); the old light grey was 0.07.
                assert distance > 0.15, (first, second)


def test_eight_partners_get_eight_different_colours():
    used: list[str] = []
    for _ in range(8):
        used.append(next_colour(used))
    assert len(set(used)) == 8


def test_initials_are_the_second_cue():
    assert initials("Vestkyst Kommune") == "VK"
    assert initials("Mette Kjær") == "MK"
    assert initials("Forsyning") == "FO"
