"""What a due commitment's record adds up to. Pure: no Django imports.

The record is append-only: the maker reports kept or missed, the receiver confirms or
disputes. Both accounts stand. It counts as kept only when both agree; when they disagree it is
"disputed" — a prompt to talk, not a verdict. A commitment to oneself (no receiver) rests on
the maker's own report.
"""

import math
from dataclasses import dataclass

KEPT, MISSED = "kept", "missed"
CONFIRM, DISPUTE = "confirm", "dispute"

AWAITING_REPORT = "awaiting_report"
AWAITING_CONFIRMATION = "awaiting_confirmation"
DISPUTED = "disputed"

LABELS = {
    AWAITING_REPORT: "Waiting for the maker's report",
    AWAITING_CONFIRMATION: "Waiting for confirmation",
    KEPT: "Kept",
    MISSED: "Missed",
    DISPUTED: "Seen differently",
}


def status(report: str | None, response: str | None, has_receiver: bool) -> str:
    if report is None:
        return AWAITING_REPORT
    if not has_receiver:
        return report
    if response is None:
        # An admitted miss needs no one's agreement to count as missed.
        return MISSED if report == MISSED else AWAITING_CONFIRMATION
    if response == DISPUTE:
        return DISPUTED
    return report


@dataclass(frozen=True)
class Tally:
    kept: int = 0
    missed: int = 0
    disputed: int = 0

    @property
    def settled(self) -> int:
        return self.kept + self.missed + self.disputed

    @property
    def rate(self) -> float | None:
        return self.kept / self.settled if self.settled else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.kept, self.settled)

    @property
    def percent(self) -> int | None:
        return round(100 * self.rate) if self.settled else None

    @property
    def interval_percent(self) -> tuple[int, int] | None:
        if self.interval is None:
            return None
        low, high = self.interval
        return round(100 * low), round(100 * high)


def tally(statuses) -> Tally:
    counts = {KEPT: 0, MISSED: 0, DISPUTED: 0}
    for s in statuses:
        if s in counts:
            counts[s] += 1
    return Tally(counts[KEPT], counts[MISSED], counts[DISPUTED])


def wilson_interval(successes: int, trials: int, z: float = 1.2816) -> tuple[float, float] | None:
    """An 80% Wilson score interval for a rate: honest about how little a few days show."""
    if trials == 0:
        return None
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return low, high


def positive_ratio(appreciations: int, kept: int, missed: int, major_conflicts: int) -> dict:
    """Positive moments against negative ones (Gottman's ~5:1 in stable couples)."""
    positive = appreciations + kept
    negative = missed + major_conflicts
    ratio = positive / negative if negative else None
    return {"positive": positive, "negative": negative, "ratio": ratio}
