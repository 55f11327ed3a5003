"""What a real acknowledgement contains, part by part, and what is missing.

The parts: it names specifically what happened; says it was wrong; shows understanding of the
impact; carries no excuse, "but" or "if"; commits to specific change; asks nothing back.
"""

import re

EXCUSING = ("non_apology", "defensiveness", "minimizing", "blame", "gaslighting")
ASKING = ("timeline_pressure", "threat")


def _has(findings, *categories) -> bool:
    return any(f.category in categories for f in findings)


def assess_apology(lang, text: str, findings) -> list[dict]:
    words = lang.apology
    if "parts" not in words:
        return []  # this language's rules do not describe apologies yet
    says_wrong = any(re.search(p, text, re.IGNORECASE) for p in words.get("wrong", []))
    asks_back = _has(findings, *ASKING) or any(
        re.search(p, text, re.IGNORECASE) for p in words.get("asks_back", [])
    )
    parts = [
        ("specific", _has(findings, "acknowledgement")),
        ("wrong", says_wrong or _has(findings, "ownership")),
        ("impact", _has(findings, "impact")),
        ("no_excuse", not _has(findings, *EXCUSING)),
        ("commitment", _has(findings, "commitment")),
        ("asks_nothing", not asks_back),
    ]
    texts = words.get("parts", {})
    return [
        {
            "part": key,
            "present": present,
            "label": texts[key]["label"],
            "advice": "" if present else texts[key]["advice"],
        }
        for key, present in parts
    ]
