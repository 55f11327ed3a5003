"""Texting shorthand ("u never listen", "ur so dramatic", "idc") written out, and spelled-out
forms read contracted ("I will" as "I'll", as most patterns are written), before the rules read
a message, with a map back to the writer's own characters so that every span still points at
what they typed. The words and their replacements are data (the [shorthand] table of each
language's rules). Pure: no Django imports.
"""

import re
from dataclasses import dataclass

from mend.coach.lowercase import lower_in_place


@dataclass(frozen=True)
class Contextual:
    """A word written out one way before certain words and another way otherwise: "ur so" is
    "you're so", "ur phone" is "your phone"."""

    before: re.Pattern
    then: str
    otherwise: str


@dataclass(frozen=True)
class Shorthand:
    words: dict[str, str]
    contextual: dict[str, Contextual]
    pattern: re.Pattern | None  # any shorthand word, as a whole word, in lower-cased text

    @classmethod
    def from_data(cls, data: dict) -> "Shorthand":
        shorthand = {k.lower(): v for k, v in data.get("words", {}).items()}
        contractions = {k.lower(): v for k, v in data.get("contractions", {}).items()}
        words = {**shorthand, **contractions}
        contextual = {
            # Matched where the word ends, across the space after it.
            spec["word"].lower(): Contextual(
                re.compile(rf"\s*(?:{spec['before']})", re.IGNORECASE),
                spec["then"],
                spec["otherwise"],
            )
            for spec in data.get("contextual", [])
        }
        # "You are." at the end of a clause cannot be "you're.", but "I will not." can be "I
        # won't.": a form is contracted to anything but a negative only before another word,
        # so that "I'm not the bad guy here, you are." is still read as it was typed.
        anywhere = [*shorthand, *contextual]
        anywhere += [
            f for f, written in contractions.items() if written.endswith(("n't", "n’t", " not"))
        ]
        before_a_word = [f for f in contractions if f not in anywhere]
        branches = []
        if anywhere:
            branches.append(rf"(?:{_longest_first(anywhere)})(?![\w'’])")
        if before_a_word:
            branches.append(rf"(?:{_longest_first(before_a_word)})(?=\s+[\w'’])")
        pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(branches) + ")") if branches else None
        return cls(words, contextual, pattern)

    def expand(self, text: str) -> tuple[str, list[int], list[int]] | None:
        """The text with shorthand written out, and for each of its characters where it starts
        and ends in the original; None when there is nothing to write out (the common case)."""
        if self.pattern is None:
            return None
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for m in self.pattern.finditer(lower_in_place(text)):
            word = m.group()
            if word in self.contextual:
                rule = self.contextual[word]
                written = rule.then if rule.before.match(text, m.end()) else rule.otherwise
            else:
                written = self.words[word]
            out.append(text[last : m.start()])
            starts.extend(range(last, m.start()))
            ends.extend(range(last + 1, m.start() + 1))
            out.append(written)
            starts.extend([m.start()] * len(written))
            ends.extend([m.end()] * len(written))
            last = m.end()
        if not out:
            return None
        out.append(text[last:])
        starts.extend(range(last, len(text)))
        ends.extend(range(last + 1, len(text) + 1))
        return "".join(out), starts, ends


def _longest_first(words) -> str:
    """The words as one alternation, longer ones first ("I will not" before "I will")."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
