"""Fault test of the fleet through its load balancer: kill an app server, restart Redis and
PostgreSQL under open-loop mixed load, and check that no comment said "saved" was lost.

usage: python bench/fleet.py [--steady-rate 300] [--steady-seconds 20] [--mix-rate 50]
                             [--no-write]

Uses the fleet of ``make fleet`` (scripts/fleet.py): if it is not running, starts it (three
app servers, one gunicorn worker each) and stops it at the end, whatever happens. Everything
goes to 127.0.0.1; every phase is bounded in requests and in time.

1. **Steady**: topic pages at ``--steady-rate`` through HAProxy for ``--steady-seconds``,
   then answers and API calls at lower rates; each app server's CPU seconds (master and
   workers, from /proc) are read before and after, giving requests per CPU-second, and each
   worker's memory (RSS and PSS) is read.
2. **Faults**: mixed open-loop load (topic pages, answers, API calls, votes, comments) at
   ``--mix-rate`` for 75 s, during which app server 2 is killed with SIGKILL (master and
   worker at once) and started again, Redis is restarted, and PostgreSQL is restarted
   (fast shutdown, as a failover ends sessions). Each request belongs to the phase in which
   it was sent. A failure is a 5xx from the balancer or an error or timeout of the
   connection; a 429 is a limit that told its sender.
3. **Comments**: each has a unique text. Afterwards the database is asked which texts it
   holds: every comment answered "saved" must be there; every other one must have been told
   it was not saved, with its text given back in the reply.

Writes bench/results/fleet.json and bench/results/fleet.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import html
import importlib.util
import itertools
import json
import os
import platform
import re
import shlex
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import percentile  # the same nearest-rank percentile as bench/load.py

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
REQUEST_TIMEOUT = 10.0
TOPICS = ["self-injury", "depression", "anxiety", "eating-disorders", "suicidal-thoughts"]
QUESTIONS = [
    "What are the causes and treatments for self-injury?",
    "what are the symptoms of depression",
    "What helps with panic attacks?",
    "how to help a friend who self harms",
    "What is PTSD and how is it treated?",
    "Is there medication for anxiety?",
]
# The fault schedule, in seconds from the start of the mixed load: (time, phase, action).
SCHEDULE = [
    (0.0, "baseline", None),
    (10.0, "app server killed", "kill-app"),
    (17.0, "app server restarting", "start-app"),
    (35.0, "Redis restart", "restart-redis"),
    (50.0, "PostgreSQL restart", "restart-postgres"),
    (65.0, "after", None),
]
MIX_SECONDS = 75.0


def _load_fleet_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "fleet_orchestration", ROOT / "scripts" / "fleet.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fleet = _load_fleet_module()


@dataclass
class Outcome:
    """One request: when it was due (seconds from its run's start), what, how it ended."""

    due: float
    kind: str
    status: int  # 0: no HTTP answer (connection error or timeout)
    latency_ms: float
    error: str = ""
    comment: str = ""
    comment_result: str = ""  # saved / told-with-text / told-without-text


@dataclass
class Forms:
    """What the reader forms need: tokens, a vote target per topic, a comment action."""

    vote_token: str
    comment_token: str
    vote_targets: list[str]
    comment_actions: list[str]


@dataclass
class PhaseRow:
    name: str
    requests: int
    failures: int
    refused_429: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    failures_by_kind: dict[str, int] = field(default_factory=dict)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        text: str = response.read().decode()
        return text


def read_forms(base: str) -> Forms:
    """Form tokens and targets from the topic pages (as a reader's browser has them)."""
    vote_targets, comment_actions, vote_token, comment_token = [], [], "", ""
    for slug in TOPICS:
        page = fetch(f"{base}/topics/{slug}/")
        vote = re.search(
            r'class="vote-form[^"]*".*?name="form_token" value="([^"]+)".*?name="target" value="([^"]+)"',
            page,
            re.S,
        )
        comment = re.search(
            r'action="(/community/comment/\d+/)"[^>]*>\s*<input type="hidden" name="form_token" value="([^"]+)"',
            page,
        )
        if not vote or not comment:
            sys.exit(f"fleet bench: /topics/{slug}/ has no vote or comment form")
        vote_token, comment_token = html.unescape(vote.group(1)), html.unescape(comment.group(2))
        vote_targets.append(html.unescape(vote.group(2)))
        comment_actions.append(comment.group(1))
    return Forms(vote_token, comment_token, vote_targets, comment_actions)


class Load:
    """Open-loop mixed load through the balancer, a request every 1/rate seconds."""

    def __init__(self, base: str, forms: Forms | None) -> None:
        self.base = base
        self.forms = forms
        self.outcomes: list[Outcome] = []
        self.counter = 0
        self.run_id = uuid.uuid4().hex[:8]

    def _address(self) -> str:
        # Readers' forms from many loopback addresses (127.0.0.2-254), as many readers
        # would send them: the per-client limits count each apart.
        self.counter += 1
        return f"127.0.0.{2 + self.counter % 253}"

    async def one(
        self, session: aiohttp.ClientSession, kind: str, n: int, due: float, start: float
    ) -> None:
        outcome = Outcome(due=due - start, kind=kind, status=0, latency_ms=0.0)
        self.outcomes.append(outcome)
        try:
            if kind in ("vote", "comment"):
                await self._form(kind, n, outcome)
            else:
                async with session.get(self._path(kind, n)) as response:
                    await response.read()
                    outcome.status = response.status
        except (aiohttp.ClientError, TimeoutError) as error:
            outcome.error = type(error).__name__
        outcome.latency_ms = (time.perf_counter() - due) * 1000

    def _path(self, kind: str, n: int) -> str:
        if kind == "topic":
            return f"/topics/{TOPICS[n % len(TOPICS)]}/"
        if kind == "answer":
            return "/ask/?" + urllib.parse.urlencode({"q": QUESTIONS[n % len(QUESTIONS)]})
        # The API: a topic, an answer or a search, in turn.
        choice = n % 3
        if choice == 0:
            return f"/api/v1/topics/{TOPICS[n % len(TOPICS)]}"
        if choice == 1:
            return "/api/v1/answer?" + urllib.parse.urlencode({"q": QUESTIONS[n % len(QUESTIONS)]})
        return "/api/v1/search?q=depression"

    async def _form(self, kind: str, n: int, outcome: Outcome) -> None:
        assert self.forms is not None
        connector = aiohttp.TCPConnector(local_addr=(self._address(), 0), force_close=True)
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
        headers = {"Sec-Fetch-Site": "same-origin"}
        async with aiohttp.ClientSession(
            self.base, connector=connector, timeout=timeout, headers=headers
        ) as session:
            if kind == "vote":
                target = self.forms.vote_targets[n % len(self.forms.vote_targets)]
                data = {
                    "form_token": self.forms.vote_token,
                    "target": target,
                    "kind": "helpful",
                    "value": str(n % 2),
                }
                async with session.post(
                    "/community/vote/", data=data, allow_redirects=False
                ) as response:
                    await response.read()
                    # A counted vote is sent back to its page (302).
                    outcome.status = 200 if response.status == 302 else response.status
                return
            text = f"fleet bench comment {self.run_id}-{n}: clear and kind, thank you."
            outcome.comment = text
            action = self.forms.comment_actions[n % len(self.forms.comment_actions)]
            data = {"form_token": self.forms.comment_token, "text": text, "name": ""}
            async with session.post(action, data=data) as response:
                body = await response.text()
                outcome.status = response.status
            saved = response.status == 200 and re.search(r'data-outcome="(pending|held)"', body)
            if saved:
                outcome.comment_result = "saved"
            elif html.escape(text) in body or text in body:
                outcome.comment_result = "told-with-text"
            else:
                outcome.comment_result = "told-without-text"

    async def run(self, mix: list[tuple[str, float]], rate: float, seconds: float) -> float:
        """Send ``rate * seconds`` requests, kinds drawn in turn by weight; returns the
        start time (perf_counter) the outcomes' ``due`` are measured from."""
        total = int(rate * seconds)
        kinds = _interleave(mix, total)
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
        connector = aiohttp.TCPConnector(limit=256)
        async with aiohttp.ClientSession(
            self.base, timeout=timeout, connector=connector
        ) as session:
            start = time.perf_counter() + 0.05
            tasks = []
            for i, kind in enumerate(kinds):
                due = start + i / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(self.one(session, kind, i, due, start)))
            await asyncio.wait(tasks, timeout=REQUEST_TIMEOUT + 5)
        return start


def _interleave(mix: list[tuple[str, float]], total: int) -> list[str]:
    """``total`` kinds in a steady interleaving with the given weights (no randomness)."""
    weights = {kind: weight / sum(w for _, w in mix) for kind, weight in mix}
    credit = dict.fromkeys(weights, 0.0)
    out = []
    for _ in range(total):
        for kind in credit:
            credit[kind] += weights[kind]
        chosen = max(credit, key=lambda k: credit[k])
        credit[chosen] -= 1.0
        out.append(chosen)
    return out


def failed(outcome: Outcome) -> bool:
    """A request the balancer did not serve: no answer, or a 5xx."""
    return outcome.status == 0 or outcome.status >= 500


def summarise(name: str, outcomes: list[Outcome]) -> PhaseRow:
    ms = [o.latency_ms for o in outcomes if not failed(o)]
    by_kind: dict[str, int] = {}
    for o in outcomes:
        if failed(o):
            label = f"{o.kind} {o.status or o.error}"
            by_kind[label] = by_kind.get(label, 0) + 1
    return PhaseRow(
        name=name,
        requests=len(outcomes),
        failures=sum(failed(o) for o in outcomes),
        refused_429=sum(o.status == 429 for o in outcomes),
        p50_ms=round(percentile(ms, 50), 1),
        p99_ms=round(percentile(ms, 99), 1),
        max_ms=round(max(ms, default=0.0), 1),
        failures_by_kind=by_kind,
    )


# --- the app servers' processes, from /proc ---------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of the processes (those still alive)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def memory_kb(pid: int) -> dict[str, int]:
    """Resident (RSS) and proportional (PSS: shared pages split among sharers) memory, kB."""
    out = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("Rss", "Pss"):
            out[name.lower()] = int(value.split()[0])
    return out


def postgres_pids(state: dict[str, Any]) -> list[int]:
    """The PostgreSQL server and its backends (the postmaster's first line is its pid)."""
    pid_file = Path(state["postgres_dir"]) / "data" / "postmaster.pid"
    try:
        master = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return []
    return [master, *_children(master)]


def app_processes(state: dict[str, Any]) -> dict[str, list[int]]:
    """Each app server's master and worker process ids."""
    return {
        name: [pid, *_children(pid)]
        for name, pid in state["pids"].items()
        if name.startswith("app")
    }


# --- the run --------------------------------------------------------------------------


def steady(base: str, state: dict[str, Any], rate: float, seconds: float) -> dict[str, Any]:
    """Steady load of one kind at a time; latency and CPU per request of the app servers."""
    phases = [("topic", rate, seconds), ("answer", 20.0, 10.0), ("api", 30.0, 10.0)]
    rows, per_cpu = [], {}
    for kind, kind_rate, kind_seconds in phases:
        load = Load(base, None)
        asyncio.run(load.run([(kind, 1.0)], kind_rate, 2.0))  # warm at the same rate
        processes = [p for pids in app_processes(state).values() for p in pids]
        others = [state["pids"]["haproxy"], state["pids"]["redis"], *postgres_pids(state)]
        before, before_others = cpu_seconds(processes), cpu_seconds(others)
        load = Load(base, None)
        started = time.perf_counter()
        asyncio.run(load.run([(kind, 1.0)], kind_rate, kind_seconds))
        elapsed = time.perf_counter() - started
        used = cpu_seconds(processes) - before
        used_others = cpu_seconds(others) - before_others
        row = asdict(summarise(kind, load.outcomes))
        row["target_rate"] = kind_rate
        row["achieved_rate"] = round(sum(not failed(o) for o in load.outcomes) / elapsed, 1)
        row["app_cpu_seconds"] = round(used, 2)
        per_cpu[kind] = round(len(load.outcomes) / used, 1) if used else None
        row["requests_per_app_cpu_second"] = per_cpu[kind]
        row["balancer_cache_database_cpu_seconds"] = round(used_others, 2)
        rows.append(row)
    memory = {
        name: {str(pid): memory_kb(pid) for pid in pids}
        for name, pids in app_processes(state).items()
    }
    return {"phases": rows, "memory_kb": memory}


def faults(base: str, state: dict[str, Any], rate: float) -> dict[str, Any]:
    """Mixed load for MIX_SECONDS while the SCHEDULE's faults happen."""
    forms = read_forms(base)
    load = Load(base, forms)
    mix = [("topic", 60), ("answer", 8), ("api", 17), ("vote", 6), ("comment", 1.2)]
    events: list[dict[str, Any]] = []
    begun = threading.Event()
    origin: list[float] = []

    def run_faults() -> None:
        begun.wait(30)
        start = origin[0]
        for at, phase, action in SCHEDULE:
            delay = start + at - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            if action is None:
                continue
            began = time.perf_counter() - start
            if action == "kill-app":
                fleet.kill_app(state, 2)
            elif action == "start-app":
                fleet.start_app(state, 2)
            elif action == "restart-redis":
                fleet.restart_redis(state)
            elif action == "restart-postgres":
                fleet.restart_cluster(state["postgres_dir"])
            events.append(
                {
                    "phase": phase,
                    "action": action,
                    "at_s": round(began, 2),
                    "took_s": round(time.perf_counter() - start - began, 2),
                }
            )

    worker = threading.Thread(target=run_faults, daemon=True)
    worker.start()

    async def go() -> float:
        origin.append(time.perf_counter() + 0.05)
        begun.set()
        return await load.run(mix, rate, MIX_SECONDS)

    asyncio.run(go())
    worker.join(timeout=120)
    bounds = [(at, phase) for at, phase, _ in SCHEDULE] + [(MIX_SECONDS + 1e9, "")]
    rows = []
    for (at, phase), (until, _) in itertools.pairwise(bounds):
        in_phase = [o for o in load.outcomes if at <= o.due < until]
        row = asdict(summarise(phase, in_phase))
        fault_at = next((e["at_s"] for e in events if e["phase"] == phase), None)
        failures = [o.due for o in in_phase if failed(o)]
        row["last_failure_after_fault_s"] = (
            round(max(failures) - fault_at, 2) if failures and fault_at is not None else None
        )
        rows.append(row)
    total = asdict(summarise("all", load.outcomes))
    return {
        "events": events,
        "phases": rows,
        "total": total,
        "comments": check_comments(state, load),
    }


def check_comments(state: dict[str, Any], load: Load) -> dict[str, Any]:
    """Every comment answered "saved" is in the database; every other was told, with its text."""
    import psycopg

    sent = [o for o in load.outcomes if o.kind == "comment"]
    with psycopg.connect(state["database_url"]) as conn:
        rows = conn.execute(
            "SELECT text FROM community_comment WHERE text LIKE %s",
            (f"fleet bench comment {load.run_id}-%",),
        ).fetchall()
    stored = {r[0] for r in rows}
    saved = [o for o in sent if o.comment_result == "saved"]
    return {
        "sent": len(sent),
        "saved": len(saved),
        "saved_and_in_database": sum(o.comment in stored for o in saved),
        "lost": sum(o.comment not in stored for o in saved),
        "not_saved_told_with_text": sum(o.comment_result == "told-with-text" for o in sent),
        "not_saved_told_without_text": sum(o.comment_result == "told-without-text" for o in sent),
        "not_saved_but_in_database": sum(
            o.comment in stored for o in sent if o.comment_result != "saved"
        ),
        "statuses": {
            str(s): sum(o.status == s for o in sent) for s in sorted({o.status for o in sent})
        },
    }


def render_markdown(report: dict[str, Any]) -> str:
    steady_rows = report["steady"]["phases"]
    fault = report["faults"]
    lines = [
        "# Fleet fault test (bench/fleet.py)",
        "",
        f"Run {report['date']} with `{report['command']}`: HAProxy over "
        f"{len(report['fleet']['app_ports'])} app servers (gunicorn, "
        f"{report['fleet']['workers']} gthread worker x 4 threads each), PostgreSQL 15 and "
        f"Redis 7 on one machine of {report['machine']['cpus']} CPUs, all on 127.0.0.1; load "
        f"average before {report['machine_before']['load_average_1_5_15']}, after "
        f"{report['machine']['load_average_1_5_15']}. Open-loop load from a separate process; "
        "latency from each request's due time.",
        "",
        "## Steady load through the balancer",
        "",
        "| kind | target req/s | requests | achieved req/s | failures | p50 ms | p99 ms | max ms | app CPU s | requests per app CPU-second | HAProxy + Redis + PostgreSQL CPU s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in steady_rows:
        lines.append(
            f"| {r['name']} | {r['target_rate']:g} | {r['requests']} | {r['achieved_rate']} | "
            f"{r['failures']} | {r['p50_ms']} | {r['p99_ms']} | {r['max_ms']} | "
            f"{r['app_cpu_seconds']} | {r['requests_per_app_cpu_second']} | "
            f"{r['balancer_cache_database_cpu_seconds']} |"
        )
    lines += ["", "Memory of each app server's processes (kB; PSS splits shared pages):", ""]
    lines += ["| server | pid | RSS kB | PSS kB |", "|---|---|---|---|"]
    for server, pids in report["steady"]["memory_kb"].items():
        for pid, mem in pids.items():
            lines.append(f"| {server} | {pid} | {mem.get('rss')} | {mem.get('pss')} |")
    lines += [
        "",
        f"## Faults under mixed load ({report['mix_rate']:g} req/s for {MIX_SECONDS:g} s)",
        "",
        "Mix: topic pages 60, answers 8, API 17, votes 6, comments 1.2 (weights). A failure is a "
        "5xx from the balancer or no answer within 10 s; 429 is a rate limit that told its "
        "sender.",
        "",
        "| phase | fault at s | fault took s | requests | failures | 429 | p50 ms | p99 ms | max ms | last failure after fault s | failures by kind |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    events = {e["phase"]: e for e in fault["events"]}
    for r in fault["phases"]:
        e = events.get(r["name"], {})
        lines.append(
            f"| {r['name']} | {e.get('at_s', '')} | {e.get('took_s', '')} | {r['requests']} | "
            f"{r['failures']} | {r['refused_429']} | {r['p50_ms']} | {r['p99_ms']} | "
            f"{r['max_ms']} | {r['last_failure_after_fault_s'] if r['last_failure_after_fault_s'] is not None else '-'} | "
            f"{', '.join(f'{k}: {v}' for k, v in r['failures_by_kind'].items()) or '-'} |"
        )
    t = fault["total"]
    c = fault["comments"]
    lines += [
        f"| **all** | | | {t['requests']} | {t['failures']} | {t['refused_429']} | {t['p50_ms']} | {t['p99_ms']} | {t['max_ms']} | | |",
        "",
        "## Comments",
        "",
        f'{c["sent"]} sent; {c["saved"]} answered "saved", of which {c["saved_and_in_database"]} '
        f"are in the database afterwards (**{c['lost']} lost**); "
        f"{c['not_saved_told_with_text']} told they were not saved with their text given back; "
        f"{c['not_saved_told_without_text']} told by an error without their text; "
        f'{c["not_saved_but_in_database"]} not answered "saved" but stored all the same. '
        f"Statuses: {c['statuses']}.",
        "",
    ]
    return "\n".join(lines)


def machine_note() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steady-rate", type=float, default=300.0)
    parser.add_argument("--steady-seconds", type=float, default=20.0)
    parser.add_argument("--mix-rate", type=float, default=50.0)
    parser.add_argument("--no-write", action="store_true", help="print only; keep bench/results")
    args = parser.parse_args(argv)
    before = machine_note()
    state = fleet._load_state()
    ours = not (state.get("pids") and all(fleet._alive(p) for p in state["pids"].values()))
    try:
        if ours:
            fleet.stop()
            state = fleet.start(apps=3, workers=1)
        base = f"http://127.0.0.1:{state['balancer_port']}"
        for path in [f"/topics/{t}/" for t in TOPICS] + ["/", "/help/"]:
            fetch(base + path)
        steady_report = steady(base, state, args.steady_rate, args.steady_seconds)
        fault_report = faults(base, state, args.mix_rate)
    finally:
        if ours:
            fleet.stop()
    report = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": shlex.join(["python", "bench/fleet.py", *(argv or sys.argv[1:])]),
        "fleet": {k: state[k] for k in ("app_ports", "workers", "balancer_port")},
        "mix_rate": args.mix_rate,
        "schedule": SCHEDULE,
        "machine_before": before,
        "machine": machine_note(),
        "steady": steady_report,
        "faults": fault_report,
    }
    markdown = render_markdown(report)
    print(markdown)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "fleet.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / "fleet.md").write_text(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
