"""What a daily check-in asks, with its ranges and wording. Pure: no Django imports.

Forms, the API schema and the service all read these, so a range is defined exactly once.
Felt safety, conflict frequency and ease of communication are the measures the research says
show repair better than the mere absence of a new breach; "checking for inconsistencies" tracks
hypervigilance, whose fading is a sign trust is returning.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    question: str
    low: int
    high: int
    low_label: str
    high_label: str


MOOD = Scale("mood", "How is your mood today?", 1, 5, "Very low", "Very good")
SAFETY = Scale(
    "safety",
    "How emotionally safe did you feel with them today?",
    0,
    10,
    "Not at all",
    "Completely",
)
TRUST = Scale("trust", "How much do you trust them today?", 0, 10, "Not at all", "Completely")
COMMUNICATION = Scale(
    "communication", "How easy was it to talk with each other?", 1, 5, "Very hard", "Very easy"
)
SCALES = (MOOD, SAFETY, TRUST, COMMUNICATION)

CONFLICT_CHOICES = (("none", "None"), ("minor", "Minor"), ("major", "Major"))
CHECKING_CHOICES = (
    ("never", "Never"),
    ("some", "Once or twice"),
    ("often", "Three times or more"),
)
CHECKING_QUESTION = "How often did you catch yourself checking for inconsistencies?"
CONFLICT_QUESTION = "Was there conflict between you today?"
NOTE_QUESTION = "How am I, really?"
NOTE_MAX = 4000
