"""The safety plan's steps and the suggestions every reader starts from.

The six steps follow the Safety Planning Intervention (Stanley B, Brown GK. Safety planning
intervention: a brief intervention to mitigate suicide risk. Cognitive and Behavioral
Practice 2012;19(2):256-264, doi:10.1016/j.cbpra.2011.01.001), plus reasons for living,
in our own words. Safe messaging: "making the surroundings safer" names no method and no
means; it asks the reader to involve someone they trust.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = ["COPING_STEP", "PLAN_STEPS", "PROFESSIONALS_STEP", "PlanStep"]

COPING_STEP = "coping"
PROFESSIONALS_STEP = "professionals"


@dataclass(frozen=True)
class PlanStep:
    """One part of the plan: an id used in the page and the browser's storage, its words."""

    id: str
    title: Promise
    prompt: Promise
    suggestions: tuple[Promise, ...] = field(default_factory=tuple)
    number: int | None = None


PLAN_STEPS: tuple[PlanStep, ...] = (
    PlanStep(
        "warning-signs",
        _("Warning signs"),
        _(
            "Thoughts, feelings, situations or things I do that tell me a hard time may be "
            "starting."
        ),
        (
            _("Not sleeping, or sleeping much more than usual"),
            _("Pulling away from people"),
            _("Thinking that things will never get better"),
        ),
        number=1,
    ),
    PlanStep(
        COPING_STEP,
        _("Things I can do on my own"),
        _("Ways to take my mind off things and calm down, without contacting anyone."),
        (
            _("Slow breathing for a few minutes"),
            _("Listening to music I like"),
            _("Going for a walk"),
        ),
        number=2,
    ),
    PlanStep(
        "distraction",
        _("People and places that take my mind off things"),
        _("People I can spend time with, and places with other people around."),
        (
            _("A friend I can chat with about everyday things (name and number)"),
            _("A café, library, park or other place where there are people"),
        ),
        number=3,
    ),
    PlanStep(
        "help-people",
        _("People I can ask for help"),
        _("People I trust and can tell how I am feeling."),
        (_("Someone I trust (name and number)"), _("Someone else I trust (name and number)")),
        number=4,
    ),
    PlanStep(
        PROFESSIONALS_STEP,
        _("Professionals and crisis lines"),
        _("Services I can contact, day or night. Crisis lines are free and confidential."),
        (_("My doctor or another professional (name and number)"),),
        number=5,
    ),
    PlanStep(
        "safer",
        _("Making my surroundings safer"),
        _("Things that help keep me safe when things are hard."),
        (
            _(
                "Ask someone you trust to help you keep things you might use to hurt "
                "yourself out of reach, or to keep them for you for now"
            ),
            _("Stay where other people are around when things feel hard"),
            _("Avoid alcohol and drugs when you feel low; they can make things feel worse"),
        ),
        number=6,
    ),
    PlanStep(
        "reasons",
        _("My reasons for living"),
        _("People, pets, plans, places and things that matter to me."),
        (_("People or pets who matter to me"), _("Things I still want to do or see")),
    ),
)
