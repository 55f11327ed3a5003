"""The one exception domain services raise when a request breaks a rule.

Web views show `message` next to `field` (or at the top of the form); the API answers 400 with
the same words. Raising before any write keeps every operation all-or-nothing.
"""


class RuleBroken(Exception):
    def __init__(self, message: str, field: str | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status

    def as_dict(self) -> dict:
        errors = {self.field: self.message} if self.field else {}
        return {"detail": self.message, "errors": errors}
