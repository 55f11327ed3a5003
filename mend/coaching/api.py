import json

from django.http import HttpResponse
from ninja import Field, Router, Schema

from mend.apischema import Input, problems
from mend.coach import PURPOSES, Finding, rules
from mend.coach.analyze import MAX_TEXT
from mend.coaching import coaching

router = Router(tags=["coach"])


class AnalyzeIn(Input):
    text: str = Field(max_length=MAX_TEXT)
    purpose: str = Field("message", pattern=f"^({'|'.join(PURPOSES)})$")
    language: str = Field("en", pattern=f"^({'|'.join(rules.available())})$")
    ai: bool = Field(False, description="Also ask the configured language model, if any.")


class ScenarioIn(Input):
    scenario: str = Field(min_length=3, max_length=500)
    message: str = Field(min_length=1, max_length=MAX_TEXT)


class RewriteOut(Schema):
    category: str
    source: str
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
    findings: list[Finding]
    rewrites: list[RewriteOut]
    apology: list[ApologyPartOut] | None = None
    ai: str = Field("off", description="off, used, or unavailable (fell back to local).")


class ScenarioOut(Schema):
    reply: str
    reply_findings: list[Finding]
    your_findings: list[Finding]


@router.post("/coach/analyze", response={200: AnalysisOut, **problems()})
def analyze_text(request, payload: AnalyzeIn):
    """Live feedback on a draft. Nothing is stored; nothing leaves this server unless `ai` is
    asked for and a language model is configured."""
    result = coaching.analyze_draft(payload.text, payload.purpose, payload.language, payload.ai)
    # Already plain JSON types, shaped as AnalysisOut (the schema tests check it): skipping a
    # second validation pass matters on an endpoint called on every pause in typing.
    return HttpResponse(json.dumps(result), content_type="application/json")


@router.post("/coach/scenario", response={200: ScenarioOut, **problems(404, 504)})
def scenario(request, payload: ScenarioIn):
    """Practise a hard conversation with the configured language model playing the other
    person. 404 when no model is configured here; 504 when it does not answer in time."""
    return coaching.roleplay(payload.scenario, payload.message)
