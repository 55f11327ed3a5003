"""I-statement suggestions built from the person's own sentence. Offered, never applied.

"You never listen to me" becomes options such as "I feel unheard when I don't feel listened to
… Could we …?" — the person picks one and edits it; nothing replaces their words.
"""

import re

from mend.coach.sentences import Layout

REWRITABLE = ("blame", "criticism", "absolute")


def _behaviour(lang, sentence: str) -> str:
    """The other person's behaviour, from "you …", in neutral words."""
    rules = lang.rewrite
    m = re.search(rules["you_clause"], sentence, re.IGNORECASE)
    if not m:
        return ""
    clause = m.group("rest").strip().rstrip(".!?,;:— ")
    for pattern, replacement in rules.get("soften", []):
        clause = re.sub(pattern, replacement, clause, flags=re.IGNORECASE)
    clause = re.sub(r"\s{2,}", " ", clause).strip()
    # It now sits mid-sentence: "You're careless" becomes "… when you're careless".
    return clause[:1].lower() + clause[1:] if clause[:3].lower() == "you" else clause


def _point_end(first, targets) -> int:
    """Where the first point ends: findings that overlap or touch it ("You always" + "leave me
    to clean up") are one point; one after a comma ("…, you're so selfish") is another."""
    end = first.end
    for f in sorted(targets, key=lambda f: f.start):
        if f.start <= end + 1:
            end = max(end, f.end)
    return end


def suggest_rewrites(lang, text: str, findings) -> list[dict]:
    targets = [f for f in findings if f.category in REWRITABLE]
    if not targets or "rewrite" not in lang.rewrite.get("template", {}):
        return []
    first = targets[0]
    layout = Layout(text)
    start, end = layout.sentence(first.start, first.end)
    sentence = text[start:end].strip()
    # The behaviour comes from the clause that was found, not the sentence's first "you":
    # in "Sorry if you were upset, but you always overreact" it is "you overreact". It stops
    # where the sentence turns to another harmful point (sarcasm, a threat, a verdict on
    # character): "You never help, thanks for nothing" and "You never listen, you're so
    # selfish" are about "you don't help" and "you don't listen".
    found_to = _point_end(first, targets)
    end = min([end] + [f.start for f in findings if f.start >= found_to and f.kind == "harmful"])
    clause = text[max(start, layout.clause_start(first.start)) : end]
    behaviour = (
        _behaviour(lang, clause)
        or _behaviour(lang, sentence)
        or lang.rewrite["template"]["fallback_behaviour"]
    )
    feelings = lang.feelings.get(first.category, lang.feelings.get("default", []))[:3]
    template = lang.rewrite["template"]["rewrite"]
    return [
        {
            "category": first.category,
            "source": "local",
            "original": sentence,
            "text": template.format(feeling=feeling, behaviour=behaviour),
        }
        for feeling in feelings
    ]
