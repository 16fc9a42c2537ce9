"""The questions of the guide's three personal templates, quoted word for word.

From "Partnerskabsdannelse for bæredygtig omstilling": the printed templates and the
process model (fig. 1) list four questions per circle, in the order the app asks them.
Where the two differ, the template the partners hold on paper wins: its contribution
circle asks "Hvad vil jeg blive bedre til, når vi arbejder sammen?", which fig. 1 shortens.
The guide itself is not in the repository, so the words are written out here.
"""

GUIDE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "change": (
        "Hvad vil jeg forandre?",
        "Hvorfor vil jeg skabe forandringen?",
        "Hvem gavner forandringen?",
        "Hvordan skaber jeg forandringen?",
    ),
    "contribution": (
        "Hvilke ressourcer vil jeg mobilisere – under hvilke betingelser?",
        "Hvad begrænser mine handlinger i partnerskabet?",
        "Hvad vil jeg blive bedre til, når vi arbejder sammen?",
        "Hvordan vil jeg gerne se ejerskab fordelt?",
    ),
    "scaling": (
        "Hvilke netværk har jeg brug for?",
        "Hvordan vil jeg engagere andre via kommunikation?",
        "Hvordan dokumenterer jeg vores resultater?",
        "Hvilken modstand forventer jeg at møde?",
    ),
}
