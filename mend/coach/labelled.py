"""Reading labelled messages: one JSON object a line, {"text", "purpose", "labels"}.

Used by the evaluation and by the learned model's training, so both read a file alike.
"""

import json
from pathlib import Path


def read(path: Path) -> list[dict]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            assert isinstance(item["text"], str)
        except (ValueError, KeyError, AssertionError) as exc:
            raise ValueError(f"{path}:{number}: not a {{text, purpose, labels}} object") from exc
        items.append(
            {
                "text": item["text"],
                "purpose": item.get("purpose") or "message",
                "labels": list(item.get("labels") or []),
            }
        )
    return items
