"""Loading a language's rules from rules/<language>.toml and compiling them once."""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mend.coach.matcher import Matcher, alternation
from mend.coach.shorthand import Shorthand

RULES_DIR = Path(__file__).resolve().parent / "rules"
NOTHING = "(?!x)x"  # a pattern that never matches, for a context list a language leaves out


@dataclass(frozen=True)
class Category:
    id: str
    label: str  # what a person reads: "I-statement", "Non-apology"
    kind: str  # "harmful" or "helpful"
    severity: str
    explanation: str
    suggestion: str
    # A sentence matching this (any of the category's "unless" patterns, as one alternation:
    # one search per match instead of one per pattern) does not count for this category.
    unless: re.Pattern | None = None
    purposes: tuple[str, ...] = ()  # empty: every purpose
    praise_check: bool = False  # skip when the clause praises rather than complains


@dataclass(frozen=True)
class Language:
    code: str
    categories: dict[str, Category]
    matcher: Matcher  # every category's patterns, for lower-cased text
    negation: re.Pattern
    negation_exceptions: re.Pattern
    praise: re.Pattern
    complaint: re.Pattern
    reported_speech: re.Pattern
    feelings: dict[str, list[str]] = field(default_factory=dict)
    apology: dict = field(default_factory=dict)
    rewrite: dict = field(default_factory=dict)
    shorthand: Shorthand = field(default_factory=lambda: Shorthand.from_data({}))


def _any_of(patterns) -> re.Pattern | None:
    """One alternation of the patterns, for lower-cased text; None for none."""
    if not patterns:
        return None
    return re.compile(alternation([lowered(p) for p in patterns]), re.UNICODE)


def written(spec: dict, key: str, shared: dict) -> list[str]:
    """A category's "patterns" or "unless" list, each "@name" replaced by the [shared] list of
    that name: a phrase that signals two categories, or signals one and rules out another, is
    written once."""
    patterns = []
    for p in spec.get(key, []):
        if not p.startswith("@"):
            patterns.append(p)
        elif p[1:] in shared:
            patterns += shared[p[1:]]
        else:
            raise ValueError(f"{p} names no list in [shared]")
    return patterns


def lowered(pattern: str) -> str:
    """The pattern for lower-cased text (see lowercase.py): letters lowered, escapes (\\S,
    \\W, …) untouched."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    # Texting style drops apostrophes ("youre", "dont", "im"): make them optional.
    return "".join(out).replace("['’]?", "['’]").replace("['’]", "['’]?")


def available() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.toml"))


@cache
def load(code: str) -> Language:
    path = RULES_DIR / f"{code}.toml"
    if not path.exists():
        raise ValueError(f"No coach rules for language {code!r}; have {available()}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    shared = data.get("shared", {})
    categories = {
        cid: Category(
            id=cid,
            label=spec["label"],
            kind=spec["kind"],
            severity=spec["severity"],
            explanation=spec["explanation"],
            suggestion=spec["suggestion"],
            unless=_any_of(written(spec, "unless", shared)),
            purposes=tuple(spec.get("purposes", [])),
            praise_check=spec.get("praise_check", False),
        )
        for cid, spec in data["categories"].items()
    }
    context = data.get("context", {})
    return Language(
        code=code,
        categories=categories,
        matcher=Matcher(
            {
                cid: [lowered(p) for p in written(spec, "patterns", shared)]
                for cid, spec in data["categories"].items()
            }
        ),
        negation=_any_of(context.get("negation", [NOTHING])),
        negation_exceptions=_any_of(context.get("negation_exceptions", [NOTHING])),
        praise=_any_of(context.get("praise", [NOTHING])),
        complaint=_any_of(context.get("complaint", [NOTHING])),
        reported_speech=_any_of(context.get("reported_speech", [NOTHING])),
        feelings=data.get("feelings", {}),
        apology=data.get("apology", {}),
        rewrite=data.get("rewrite", {}),
        shorthand=Shorthand.from_data(data.get("shorthand", {})),
    )
