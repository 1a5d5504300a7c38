"""A free TCP port on the loopback interface, for the servers that scripts, tests and
benchmarks start (PostgreSQL clusters, gunicorn, Redis). Standard library only, so the
scripts that import it run with any Python 3."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port no one listens on now (the system's choice for a socket bound to port 0)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
