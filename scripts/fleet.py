"""Run symptomdb as a fleet on this machine: PostgreSQL, Redis, app servers behind HAProxy.

usage: python scripts/fleet.py start [--apps 3] [--workers 1]
       python scripts/fleet.py stop | status
       python scripts/fleet.py kill-app N | start-app N | restart-redis | restart-postgres

``make fleet`` and ``make fleet-stop`` call ``start`` and ``stop``. Everything listens on
127.0.0.1 only, and everything it keeps is under ``var/fleet/``: the PostgreSQL cluster, the
Redis append-only file, the shared data folder (uploads, collected static files, the answering
index's vectors), the generated SECRET_KEY, each process's log and ``fleet.json`` (ports and
process ids, read by ``stop`` and by ``bench/fleet.py``). ``stop`` ends every process it
started, by its recorded id, and keeps the data, so the next ``start`` is quick; ``stop
--wipe`` removes ``var/fleet/`` too.

The app servers are gunicorn with the configuration ``make run`` uses
(``symptomdb/gunicorn_conf.py``), each on a port of its own, in fleet mode
(``SYMPTOMDB_CACHE_URL``); docs/operators.md, "Several app servers", gives the settings an
operator uses across real machines. The fault commands (``kill-app`` sends SIGKILL to one app
server's whole process group, as a machine dying would) are what ``bench/fleet.py`` uses.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

from throwaway_postgres import create_database, restart_cluster, start_cluster, stop_cluster

from symptomdb.gunicorn_conf import command as gunicorn_command

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / "var" / "fleet"
STATE_FILE = STATE / "fleet.json"
# Ports on 127.0.0.1 (override with the environment, e.g. FLEET_PORT=9080).
BALANCER_PORT = int(os.environ.get("FLEET_PORT", "8080"))
APP_BASE_PORT = int(os.environ.get("FLEET_APP_BASE_PORT", "8100"))
REDIS_PORT = int(os.environ.get("FLEET_REDIS_PORT", "6380"))
POSTGRES_PORT = int(os.environ.get("FLEET_POSTGRES_PORT", "5480"))
START_TIMEOUT = 120.0  # seconds for an app server to load its models and answer

HAPROXY_CONFIG = """\
# Written by scripts/fleet.py; see docs/operators.md, "Several app servers".
global
    maxconn 4096
    # No "log" line: nothing here writes a client's address or a URL with its question.

defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 10s
    timeout http-request 10s
    timeout queue 5s
    # Up to 3 retries, each on another server (redispatch every time).
    retries 3
    option redispatch 1
    # Retry when no server took the request, or one died or failed with it; only idempotent
    # requests are ever retried once sent (see disable-l7-retry below). 500 is left out: a
    # database error is the same on every server.
    retry-on conn-failure empty-response response-timeout 502 503 504
    # The app reads the client's address (for rate limits, as a keyed hash) from the last
    # X-Forwarded-For entry, which this proxy adds: SYMPTOMDB_PROXIES=1.
    option forwardfor
    # When no server could answer, a page that says so in plain words (and that a form's
    # text is still in the browser), not HAProxy's bare error.
{errorfiles}

frontend www
    bind 127.0.0.1:{balancer_port}
    default_backend apps

backend apps
    balance roundrobin
    # A request sent to a server that then died is replayed only when repeating it is
    # harmless: GET and HEAD. A POST (a comment, a vote) is retried only when the
    # connection never reached a server (conn-failure, before anything was sent).
    http-request disable-l7-retry unless METH_GET
    # Liveness: the app's own process answering, without the database or Redis (a shared
    # outage must not take every server out of the pool at once).
    option httpchk
    http-check send meth GET uri /favicon.ico
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 maxconn 16 check
{servers}
"""

REDIS_CONFIG = """\
# Written by scripts/fleet.py.
bind 127.0.0.1
port {port}
protected-mode yes
dir {dir}
# Rate-limit counts and the page generation survive a restart: append-only file, fsync
# every second.
appendonly yes
appendfsync everysec
save ""
# A bounded cache: evict only keys with an expiry (pages, rate-limit buckets), never the
# page generation, which has none.
maxmemory 256mb
maxmemory-policy volatile-lru
"""


# What a reader sees when the balancer itself has to answer (every server down, or one died
# with a request that cannot be replayed): no script, no style from elsewhere, no cookie.
ERROR_PAGE = (
    "HTTP/1.1 {status}\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Cache-Control: no-store\r\n"
    "Connection: close\r\n"
    "\r\n"
    "<!doctype html>\n"
    '<html lang="en"><head><meta charset="utf-8"><title>Please try again - symptomdb</title>'
    "</head><body>\n"
    "<h1>Something went wrong on our side</h1>\n"
    "<p>Your request was not completed. If you were sending a comment or a vote, it may "
    "not have been saved: go back, and what you wrote is still in the form, ready to send "
    "again in a moment.</p>\n"
    "<p>If you need help now, call your local emergency number; in the US, call or text "
    "988.</p>\n"
    "</body></html>\n"
)


def write_error_pages(directory: Path) -> str:
    """Write HAProxy's error pages for 502, 503 and 504; return their ``errorfile`` lines."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = []
    for code, reason in (
        (502, "Bad Gateway"),
        (503, "Service Unavailable"),
        (504, "Gateway Timeout"),
    ):
        path = directory / f"{code}.http"
        path.write_text(ERROR_PAGE.replace("{status}", f"{code} {reason}"))
        lines.append(f"    errorfile {code} {path}")
    return "\n".join(lines)


def _say(message: str) -> None:
    print(f"fleet: {message}", flush=True)


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        # As the servers themselves bind: connections of a stopped fleet still in TIME_WAIT
        # do not make a port busy.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own child, exited but not reaped) counts as dead.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _load_state() -> dict[str, Any]:
    if STATE_FILE.exists():
        state: dict[str, Any] = json.loads(STATE_FILE.read_text())
        return state
    return {}


def _save_state(state: dict[str, Any]) -> None:
    STATE.mkdir(parents=True, exist_ok=True)
    partial = STATE_FILE.with_suffix(".partial")
    partial.write_text(json.dumps(state, indent=2) + "\n")
    partial.replace(STATE_FILE)


def _secret_key() -> str:
    """One key for every app server, generated once and kept (mode 600) under var/fleet/."""
    path = STATE / "secret_key"
    if not path.exists():
        STATE.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def app_env(state: dict[str, Any]) -> dict[str, str]:
    """The environment every app server (and every command) of the fleet runs with."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "symptomdb.settings",
        "DATABASE_URL": state["database_url"],
        "SYMPTOMDB_CACHE_URL": state["cache_url"],
        "SECRET_KEY": _secret_key(),
        # The shared folder: on real machines, shared storage (NFS or similar) for uploads
        # and the answering index; nothing else of a server's own is kept there.
        "SYMPTOMDB_DATA_DIR": str(STATE / "shared"),
        "SYMPTOMDB_PROXIES": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{state['balancer_port']}",
    }
    env.pop("DEBUG", None)
    return env


def _popen(args: list[str], log: Path, env: dict[str, str] | None = None) -> int:
    """Start ``args`` in a session of its own (so its whole group can be signalled)."""
    with log.open("a") as out:
        process = subprocess.Popen(
            args,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
    return process.pid


def _wait_http(url: str, timeout: float, pid: int | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid is not None and not _alive(pid):
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)  # polling a process that is starting, within the deadline
    return False


def _wait_port(port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)  # polling a process that is starting, within the deadline
    return False


def _run_command(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"fleet: {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def start_redis(state: dict[str, Any]) -> None:
    """Start redis-server on its port with the fleet's configuration."""
    directory = STATE / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "redis.conf"
    config.write_text(REDIS_CONFIG.format(port=state["redis_port"], dir=directory))
    redis_server = shutil.which("redis-server") or "/usr/bin/redis-server"
    state["pids"]["redis"] = _popen([redis_server, str(config)], directory / "redis.log")
    if not _wait_port(state["redis_port"], 20):
        raise SystemExit(f"fleet: redis-server did not start; see {directory / 'redis.log'}")


def restart_redis(state: dict[str, Any]) -> None:
    """Stop Redis (SIGTERM: it writes its append-only file and exits) and start it again."""
    _stop_pid(state["pids"].get("redis"), "redis")
    start_redis(state)
    _save_state(state)


def start_app(state: dict[str, Any], number: int) -> None:
    """Start app server ``number`` (1-based) and wait until it answers."""
    port = state["app_ports"][number - 1]
    log = STATE / f"app{number}.log"
    pid = _popen(
        gunicorn_command(f"127.0.0.1:{port}", workers=state["workers"]),
        log,
        env=app_env(state),
    )
    state["pids"][f"app{number}"] = pid
    _save_state(state)
    if not _wait_http(f"http://127.0.0.1:{port}/favicon.ico", START_TIMEOUT, pid):
        raise SystemExit(f"fleet: app server {number} did not start; see {log}")


def kill_app(state: dict[str, Any], number: int) -> None:
    """SIGKILL app server ``number``'s master and workers at once (a machine dying)."""
    pid = state["pids"].get(f"app{number}")
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        _reap(pid)


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _stop_pid(pid: int | None, name: str, timeout: float = 20.0) -> None:
    """SIGTERM the process group ``pid`` leads, then SIGKILL what is left after ``timeout``."""
    if not _alive(pid):
        return
    assert pid is not None
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _reap(pid)
        if not _alive(pid):
            return
        time.sleep(0.1)  # waiting for a process to exit, within the deadline
    _say(f"{name} did not stop in {timeout:.0f} s; killing it")
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
    _reap(pid)


def start(apps: int, workers: int) -> dict[str, Any]:
    """Bring the whole fleet up (or say it is up already); return its state."""
    state = _load_state()
    if state and any(_alive(pid) for pid in state.get("pids", {}).values()):
        _say("already running (python scripts/fleet.py status); stop it first to restart")
        return state
    ports = [BALANCER_PORT, REDIS_PORT, POSTGRES_PORT] + [
        APP_BASE_PORT + n for n in range(1, apps + 1)
    ]
    taken = [p for p in ports if not _port_is_free(p)]
    if taken:
        raise SystemExit(
            f"fleet: ports {taken} on 127.0.0.1 are in use; free them or choose others "
            "(FLEET_PORT, FLEET_APP_BASE_PORT, FLEET_REDIS_PORT, FLEET_POSTGRES_PORT)"
        )
    started = time.monotonic()
    state = {
        "balancer_port": BALANCER_PORT,
        "app_ports": [APP_BASE_PORT + n for n in range(1, apps + 1)],
        "redis_port": REDIS_PORT,
        "postgres_port": POSTGRES_PORT,
        "workers": workers,
        "cache_url": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "postgres_dir": str(STATE / "postgres"),
        "pids": {},
    }
    STATE.mkdir(parents=True, exist_ok=True)
    _save_state(state)
    server = start_cluster(state["postgres_dir"], POSTGRES_PORT, durable=True)
    # connect_timeout: a database host that stops answering costs a request 2 s (libpq's
    # least), not the operating system's TCP timeout.
    state["database_url"] = create_database(server, "symptomdb") + "?connect_timeout=2"
    _save_state(state)
    _say(f"PostgreSQL on 127.0.0.1:{POSTGRES_PORT}")
    start_redis(state)
    _save_state(state)
    _say(f"Redis on 127.0.0.1:{REDIS_PORT}")
    # Once for the whole fleet: migrate, static files, starter topics, the index's vectors.
    _run_command([sys.executable, "-m", "symptomdb.cli", "setup"], app_env(state))
    _say("symptomdb setup done (migrations, static files, starter topics, index vectors)")
    for number in range(1, apps + 1):
        start_app(state, number)
        _say(f"app server {number} on 127.0.0.1:{state['app_ports'][number - 1]}")
    servers = "\n".join(
        f"    server app{n} 127.0.0.1:{port}" for n, port in enumerate(state["app_ports"], 1)
    )
    config = STATE / "haproxy.cfg"
    config.write_text(
        HAPROXY_CONFIG.replace("{balancer_port}", str(BALANCER_PORT))
        .replace("{servers}", servers)
        .replace("{errorfiles}", write_error_pages(STATE / "errors"))
    )
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    _run_command([haproxy, "-c", "-q", "-f", str(config)], dict(os.environ))
    # -db: stay in the foreground (this script keeps its process id and stops it).
    state["pids"]["haproxy"] = _popen([haproxy, "-db", "-f", str(config)], STATE / "haproxy.log")
    _save_state(state)
    if not _wait_http(f"http://127.0.0.1:{BALANCER_PORT}/help/", 30, state["pids"]["haproxy"]):
        raise SystemExit(f"fleet: HAProxy did not start; see {STATE / 'haproxy.log'}")
    _say(
        f"up in {time.monotonic() - started:.0f} s: http://127.0.0.1:{BALANCER_PORT}/ "
        f"(HAProxy over {apps} app servers); stop with `make fleet-stop`"
    )
    return state


def stop(wipe: bool = False) -> None:
    """Stop every process the fleet started (balancer first, database last)."""
    state = _load_state()
    pids = state.get("pids", {})
    for name in ["haproxy", *sorted(n for n in pids if n.startswith("app")), "redis"]:
        _stop_pid(pids.get(name), name)
    if state.get("postgres_dir"):
        stop_cluster(state["postgres_dir"])
    if state:
        state["pids"] = {}
        _save_state(state)
    if wipe:
        shutil.rmtree(STATE, ignore_errors=True)
    _say("stopped" + (" and wiped var/fleet/" if wipe else " (data kept in var/fleet/)"))


def status() -> int:
    """Print each process and whether it runs; exit 0 when all do."""
    state = _load_state()
    pids = state.get("pids", {})
    if not pids:
        print("fleet: not running")
        return 1
    for name, pid in pids.items():
        print(f"{name:<8} pid {pid:<8} {'running' if _alive(pid) else 'NOT running'}")
    postgres_pid = Path(state["postgres_dir"]) / "data" / "postmaster.pid"
    print(f"postgres {'running' if postgres_pid.exists() else 'NOT running'}")
    return 0 if all(_alive(p) for p in pids.values()) and postgres_pid.exists() else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    begin = commands.add_parser("start", help="start the fleet")
    begin.add_argument("--apps", type=int, default=3, help="app servers (default 3)")
    begin.add_argument(
        "--workers", type=int, default=1, help="gunicorn workers per app server (default 1)"
    )
    end = commands.add_parser("stop", help="stop every process of the fleet")
    end.add_argument("--wipe", action="store_true", help="also delete var/fleet/")
    commands.add_parser("status", help="which processes run")
    for name in ("kill-app", "start-app"):
        command = commands.add_parser(name)
        command.add_argument("number", type=int)
    commands.add_parser("restart-redis")
    commands.add_parser("restart-postgres")
    args = parser.parse_args(argv)
    if args.command == "start":
        try:
            start(args.apps, args.workers)
        except BaseException:
            stop()  # never leave half a fleet running
            raise
        return 0
    if args.command == "stop":
        stop(args.wipe)
        return 0
    if args.command == "status":
        return status()
    state = _load_state()
    if not state.get("pids"):
        raise SystemExit("fleet: not running; start it with `make fleet`")
    if args.command == "kill-app":
        kill_app(state, args.number)
    elif args.command == "start-app":
        start_app(state, args.number)
    elif args.command == "restart-redis":
        restart_redis(state)
    elif args.command == "restart-postgres":
        restart_cluster(state["postgres_dir"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
