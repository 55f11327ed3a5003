"""The private safety check. Pure: no Django imports.

Short, plain questions about fear, threats, coercion, monitoring and isolation — the signs
that the right next step is help and a safety plan, not reconciliation. Any "yes" turns on
safety mode for the person who answered, and for nobody else.
"""

QUESTIONS = (
    ("fear", "Are you sometimes afraid of someone in this relationship?"),
    (
        "threats",
        "Has anyone threatened to hurt you, themselves, your children or pets — or to "
        "leave you without money or a home — if you do not do what they want?",
    ),
    ("harm", "Have you been pushed, hit, held down, choked, or pressured into anything sexual?"),
    (
        "monitoring",
        "Does someone check your phone, messages or location, or insist on your passwords?",
    ),
    ("control", "Does someone control your money, who you see, or where you go?"),
    ("walking_on_eggshells", "Do you change what you do or say to avoid their reaction?"),
)


def needs_safety_mode(answers: dict[str, bool]) -> bool:
    return any(answers.get(key, False) for key, _ in QUESTIONS)
