"""Loading a language's rules from rules/<language>.toml and compiling them once."""

import re
import re._constants as _C  # the parsed form of a pattern, to find how it can start
import re._parser as _parser
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mend.coach.shorthand import Shorthand

RULES_DIR = Path(__file__).resolve().parent / "rules"
FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Category:
    id: str
    label: str  # what a person reads: "I-statement", "Non-apology"
    kind: str  # "harmful" or "helpful"
    severity: str
    explanation: str
    suggestion: str
    # One alternation of every pattern, for lower-cased text; and the same for any case, used
    # when lower-casing would change the text's length (a few Unicode letters do).
    pattern: re.Pattern
    pattern_any_case: re.Pattern
    # A sentence matching this (any of the category's "unless" patterns, as one alternation:
    # one search per match instead of one per pattern) does not count for this category.
    unless: re.Pattern | None = None
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
    shorthand: Shorthand = field(default_factory=lambda: Shorthand.from_data({}))


def _any_of(patterns) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS) if patterns else None


def _unless(spec: dict, shared: dict) -> list[str]:
    """A category's exclusions, with each "@name" replaced by the shared list of that name."""
    patterns = []
    for p in spec.get("unless", []):
        if not p.startswith("@"):
            patterns.append(p)
        elif p[1:] in shared:
            patterns += shared[p[1:]]
        else:
            raise ValueError(f"{p} names no list in [shared]")
    return patterns


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


def _first_chars(items) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: cannot tell), and whether it can
    match the empty string so that what follows may start it instead."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _C.LITERAL:
            return chars | {chr(arg)}, False
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero-width: the next item gives the first character
        if op is _C.IN:
            for kind, value in arg:
                if kind is _C.LITERAL:
                    chars.add(chr(value))
                elif kind is _C.RANGE:
                    chars |= {chr(c) for c in range(value[0], value[1] + 1)}
                else:
                    return None, False
            return chars, False
        if op is _C.SUBPATTERN:
            options, nullable = _first_chars(arg[3])
        elif op is _C.BRANCH:
            options, nullable = set(), False
            for alternative in arg[1]:
                first, empty = _first_chars(alternative)
                if first is None:
                    return None, False
                options |= first
                nullable = nullable or empty
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            options, nullable = _first_chars(arg[2])
            nullable = nullable or arg[0] == 0
        else:
            return None, False
        if options is None:
            return None, False
        chars |= options
        if not nullable:
            return chars, False
    return chars, True


def first_chars(pattern: str) -> set[str] | None:
    try:
        chars, nullable = _first_chars(_parser.parse(pattern, re.UNICODE))
    except re.error:
        return None
    return None if nullable else chars


def _combine(patterns, flags) -> re.Pattern | None:
    """All of a category's patterns as one alternation: one pass over the text.

    Python's engine tries every alternative at every position, so each alternation is guarded
    by a lookahead for the characters its patterns can start with, and those that start with a
    word also by "no letter or digit just before": most positions then fail on one test. A
    leading word boundary is dropped from each pattern (the guard or analyze._matches checks
    it)."""
    if not patterns:
        return None
    bare = [p[2:] if p.startswith("\\b") else p for p in patterns]
    words, others, unknown = [], [], []
    starts: dict[str, set[str]] = {"words": set(), "others": set()}
    for p in bare:
        chars = first_chars(p)
        if chars is None:
            unknown.append(p)
        elif all(c.isalnum() for c in chars):
            words.append(p)
            starts["words"] |= chars
        else:
            others.append(p)
            starts["others"] |= chars
    groups = []
    if words:
        groups.append(rf"(?<![^\W_])(?=[{_charset(starts['words'])}])(?:{_alternation(words)})")
    if others:
        groups.append(rf"(?=[{_charset(starts['others'])}])(?:{_alternation(others)})")
    if unknown:
        groups.append(_alternation(unknown))
    return re.compile("|".join(groups), flags)


def _alternation(patterns) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _charset(chars: set[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


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
            label=spec["label"],
            kind=spec["kind"],
            severity=spec["severity"],
            explanation=spec["explanation"],
            suggestion=spec["suggestion"],
            pattern=_combine([lowered(p) for p in spec["patterns"]], re.UNICODE),
            pattern_any_case=_combine(spec["patterns"], FLAGS),
            unless=_any_of(_unless(spec, data.get("shared", {}))),
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
        shorthand=Shorthand.from_data(data.get("shorthand", {})),
    )
