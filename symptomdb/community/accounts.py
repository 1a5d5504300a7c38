"""Account settings glue: what django-axes may write to the log."""

from __future__ import annotations

from typing import Any


def anonymous_client_str(
    username: str, ip_address: str, user_agent: str, path_info: str, request: Any
) -> str:
    """The client as axes logs it: never the username or the IP address, only the path."""
    return f"a sign-in client at {path_info}"
