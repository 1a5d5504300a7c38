"""A throwaway PostgreSQL cluster: for the test suite (started in a temp dir, removed after)
and for `make fleet` (kept under var/fleet/ between start and stop).

Debian's initdb and pg_ctl refuse to run as root, so as root they run as the `postgres`
user (through runuser) in a directory that user owns. The server listens on 127.0.0.1
only, with trust auth; the test suite's has fsync off (data is thrown away anyway).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator

from loopback import free_port


def _bin_dir() -> str:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        raise SystemExit("PostgreSQL server binaries not found: apt-get install postgresql")
    return os.path.dirname(candidates[-1])


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def start_cluster(workdir: str, port: int, *, durable: bool = False) -> str:
    """Create (first time) and start a cluster in ``workdir``, listening on 127.0.0.1:``port``.

    Returns the server's URL without a database name (``postgres://postgres@127.0.0.1:PORT``).
    ``durable`` keeps fsync on (the fleet, whose restarts must lose no saved comment).
    """
    bin_dir = _bin_dir()
    os.makedirs(workdir, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    data = os.path.join(workdir, "data")
    if not os.path.exists(os.path.join(data, "PG_VERSION")):
        subprocess.run(
            [
                *_as_postgres(),
                f"{bin_dir}/initdb",
                "-D",
                data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir}"
    if not durable:
        options += " -c fsync=off -c full_page_writes=off"
    log = os.path.join(workdir, "server.log")
    subprocess.run(
        [*_as_postgres(), f"{bin_dir}/pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return f"postgres://postgres@127.0.0.1:{port}"


def stop_cluster(workdir: str) -> None:
    """Stop the cluster in ``workdir`` if it runs (fast shutdown: sessions are ended)."""
    data = os.path.join(workdir, "data")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        subprocess.run(
            [*_as_postgres(), f"{_bin_dir()}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )


def restart_cluster(workdir: str) -> None:
    """Restart the cluster in ``workdir`` (fast: sessions are ended, as a failover would)."""
    data = os.path.join(workdir, "data")
    subprocess.run(
        [*_as_postgres(), f"{_bin_dir()}/pg_ctl", "-D", data, "-m", "fast", "-w", "restart"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def create_database(server_url: str, name: str) -> str:
    """Create database ``name`` on the server unless it exists; return its URL."""
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if found is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a cluster; yield its DATABASE_URL; stop it and delete its files on exit."""
    workdir = tempfile.mkdtemp(prefix="symptomdb-pg-")
    try:
        server = start_cluster(workdir, free_port())
        yield f"{server}/symptomdb"
    finally:
        stop_cluster(workdir)
        shutil.rmtree(workdir, ignore_errors=True)
