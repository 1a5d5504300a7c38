"""Errors of the community actions: each says what was refused and how to put it right."""

from __future__ import annotations

from symptomdb.errors import SymptomdbError


class CommunityError(SymptomdbError):
    """Base of the errors the community actions raise."""


class ActionNotAllowed(CommunityError):
    """The user lacks the permission an action needs.

    Attributes:
        action: the action refused ("sign off review", "moderate comment").
        permission: the permission it needs ("community.sign_off_review").
    """

    def __init__(self, action: str, permission: str, hint: str = "") -> None:
        self.action = action
        self.permission = permission
        message = f"Not allowed to {action}: this needs the {permission!r} permission."
        super().__init__(f"{message} {hint}".strip())


class InvalidAction(CommunityError):
    """The action cannot apply to this object (wrong page, revision or comment state)."""
