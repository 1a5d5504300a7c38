"""Load test of the reader's site at a constant request rate, served as `make run` serves it.

usage: python bench/load.py [--rate 300] [--duration 20] [--medquad DIR] [--no-page-cache]

Sets up a fresh SQLite site in a temporary directory (``symptomdb setup``, optionally
``import-medquad``), starts gunicorn on a free loopback port with the same configuration
as ``make run`` (``symptomdb/gunicorn_conf.py``), warms it, then drives each page at a
constant rate from this process (the server runs in its own processes): a topic page, the
answer page with 20 rotating consumer questions, the home page and a static file.

The generator is open loop: request *i* is due at ``start + i / rate`` whether or not
earlier requests have finished, and its latency is measured from that due time, so a
stalled server shows up in the figures instead of slowing the generator down
("coordinated omission"; see Gil Tene, "How NOT to measure latency", 2013). Each phase is
bounded both in requests (rate x duration) and in time (duration + a drain timeout).

Writes bench/results/load.json and bench/results/load.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from loopback import free_port  # noqa: E402  (scripts/loopback.py)

from symptomdb.gunicorn_conf import command as gunicorn_command  # noqa: E402

RESULTS = ROOT / "bench" / "results"
REQUEST_TIMEOUT = 10.0  # seconds; a slower response counts as an error

# Consumer questions written for this benchmark (ours; not from any data set), rotating.
QUESTIONS = [
    "What are the causes and treatments for self-injury?",
    "how do i stop cutting myself",
    "Is self harm a sign of depression?",
    "what are the symptoms of depression",
    "How is depression treated?",
    "can anxiety cause chest pain",
    "What helps with panic attacks?",
    "how to help a friend who self harms",
    "What is borderline personality disorder?",
    "treatment for borderline personality disorder",
    "what causes eating disorders",
    "How do I know if my teenager has an eating disorder?",
    "What is PTSD and how is it treated?",
    "symptoms of post traumatic stress disorder after a car accident",
    "where can i get help for suicidal thoughts",
    "Is there medication for anxiety?",
    "how long does depression last",
    "what are the risk factors for self injury in teenagers",
    "does therapy work for ptsd",
    "how can I prevent an anxiety relapse",
]


@dataclass
class Phase:
    """One constant-rate run against a list of URLs (used in turn)."""

    name: str
    paths: list[str]
    rate: float
    duration: float


@dataclass
class PhaseResult:
    """What one phase achieved; latencies in milliseconds."""

    name: str
    target_rate: float
    requests: int
    achieved_rate: float
    ok: int
    errors: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    send_lag_p99_ms: float
    cache_hits: int
    error_kinds: dict[str, int] = field(default_factory=dict)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by the nearest-rank method; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


async def drive(base_url: str, phase: Phase) -> PhaseResult:
    """Send ``rate x duration`` requests at their due times; return latency percentiles."""
    total = max(1, int(phase.rate * phase.duration))
    latencies: list[float] = []
    lags: list[float] = []
    errors: dict[str, int] = {}
    hits = 0
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    connector = aiohttp.TCPConnector(limit=256, force_close=False)

    async with aiohttp.ClientSession(base_url, timeout=timeout, connector=connector) as session:

        async def one(i: int, due: float) -> None:
            nonlocal hits
            lags.append(time.perf_counter() - due)
            try:
                async with session.get(phase.paths[i % len(phase.paths)]) as response:
                    await response.read()
                    if response.status != 200:
                        errors[f"HTTP {response.status}"] = (
                            errors.get(f"HTTP {response.status}", 0) + 1
                        )
                        return
                    if response.headers.get("X-Cache") == "hit":
                        hits += 1
            except (aiohttp.ClientError, TimeoutError) as error:
                errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
                return
            latencies.append(time.perf_counter() - due)

        start = time.perf_counter() + 0.05
        tasks = []
        for i in range(total):
            due = start + i / phase.rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i, due)))
        sent_for = time.perf_counter() - start
        await asyncio.wait(tasks, timeout=REQUEST_TIMEOUT + 5)
    ms = [x * 1000 for x in latencies]
    return PhaseResult(
        name=phase.name,
        target_rate=phase.rate,
        requests=total,
        achieved_rate=round(len(ms) / max(sent_for, 1e-9), 1),
        ok=len(ms),
        errors=total - len(ms),
        p50_ms=round(percentile(ms, 50), 2),
        p90_ms=round(percentile(ms, 90), 2),
        p99_ms=round(percentile(ms, 99), 2),
        max_ms=round(max(ms, default=0.0), 2),
        send_lag_p99_ms=round(percentile([x * 1000 for x in lags], 99), 2),
        cache_hits=hits,
        error_kinds=errors,
    )


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        sys.exit(f"load: {shlex.join(args)} failed:\n{done.stderr}")


@contextlib.contextmanager
def serve_site(
    folder: Path, medquad: Path | None, page_cache: bool, timings: dict[str, float] | None = None
) -> Iterator[str]:
    """Set up a fresh SQLite site in ``folder`` and serve it with gunicorn; yield its URL.

    ``timings``, when given, receives how long each step took in seconds: ``setup``,
    ``import_medquad`` (with its vectors) and ``server_ready`` (start to the first page)."""
    steps: dict[str, float] = {} if timings is None else timings
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "symptomdb.settings",
        "SYMPTOMDB_DATA_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'symptomdb.sqlite3'}",
        "SYMPTOMDB_PAGE_CACHE": "on" if page_cache else "off",
    }
    env.pop("DEBUG", None)
    cli = [sys.executable, "-m", "symptomdb.cli"]
    started = time.perf_counter()
    _run([*cli, "setup"], env)
    steps["setup"] = time.perf_counter() - started
    if medquad is not None:
        started = time.perf_counter()
        _run([*cli, "import-medquad", str(medquad)], env)
        steps["import_medquad"] = time.perf_counter() - started
    port = free_port()
    started = time.perf_counter()
    log = (folder / "gunicorn.log").open("w")
    server = subprocess.Popen(
        gunicorn_command(f"127.0.0.1:{port}"),
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if server.poll() is not None:
                sys.exit(f"load: gunicorn exited:\n{(folder / 'gunicorn.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/help/", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)  # waiting for the server to listen
        steps["server_ready"] = time.perf_counter() - started
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # still draining an overload's backlog
            server.kill()
            server.wait(timeout=30)
        log.close()


def static_path(base_url: str) -> str:
    """The stylesheet the home page links (its hashed name comes from collectstatic)."""
    with urllib.request.urlopen(f"{base_url}/", timeout=10) as response:
        html = response.read().decode()
    found = re.search(r'href="(/static/[^"]+\.css)"', html)
    if not found:
        sys.exit("load: the home page links no stylesheet under /static/")
    return found.group(1)


def ask_paths() -> list[str]:
    """The answer page URL for each benchmark question."""
    return [f"/ask/?{urllib.parse.urlencode({'q': q})}" for q in QUESTIONS]


def warm(base_url: str, paths: list[str], rounds: int) -> None:
    """Request every path a few times so each worker has built its index and filled caches."""
    for _ in range(rounds):
        for path in paths:
            with urllib.request.urlopen(base_url + path, timeout=60) as response:
                response.read()


def settle(base_url: str, limit: float = 60.0) -> None:
    """Wait until the server has worked through any backlog (an overloaded phase leaves
    queued connections behind), so one phase's overload is not charged to the next."""
    quick = 0
    deadline = time.monotonic() + limit
    while quick < 3 and time.monotonic() < deadline:
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{base_url}/help/", timeout=limit):
                pass
        except OSError:
            quick = 0
            continue
        quick = quick + 1 if time.perf_counter() - began < 0.05 else 0


def gunicorn_settings() -> dict[str, object]:
    """The serving configuration in force (the same module `make run` uses)."""
    sys.path.insert(0, str(ROOT))
    from symptomdb import gunicorn_conf

    found: dict[str, object] = {
        k: getattr(gunicorn_conf, k)
        for k in ("workers", "threads", "worker_class", "preload_app")
        if hasattr(gunicorn_conf, k)
    }
    if os.environ.get("GUNICORN_CMD_ARGS"):
        found["GUNICORN_CMD_ARGS"] = os.environ["GUNICORN_CMD_ARGS"]
    return found


def machine_note() -> dict[str, object]:
    """Cores and load average, so a busy machine is visible beside the figures."""
    return {
        "cpus": os.cpu_count(),
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }


def _describe_gunicorn(found: object) -> str:
    settings = found if isinstance(found, dict) else {}
    text = (
        f"{settings.get('workers')} {settings.get('worker_class', 'sync')} workers"
        f" x {settings.get('threads', 1)} threads"
    )
    if settings.get("GUNICORN_CMD_ARGS"):
        text += f" (GUNICORN_CMD_ARGS={settings['GUNICORN_CMD_ARGS']})"
    return text


def render_markdown(report: dict[str, object]) -> str:
    """The results as the Markdown table docs/operators.md quotes."""
    lines = [
        "# Load test (bench/load.py)",
        "",
        f"Run {report['date']} with `{report['command']}`: fresh SQLite site, gunicorn "
        f"{_describe_gunicorn(report['gunicorn'])}, page cache {'on' if report['page_cache'] else 'off'}, "
        f"{report['machine']['cpus']} CPUs, load average before "  # type: ignore[index]
        f"{report['machine_before']['load_average_1_5_15']}, after "  # type: ignore[index]
        f"{report['machine']['load_average_1_5_15']}. "  # type: ignore[index]
        "Open-loop generator in its own process on the same machine; latency from each "
        "request's due time.",
        "",
        "| page | target req/s | requests | achieved req/s | errors | p50 ms | p90 ms | p99 ms | max ms | cache hits |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in report["phases"]:  # type: ignore[attr-defined]
        lines.append(
            f"| {r['name']} | {r['target_rate']:g} | {r['requests']} | {r['achieved_rate']} | "
            f"{r['errors']} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['max_ms']} | "
            f"{r['cache_hits']} |"
        )
    lines += ["", "Targets: topic page p99 ≤ 25 ms at 300 req/s; answer page p99 ≤ 80 ms.", ""]
    return "\n".join(lines)


def print_table(results: list[PhaseResult]) -> None:
    header = f"{'page':<14}{'req/s':>8}{'sent':>7}{'errors':>8}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>9}{'hits':>7}"
    print(header)
    for r in results:
        print(
            f"{r.name:<14}{r.achieved_rate:>8}{r.requests:>7}{r.errors:>8}{r.p50_ms:>8}"
            f"{r.p90_ms:>8}{r.p99_ms:>8}{r.max_ms:>9}{r.cache_hits:>7}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=300.0, help="requests per second")
    parser.add_argument(
        "--answer-rate", type=float, default=50.0, help="requests per second to the answer page"
    )
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per page")
    parser.add_argument("--medquad", type=Path, help="also import MedQuAD from this folder")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="serve with the page cache off"
    )
    parser.add_argument("--only", help="comma-separated phase names (topic,answer,home,static)")
    parser.add_argument("--no-write", action="store_true", help="print only; keep bench/results")
    args = parser.parse_args(argv)

    before = machine_note()
    with (
        tempfile.TemporaryDirectory(prefix="symptomdb-load-") as tmp,
        serve_site(Path(tmp), args.medquad, not args.no_page_cache) as url,
    ):
        phases = [
            Phase("topic", ["/topics/self-injury/"], args.rate, args.duration),
            Phase("answer", ask_paths(), args.answer_rate, args.duration),
            Phase("home", ["/"], args.rate, args.duration),
            Phase("static", [static_path(url)], args.rate, args.duration),
        ]
        if args.only:
            wanted = set(args.only.split(","))
            phases = [p for p in phases if p.name in wanted]
        warm(url, sorted({p for phase in phases for p in phase.paths}), rounds=4)
        results = []
        for phase in phases:
            # A short run at the same rate first, so each phase starts from a warm server.
            asyncio.run(drive(url, Phase(phase.name, phase.paths, phase.rate, 2.0)))
            results.append(asyncio.run(drive(url, phase)))
            settle(url)
    print_table(results)
    for r in results:
        if r.error_kinds:
            print(f"{r.name} errors: {r.error_kinds}")

    report: dict[str, object] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": shlex.join(["python", "bench/load.py", *(argv or sys.argv[1:])]),
        "gunicorn": gunicorn_settings(),
        "page_cache": not args.no_page_cache,
        "medquad": args.medquad is not None,
        "machine_before": before,
        "machine": machine_note(),
        "questions": QUESTIONS,
        "phases": [asdict(r) for r in results],
    }
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "load.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / "load.md").write_text(render_markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
