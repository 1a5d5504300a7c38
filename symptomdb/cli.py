"""The ``symptomdb`` command: our commands first, every Django and Wagtail command too.

``symptomdb load-topics DIR`` runs the management command ``load_topics``; hyphens and
underscores are interchangeable. Errors end in one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

OUR_COMMANDS = (
    "setup",
    "check-topics",
    "load-topics",
    "export-topics",
    "lint-content",
    "screen",
    "check-resources",
    "import-medquad",
    "withheld-passages",
    "ask",
    "eval-liveqa",
    "build-index",
    "import-providers",
    "export-dump",
    "import-dump",
)


def _overview() -> str:
    from django.core.management import get_commands, load_command_class

    lines = [
        "usage: symptomdb COMMAND [ARGS]",
        "",
        "symptomdb commands:",
    ]
    for name in OUR_COMMANDS:
        module_name = name.replace("-", "_")
        command = load_command_class(get_commands()[module_name], module_name)
        lines.append(f"  {name:<17} {command.help}")
    lines += [
        "",
        "Run 'symptomdb COMMAND --help' for a command's options.",
        "Every Django and Wagtail management command works too (migrate, createsuperuser,",
        "changepassword, update_index, …): 'symptomdb help --all' lists them.",
        "",
        "Settings come from the environment: DATABASE_URL (default: SQLite in ./var),",
        "SYMPTOMDB_DATA_DIR, SECRET_KEY, ALLOWED_HOSTS. See docs/operators.md.",
    ]
    return "\n".join(lines)


def _describe_database() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite file {db['NAME']}"
    return f"{db['ENGINE'].rsplit('.', 1)[-1]} database {db.get('NAME')!r} on {db.get('HOST') or 'local socket'}:{db.get('PORT') or 'default port'}"


# How each engine says the disk holding the database is full: SQLite's SQLITE_FULL,
# PostgreSQL's SQLSTATE 53100 (disk_full) and the errno text it passes on.
_DISK_FULL = ("database or disk is full", "no space left on device", "could not extend file")


def _disk_full(exc: BaseException) -> bool:
    """Whether a database error says the disk (or tablespace) holding the database is full."""
    cause = exc.__cause__
    if getattr(cause, "sqlite_errorname", None) == "SQLITE_FULL":
        return True
    if getattr(cause, "sqlstate", None) == "53100":
        return True
    return any(words in str(exc).lower() for words in _DISK_FULL)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a symptomdb or Django command; return the exit status."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    import django
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    from symptomdb.errors import SymptomdbError

    django.setup()
    if not args or args in (["-h"], ["--help"], ["help"]):
        print(_overview())
        return 0
    if args[:2] == ["help", "--all"]:
        args = ["help"]
    if args[0].replace("_", "-") in OUR_COMMANDS:
        args[0] = args[0].replace("-", "_")
    if args[0] == "help" and len(args) > 1:
        args[1] = (
            args[1].replace("-", "_") if args[1].replace("_", "-") in OUR_COMMANDS else args[1]
        )
    try:
        execute_from_command_line(["symptomdb", *args])
    except OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if _disk_full(exc):
            # Not "is the server running": it is, and the write in progress was rolled back.
            print(
                f"symptomdb: the disk holding the {_describe_database()} is full: {reason}. "
                "The write in progress was rolled back; free space there and run it again.",
                file=sys.stderr,
            )
            return 2
        print(
            f"symptomdb: cannot use the {_describe_database()}: {reason}. "
            "Check DATABASE_URL and that the server is running.",
            file=sys.stderr,
        )
        return 2
    except SymptomdbError as exc:
        print(f"symptomdb: {exc}", file=sys.stderr)
        return 1
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
