"""Where sentences and clauses begin and end, found once per text. Pure: no Django imports.

Context checks ask "which sentence (or clause) is this match in?" many times per message;
splitting once and answering by bisection keeps that off the hot path.
"""

import re
from bisect import bisect_right

SENTENCE_END = re.compile(r"[.!?\n]+")
# A clause also ends at a semicolon, a dash, or ", but / and / so".
CLAUSE_END = re.compile(r"[.!?;\n]+|\s[-–—]\s|,\s+(?:but|and|so)\s")


class Spans:
    """Pieces of a text between separators: (start, end) with the separator excluded."""

    def __init__(self, text: str, separator: re.Pattern):
        self.starts, self.ends = [0], []
        for m in separator.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def around(self, start: int, end: int | None = None) -> tuple[int, int]:
        """From the start of the piece holding `start` to the end of the piece holding `end`."""
        last = self.index(max(start, (end or start) - 1))
        return self.starts[self.index(start)], self.ends[last]

    def next_end(self, pos: int) -> int:
        """The end of the piece after the one holding `pos` (or of that one, if it is last)."""
        i = min(self.index(pos) + 1, len(self.ends) - 1)
        return self.ends[i]

    def pieces(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))


class Layout:
    """A text's sentences and clauses."""

    def __init__(self, text: str):
        self.text = text
        self.sentences = Spans(text, SENTENCE_END)
        self.clauses = Spans(text, CLAUSE_END)

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        return self.sentences.around(start, end)

    def clause_start(self, pos: int) -> int:
        return self.clauses.around(pos)[0]

    def non_empty_sentences(self) -> list[tuple[int, int]]:
        return [(a, b) for a, b in self.sentences.pieces() if self.text[a:b].strip()]
