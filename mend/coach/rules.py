"""Loading a language's rules from rules/<language>.toml and compiling them once."""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"
FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Category:
    id: str
    kind: str  # "harmful" or "helpful"
    severity: str
    explanation: str
    suggestion: str
    # One alternation of every pattern, for lower-cased text; and the same for any case, used
    # when lower-casing would change the text's length (a few Unicode letters do).
    pattern: re.Pattern
    pattern_any_case: re.Pattern
    # A sentence matching any of these does not count for this category.
    unless: tuple[re.Pattern, ...] = ()
    purposes: tuple[str, ...] = ()  # empty: every purpose
    praise_check: bool = False  # skip when the clause praises rather than complains


@dataclass(frozen=True)
class Language:
    code: str
    categories: dict[str, Category]
    negation: re.Pattern
    negation_exceptions: re.Pattern
    praise: re.Pattern
    complaint: re.Pattern
    reported_speech: re.Pattern
    feelings: dict[str, list[str]] = field(default_factory=dict)
    apology: dict = field(default_factory=dict)
    rewrite: dict = field(default_factory=dict)


def _compile(patterns) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, FLAGS) for p in patterns)


def lowered(pattern: str) -> str:
    """The pattern for lower-cased text: letters lowered, escapes (\\S, \\W, …) untouched.
    Matching lower-cased text without IGNORECASE is about twice as fast."""
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


def _combine(patterns, flags) -> re.Pattern | None:
    """All of a category's patterns as one alternation: one pass over the text.

    A leading word boundary is dropped from each pattern and checked by the matcher instead
    (see analyze._matches): Python's engine scans an alternation about twice as fast without
    it."""
    if not patterns:
        return None
    bare = [p[2:] if p.startswith("\\b") else p for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in bare), flags)


def available() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.toml"))


@cache
def load(code: str) -> Language:
    path = RULES_DIR / f"{code}.toml"
    if not path.exists():
        raise ValueError(f"No coach rules for language {code!r}; have {available()}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    categories = {
        cid: Category(
            id=cid,
            kind=spec["kind"],
            severity=spec["severity"],
            explanation=spec["explanation"],
            suggestion=spec["suggestion"],
            pattern=_combine([lowered(p) for p in spec["patterns"]], re.UNICODE),
            pattern_any_case=_combine(spec["patterns"], FLAGS),
            unless=_compile(spec.get("unless", [])),
            purposes=tuple(spec.get("purposes", [])),
            praise_check=spec.get("praise_check", False),
        )
        for cid, spec in data["categories"].items()
    }
    context = data.get("context", {})
    return Language(
        code=code,
        categories=categories,
        negation=re.compile("|".join(context.get("negation", ["(?!x)x"])), FLAGS),
        negation_exceptions=re.compile(
            "|".join(context.get("negation_exceptions", ["(?!x)x"])), FLAGS
        ),
        praise=re.compile("|".join(context.get("praise", ["(?!x)x"])), FLAGS),
        complaint=re.compile("|".join(context.get("complaint", ["(?!x)x"])), FLAGS),
        reported_speech=re.compile("|".join(context.get("reported_speech", ["(?!x)x"])), FLAGS),
        feelings=data.get("feelings", {}),
        apology=data.get("apology", {}),
        rewrite=data.get("rewrite", {}),
    )
