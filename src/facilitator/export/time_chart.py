"""The report's time section: each step's planned minutes against those used, as bar charts.

One chart per part on a minutes scale all parts share, so bars compare down the page, then
the whole day's totals on their own scale and a sentence that says them in words.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable

from facilitator.export.document import ACCENT, ACCENT_LIGHT, CONTENT_WIDTH, FLAG, MUTED, RULE, Styles, para
from facilitator.export.fonts import BOLD, ITALIC, REGULAR, elide, strings
from facilitator.export.snapshot import SessionSnapshot, StepTime
from facilitator.text import Text

TIME_HEADING = Text("Tiden: planlagt og brugt", "Time: planned and used")
SKIPPED = Text("sprunget over", "skipped")

_CHART_LABEL_WIDTH = 62 * mm
_CHART_NUMBERS_WIDTH = 26 * mm
_CHART_ROW = 11.0
_CHART_BAR = 7.0
_CHART_ACTUAL = 3.6
_CHART_TITLE_ROW = 14.0
_CHART_AXIS_ROW = 9.0
#: Steps per chart block: one block is one drawing, and a drawing cannot continue on the next page.
_CHART_ROWS_PER_BLOCK = 40


def time_section(snapshot: SessionSnapshot, styles: Styles, language: str) -> list[Flowable]:
    """Planned against used minutes per step, part by part, and for the whole day."""
    story: list[Flowable] = [CondPageBreak(90 * mm), para(TIME_HEADING.get(language), styles.h1)]
    times = snapshot.step_times
    if not times:
        story.append(
            para(Text("Programmet har ingen trin.", "The programme has no steps.").get(language), styles.small)
        )
        return story
    originals = {step.id: step.minutes for _item, step in snapshot.program.stops()}
    longest = max(
        max(time.planned, time.actual or 0.0, originals.get(time.step_id, 0) if time.skipped else 0) for time in times
    )
    axis = _Axis.fitting(longest)
    story.append(_chart_legend(language))
    for part, block in _blocks(times):
        story.append(_part_chart(part, block, axis, originals, language))
    planned = sum(time.planned for time in times)
    run = [time for time in times if time.actual is not None]
    used = sum(time.actual or 0.0 for time in run)
    story.append(_totals_chart(planned, used, language))
    story.append(para(_time_summary(planned, run, sum(time.skipped for time in times), language), styles.body))
    return story


class _Axis:
    """The minutes scale every part's chart shares, so bars compare across the page."""

    def __init__(self, maximum: float, tick: int) -> None:
        self.maximum = maximum
        self.tick = tick
        self.left = _CHART_LABEL_WIDTH
        self.width = CONTENT_WIDTH - _CHART_LABEL_WIDTH - _CHART_NUMBERS_WIDTH - 6

    @classmethod
    def fitting(cls, longest: float) -> _Axis:
        tick = next((tick for tick in (5, 10, 15, 30, 60) if longest / tick <= 8), 120)
        return cls(max(tick, math.ceil(longest / tick) * tick), tick)

    def x(self, minutes: float) -> float:
        return self.left + self.width * min(minutes, self.maximum) / self.maximum


def _blocks(times: Sequence[StepTime]) -> Iterator[tuple[Text, list[StepTime]]]:
    """Consecutive steps of one part, at most a page's worth each."""
    block: list[StepTime] = []
    for time in times:
        if block and (time.part != block[0].part or len(block) == _CHART_ROWS_PER_BLOCK):
            yield block[0].part, block
            block = []
        block.append(time)
    if block:
        yield block[0].part, block


def _minutes(value: float) -> str:
    if 0 < value < 0.5:
        return "<1"
    return str(round(value))


def _duration(minutes: float, language: str) -> str:
    """'45 min', '7 t 5 min' / '7 h 5 min'."""
    whole = round(minutes)
    if whole < 60:
        return f"{_minutes(minutes)} min"
    hours, rest = divmod(whole, 60)
    unit = "h" if language == "en" else "t"
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"


def _part_chart(
    part: Text, block: Sequence[StepTime], axis: _Axis, originals: Mapping[str, int], language: str
) -> Drawing:
    # A break between parts is its own part of one step: no title row repeating its name.
    titled = not (len(block) == 1 and block[0].title == part)
    title_row = _CHART_TITLE_ROW if titled else 2.0
    height = title_row + len(block) * _CHART_ROW + _CHART_AXIS_ROW
    drawing = Drawing(CONTENT_WIDTH, height)
    rows_top = height - title_row
    rows_bottom = _CHART_AXIS_ROW
    numbers_right = CONTENT_WIDTH
    if titled:
        planned = sum(time.planned for time in block)
        used = [time.actual for time in block if time.actual is not None]
        total = f"{planned} / {_minutes(sum(used))}" if used else f"{planned} / –"
        title = elide(part.get(language), BOLD, 8.5, axis.left + axis.width)
        for string in strings(0, height - 10, title, BOLD, 8.5, fillColor=ACCENT):
            drawing.add(string)
        drawing.add(
            String(numbers_right, height - 10, total, fontName=BOLD, fontSize=8, fillColor=ACCENT, textAnchor="end")
        )
    for minute in range(0, int(axis.maximum) + 1, axis.tick):
        x = axis.x(minute)
        drawing.add(Line(x, rows_bottom, x, rows_top, strokeColor=RULE, strokeWidth=0.4 if minute else 0.8))
        drawing.add(
            String(
                x, rows_bottom - 7, str(minute), fontName=REGULAR, fontSize=6.3, fillColor=MUTED, textAnchor="middle"
            )
        )
    drawing.add(
        # Clear of the last tick's number, which is centred on the axis' end.
        String(axis.left + axis.width + 9, rows_bottom - 7, "min", fontName=REGULAR, fontSize=6.3, fillColor=MUTED)
    )
    for index, time in enumerate(block):
        y = rows_top - (index + 1) * _CHART_ROW + (_CHART_ROW - _CHART_BAR) / 2
        _chart_row(drawing, time, y, axis, originals.get(time.step_id, 0), language)
    return drawing


def _chart_row(drawing: Drawing, time: StepTime, y: float, axis: _Axis, original: int, language: str) -> None:
    muted = {"fontName": REGULAR, "fontSize": 7, "fillColor": MUTED}
    label = elide(time.title.get(language), REGULAR, 7.5, axis.left - 6)
    for string in strings(0, y + 1.5, label, REGULAR, 7.5, fillColor=MUTED if time.skipped else colors.black):
        drawing.add(string)
    numbers_x = CONTENT_WIDTH
    if time.skipped:
        end = axis.x(original)
        drawing.add(
            Rect(
                axis.left,
                y,
                end - axis.left,
                _CHART_BAR,
                fillColor=None,
                strokeColor=MUTED,
                strokeWidth=0.5,
                strokeDashArray=[1.5, 1.5],
            )
        )
        drawing.add(String(end + 3, y + 1.5, SKIPPED.get(language), fontName=ITALIC, fontSize=7, fillColor=MUTED))
        drawing.add(String(numbers_x, y + 1.5, "– / –", textAnchor="end", **muted))
        return
    drawing.add(
        Rect(
            axis.left,
            y,
            axis.x(time.planned) - axis.left,
            _CHART_BAR,
            fillColor=ACCENT_LIGHT,
            strokeColor=ACCENT,
            strokeWidth=0.4,
        )
    )
    if time.actual is None:
        drawing.add(String(numbers_x, y + 1.5, f"{time.planned} / –", textAnchor="end", **muted))
        return
    over = round(time.actual) > time.planned
    drawing.add(
        Rect(
            axis.left,
            y + (_CHART_BAR - _CHART_ACTUAL) / 2,
            max(axis.x(time.actual) - axis.left, 0.8),
            _CHART_ACTUAL,
            fillColor=FLAG if over else ACCENT,
            strokeColor=None,
        )
    )
    drawing.add(
        String(
            numbers_x,
            y + 1.5,
            f"{time.planned} / {_minutes(time.actual)}",
            textAnchor="end",
            fontName=BOLD if over else REGULAR,
            fontSize=7,
            fillColor=FLAG if over else colors.black,
        )
    )


def _chart_legend(language: str) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, 14)
    x = 0.0
    samples = (
        (Text("Planlagt", "Planned"), "planned"),
        (Text("Brugt", "Used"), "used"),
        (Text("Brugt, mere end planlagt", "Used, more than planned"), "over"),
        (Text("Sprunget over", "Skipped"), "skipped"),
    )
    for label, sample in samples:
        if sample == "planned":
            drawing.add(Rect(x, 3, 14, _CHART_BAR, fillColor=ACCENT_LIGHT, strokeColor=ACCENT, strokeWidth=0.4))
        elif sample == "skipped":
            drawing.add(
                Rect(
                    x, 3, 14, _CHART_BAR, fillColor=None, strokeColor=MUTED, strokeWidth=0.5, strokeDashArray=[1.5, 1.5]
                )
            )
        else:
            colour = FLAG if sample == "over" else ACCENT
            drawing.add(
                Rect(x, 3 + (_CHART_BAR - _CHART_ACTUAL) / 2, 14, _CHART_ACTUAL, fillColor=colour, strokeColor=None)
            )
        text = label.get(language)
        drawing.add(String(x + 18, 4.5, text, fontName=REGULAR, fontSize=7.5, fillColor=colors.black))
        x += 18 + stringWidth(text, REGULAR, 7.5) + 14
    numbers = Text("Minutter: planlagt / brugt", "Minutes: planned / used").get(language)
    drawing.add(String(CONTENT_WIDTH, 4.5, numbers, fontName=REGULAR, fontSize=7, fillColor=MUTED, textAnchor="end"))
    return drawing


def _totals_chart(planned: float, used: float, language: str) -> Drawing:
    """The whole day: one bar for the plan, one for the time used so far, on their own scale."""
    rows = (
        (Text("Planlagt i alt", "Planned in all"), planned, "planned"),
        (Text("Brugt i alt", "Used in all"), used, "used"),
    )
    height = 8 + len(rows) * (_CHART_ROW + 3)
    drawing = Drawing(CONTENT_WIDTH, height)
    left, width = _CHART_LABEL_WIDTH, CONTENT_WIDTH - _CHART_LABEL_WIDTH - _CHART_NUMBERS_WIDTH - 6
    longest = max(planned, used, 1)
    for index, (label, minutes, kind) in enumerate(rows):
        y = height - 8 - (index + 1) * (_CHART_ROW + 3) + 3
        drawing.add(String(0, y + 1.5, label.get(language), fontName=BOLD, fontSize=8, fillColor=colors.black))
        bar = max(width * minutes / longest, 0.8)
        if kind == "planned":
            drawing.add(Rect(left, y, bar, _CHART_BAR + 2, fillColor=ACCENT_LIGHT, strokeColor=ACCENT, strokeWidth=0.5))
        else:
            colour = FLAG if used > planned else ACCENT
            drawing.add(Rect(left, y + 1, bar, _CHART_BAR, fillColor=colour, strokeColor=None))
        drawing.add(
            String(
                CONTENT_WIDTH,
                y + 1.5,
                _duration(minutes, language),
                fontName=BOLD,
                fontSize=8,
                fillColor=colors.black,
                textAnchor="end",
            )
        )
    return drawing


def _time_summary(planned: float, run: Sequence[StepTime], skipped: int, language: str) -> str:
    """'Dagen var planlagt til 7 t 5 min. 8 trin er kørt: planlagt 29 min, brugt 30 min (1 min mere).'"""
    day = _duration(planned, language)
    sentences = [Text(f"Dagen var planlagt til {day}.", f"The day was planned at {day}.").get(language)]
    if not run:
        sentences.append(Text("Ingen trin er kørt endnu.", "No step has been run yet.").get(language))
    else:
        run_planned = sum(time.planned for time in run)
        used = sum(time.actual or 0.0 for time in run)
        difference = round(used) - run_planned
        count, planned_text, used_text = len(run), _duration(run_planned, language), _duration(used, language)
        if difference > 0:
            extra = Text(
                f" ({_duration(difference, language)} mere end planlagt)",
                f" ({_duration(difference, language)} more than planned)",
            )
        elif difference < 0:
            extra = Text(
                f" ({_duration(-difference, language)} mindre end planlagt)",
                f" ({_duration(-difference, language)} less than planned)",
            )
        else:
            extra = Text(" (som planlagt)", " (as planned)")
        sentences.append(
            Text(
                f"{count} trin er kørt: planlagt {planned_text}, brugt {used_text}{extra.da}.",
                f"{count} step(s) run: planned {planned_text}, used {used_text}{extra.en}.",
            ).get(language)
        )
    if skipped:
        sentences.append(Text(f"{skipped} trin er sprunget over.", f"{skipped} step(s) skipped.").get(language))
    return " ".join(sentences)
