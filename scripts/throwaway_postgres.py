"""A throwaway PostgreSQL cluster for the test suite: started in a temp dir, removed after.

Debian's initdb and pg_ctl refuse to run as root, so as root they run as the `postgres`
user (through runuser) in a directory that user owns. The server listens on a free port of
127.0.0.1 only, with trust auth and fsync off (data is thrown away anyway).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator


def _bin_dir() -> str:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        raise SystemExit("PostgreSQL server binaries not found: apt-get install postgresql")
    return os.path.dirname(candidates[-1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a cluster; yield its DATABASE_URL; stop it and delete its files on exit."""
    bin_dir = _bin_dir()
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    workdir = tempfile.mkdtemp(prefix="symptomdb-pg-")
    data = os.path.join(workdir, "data")
    if as_root:
        shutil.chown(workdir, "postgres", "postgres")
    port = _free_port()
    log = os.path.join(workdir, "server.log")
    try:
        subprocess.run(
            [
                *prefix,
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
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir} -c fsync=off -c full_page_writes=off"
        subprocess.run(
            [*prefix, f"{bin_dir}/pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield f"postgres://postgres@127.0.0.1:{port}/symptomdb"
    finally:
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            subprocess.run(
                [*prefix, f"{bin_dir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"],
                check=False,
                stdout=subprocess.DEVNULL,
            )
        shutil.rmtree(workdir, ignore_errors=True)
