from ninja import Field, Router, Schema

from mend.apischema import Input, problems
from mend.coach import PURPOSES, analyze, rules
from mend.coach.analyze import MAX_TEXT

router = Router(tags=["coach"])


class AnalyzeIn(Input):
    text: str = Field(max_length=MAX_TEXT)
    purpose: str = Field("message", pattern=f"^({'|'.join(PURPOSES)})$")
    language: str = Field("en", pattern=f"^({'|'.join(rules.available())})$")


class FindingOut(Schema):
    category: str
    kind: str
    start: int
    end: int
    text: str
    severity: str
    explanation: str
    suggestion: str


class RewriteOut(Schema):
    category: str
    original: str
    text: str


class ApologyPartOut(Schema):
    part: str
    present: bool
    label: str
    advice: str


class AnalysisOut(Schema):
    language: str
    purpose: str
    labels: list[str]
    findings: list[FindingOut]
    rewrites: list[RewriteOut]
    apology: list[ApologyPartOut] | None = None


@router.post("/coach/analyze", response={200: AnalysisOut, **problems()})
def analyze_text(request, payload: AnalyzeIn):
    """Live feedback on a draft. Nothing is stored and nothing leaves this server."""
    return analyze(payload.text, payload.purpose, payload.language)
