"""Object ids in URLs: positive and small enough for a 64-bit database column.

Anything else cannot name a row, so it is "not found" before any query is built (SQLite raises
on integers that do not fit, which would otherwise be a server error).
"""

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
