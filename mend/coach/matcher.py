"""Where a language's patterns match a text, each pattern tried only where it can start.

A message of 500 characters holds about a hundred words, and the rules hold over a thousand
patterns. Scanning one alternation per category tried every pattern at every word, which was
most of the coach's time. Here every pattern is filed under the first characters its matches
must start with ("you ne" for "you never", "i fee" for "I feel"). The text is cut into words and
marks once, and at each one only the patterns filed under what the text there starts with are
tried, every category's in one call. The few patterns whose start cannot be told are scanned for
as before.

Nearly a hundred patterns open a sentence, "(?:^|[.!?]\\s*)yawn". Past the start of the text
they can only match from a mark, so they are filed under their marks alone, and at a full stop
they are tried only when the word after it (past any spaces) starts as they go on ("yawn"):
trying them all at every mark was a third of the matching time, and filing them under their
words as well put a pattern under every letter. At the start of the text they are tried apart.

Patterns are written for lower-cased text and give the same matches as a scan would: at each
place the first pattern that matches, in file order except that patterns opening a sentence come
after the others, and a category's matches never overlap.
Pure: no Django imports.
"""

import re
import re._constants as _C  # the parsed form of a pattern, to find how it can start
import re._parser as _parser

# Words (letters and digits) and single marks (anything else but spaces): where a match can start.
TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
# Characters a pattern is filed under: "you ne" for "you never", "i fee" for "I feel". Longer
# keys try fewer patterns at each word but make more to compile: with 3, finding every match in
# a 500-character message took 0.64 ms; with 6, 0.48 ms; with 8 no less, and rules.load took
# 2.2 s instead of about 1 s.
KEY_LENGTH = 6
MAX_KEYS = 64  # more ways to start than this: file the pattern under shorter keys
MAX_SET = 8  # a character set of up to this many characters is followed, one key for each
# What follows a mark is told by up to this many characters: "yaw" for "yawn". Longer keys made
# hundreds more small nodes to compile for no faster matching.
AFTER_MARK_KEY = 3
OPENERS_LAST = 1 << 20  # added to the place of a pattern opening a sentence
# Which node the text at a word calls for depends only on the KEY_LENGTH characters there, so
# the answer is remembered: one look-up per word instead of one per key length, which was as
# much time as the patterns themselves. Common words repeat across every message; the memo is
# emptied when it holds this many (a few megabytes), so odd text cannot make it grow for ever.
MEMO_SIZE = 1 << 15

# A state while reading a pattern: the characters its matches must start with so far, and whether
# more can be added (False once something other than a plain character comes, or at KEY_LENGTH).
_State = tuple[str, bool]


def _add(state: _State, char: str) -> _State:
    prefix, growing = state
    if not growing:
        return state
    if not prefix and not TOKEN.match(char):
        return "", False  # starts with a space: cannot be filed
    return prefix + char, len(prefix) + 1 < KEY_LENGTH


def _stopped(states: set[_State]) -> set[_State]:
    return {(prefix, False) for prefix, _ in states}


def _read(states: set[_State], items) -> set[_State]:
    """The states after a parsed sequence. Stopping early is always safe: a shorter key is a
    weaker condition, so it can only cost speed, never a match."""
    for op, arg in items:
        if not any(growing for _, growing in states):
            break
        if op is _C.LITERAL:
            states = {_add(s, chr(arg)) for s in states}
        elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero-width: the next item gives the next character
        elif op is _C.IN and len(arg) <= MAX_SET and all(kind is _C.LITERAL for kind, _ in arg):
            states = {_add(s, chr(value)) for s in states for _, value in arg}
        elif op is _C.SUBPATTERN:
            states = _read(states, arg[3])
        elif op is _C.BRANCH:
            states = set().union(*(_read(states, alternative) for alternative in arg[1]))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            least, most, body = arg
            once = _read(states, body)
            once = once if most == 1 else _stopped(once)
            states = once if least >= 1 else states | once
        else:
            states = _stopped(states)
        if len(states) > MAX_KEYS:
            # Too many ways to start: stop every key here, except an empty one, which must go
            # on to the pattern's first character or the pattern could not be filed at all.
            states = {(prefix, growing and not prefix) for prefix, growing in states}
    return states


def starts(pattern: str) -> set[str] | None:
    """The keys a match of `pattern` must start with: up to KEY_LENGTH characters, the first a
    word's first letter or a mark. None when a match could start some other way (a space, any
    letter, nothing)."""
    try:
        parsed = _parser.parse(_bare(pattern), re.UNICODE)
        keys = {prefix for prefix, _ in _read({("", True)}, parsed)}
    except re.error:
        return None
    return None if "" in keys else keys


def _bare(pattern: str) -> str:
    """Without a leading \\b: a match is only tried where a word (or a mark) starts."""
    return pattern[2:] if pattern.startswith("\\b") else pattern


# A pattern that must open a sentence or follow one of some marks: "(?:^|[.!?]\s*)yawn".
OPENER = re.compile(r"(?:\\b)?\(\?:\^\|\[([^\]\\^]+)\]\\s\*\)")
SPACES = re.compile(r"\s*")


def opener(pattern: str) -> tuple[str, set[str]] | None:
    """For a pattern that opens a sentence, the marks it can follow and the keys what comes
    after them starts with ("yawn"); None for any other pattern."""
    m = OPENER.match(pattern)
    if m is None:
        return None
    rest = starts(pattern[m.end() :])
    return None if rest is None else (m.group(1), rest)


def alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


class _Node:
    """The patterns that can start at one key, every category's at once: one call per word
    instead of one per category. Each category's alternation is a lookahead that captures,
    so that every category that matches there is seen, each with its own span."""

    def __init__(self, by_category: dict[str, list[str]]):
        parts = [
            f"(?:(?=(?P<c{i}>{alternation(patterns)})))?"
            for i, patterns in enumerate(by_category.values())
        ]
        self.pattern = re.compile("".join(parts), re.UNICODE)
        self.groups = [
            (category, self.pattern.groupindex[f"c{i}"]) for i, category in enumerate(by_category)
        ]

    @classmethod
    def shared(cls, items: tuple, built: dict) -> "_Node":
        """The node for (category, place, pattern) items in order of place, built once
        however many keys share it ("you n" and "you ne" often do)."""
        if items not in built:
            by_category: dict[str, list[str]] = {}
            for category, _, pattern in items:
                by_category.setdefault(category, []).append(pattern)
            built[items] = cls(by_category)
        return built[items]


class Matcher:
    """Every category's patterns, filed by how they start."""

    def __init__(self, patterns: dict[str, list[str]]):
        # Each key's patterns: (category, place, pattern). The place is the file order, except
        # that patterns opening a sentence come after all others: at the start of the text they
        # are tried apart (see matches).
        filed: dict[str, list[tuple[str, int, str]]] = {}
        scanned: dict[str, list[str]] = {}
        openers: dict[int, tuple[str, set[str]]] = {}  # by place: see opener
        opening: list[tuple[str, int, str]] = []
        for place, (category, pattern) in enumerate(
            (category, pattern) for category, ps in patterns.items() for pattern in ps
        ):
            keys = starts(pattern)
            if keys is None:
                scanned.setdefault(category, []).append(pattern)
                continue
            if opens := opener(pattern):
                place += OPENERS_LAST
                openers[place] = opens
                opening.append((category, place, _bare(pattern)))
                # Past the start of the text, it can only match from one of its marks.
                keys = {key for key in keys if key[0] in opens[0]}
            for key in keys:
                filed.setdefault(key, []).append((category, place, _bare(pattern)))
        # At each key, the patterns that can start there: those filed under it or under a
        # shorter key it starts with ("yo" patterns can start at "you"), in order.
        self.at: dict[str, _Node] = {}
        built: dict[tuple, _Node] = {}
        for node in filed:
            here = {item for n in range(1, len(node) + 1) for item in filed.get(node[:n], ())}
            self.at[node] = _Node.shared(tuple(sorted(here, key=lambda item: item[1])), built)
        self.lengths = sorted({len(key) for key in filed}, reverse=True)
        self._memo: dict[str, tuple[str, _Node] | None] = {}
        marks = {mark for marks, _ in openers.values() for mark in marks}
        self.after_mark = {
            mark: _nodes_by_what_follows(filed[mark], openers, mark, built)
            for mark in marks
            if mark in filed
        }
        self.at_start = _nodes_by_what_follows(opening, openers, None, built)
        self.after_lengths = sorted(
            {len(key) for nodes in self.after_mark.values() for key in nodes if key}
            | {len(key) for key in self.at_start if key},
            reverse=True,
        )
        self.scanned = {
            category: re.compile(alternation(ps), re.UNICODE) for category, ps in scanned.items()
        }

    def matches(self, text: str, wanted) -> dict[str, list[tuple[int, int]]]:
        """Each wanted category's matches in lower-cased `text` as (start, end), in order, none
        overlapping."""
        found: dict[str, list[tuple[int, int]]] = {}
        memo, after_mark = self._memo, self.after_mark
        for token in TOKEN.finditer(text):
            start = token.start()
            here = text[start : start + KEY_LENGTH]
            filed = memo.get(here, False)
            if filed is False:
                filed = self._filed_at(here)
            if filed is None:
                continue  # no pattern can start here
            key, node = filed
            if len(key) == 1 and key in after_mark:  # past the mark and any spaces
                past = SPACES.match(text, start + 1).end()
                node = self._by_what_follows(text, past, after_mark[key])
            m = node.pattern.match(text, start)
            if m.lastindex is not None:  # at most words nothing matched: no category to ask
                _note(m, node, wanted, found)
        # Patterns opening a sentence, where they open the text: after the others there (the
        # merge below keeps the first of equal starts).
        node = self._by_what_follows(text, 0, self.at_start)
        if (m := node.pattern.match(text)).lastindex is not None:
            _note(m, node, wanted, found)
        for category, pattern in self.scanned.items():
            if category in wanted and (spans := list(_scan(pattern, text))):
                found.setdefault(category, []).extend(spans)
        return {category: _one_at_a_time(spans) for category, spans in found.items()}

    def _filed_at(self, here: str) -> tuple[str, _Node] | None:
        """The longest key `here` starts with, and its node; None when none is filed."""
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        for length in self.lengths:
            key = here[:length]
            if (node := self.at.get(key)) is not None:
                self._memo[here] = key, node
                return key, node
        self._memo[here] = None
        return None

    def _by_what_follows(self, text: str, start: int, nodes: dict[str, _Node]) -> _Node:
        """Of nodes filed by how the text goes on from `start`, the one for this text."""
        for length in self.after_lengths:
            node = nodes.get(text[start : start + length])
            if node is not None:
                return node
        return nodes[""]


def _nodes_by_what_follows(items, openers, mark: str | None, built) -> dict[str, _Node]:
    """Nodes for a place where only some patterns opening a sentence can match: after `mark`
    (the items filed under it) or at the start of the text (mark None; the items are all
    openers). Keyed by how the text goes on from there ("yaw" for "yawn", "" for any other
    way), each node keeps every other item and the openers that can go on that way."""
    keys = {
        key[:AFTER_MARK_KEY]
        for marks, rest in openers.values()
        if mark is None or mark in marks
        for key in rest
    }
    nodes = {}
    items = sorted(items, key=lambda item: item[1])
    for key in keys | {""}:
        kept = tuple(
            item
            for item in items
            if item[1] not in openers
            or any(key.startswith(start[:AFTER_MARK_KEY]) for start in openers[item[1]][1])
        )
        nodes[key] = _Node.shared(kept, built)
    return nodes


def _note(m: re.Match, node: _Node, wanted, found: dict) -> None:
    """Each wanted category's span in a node's match."""
    for category, group in node.groups:
        span = m.span(group)
        if span[0] >= 0 and category in wanted:
            found.setdefault(category, []).append(span)


def _scan(pattern: re.Pattern, text: str):
    """Non-empty matches that do not start inside a word."""
    pos = 0
    while m := pattern.search(text, pos):
        start = m.start()
        if start > 0 and text[start].isalnum() and text[start - 1].isalnum():
            pos = start + 1  # inside a word: look again just after it
            continue
        if m.end() > start:
            yield start, m.end()
        pos = max(m.end(), start + 1)


def _one_at_a_time(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """As a scan reads them: from the start, and on from where each match ends."""
    kept: list[tuple[int, int]] = []
    last_end = 0
    for start, end in sorted(spans, key=lambda span: span[0]):  # stable: filed ones win a tie
        if start >= last_end:
            kept.append((start, end))
            last_end = end
    return kept
