"""Crisis lines by country, from data/crisis_resources.json. Pure: no Django imports."""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "crisis_resources.json"


@cache
def all_countries() -> dict[str, dict]:
    return {c["code"]: c for c in json.loads(DATA.read_text())["countries"]}


def for_country(code: str | None) -> dict | None:
    return all_countries().get((code or "").upper())


def choices() -> list[tuple[str, str]]:
    return sorted(
        ((c["code"], c["name"]) for c in all_countries().values()), key=lambda pair: pair[1]
    )
