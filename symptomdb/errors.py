"""The one exception tree of symptomdb.

Every error a user can meet is a ``SymptomdbError`` subclass whose message names what is
wrong, where (file, line, field) and, where possible, how to fix it.
"""

from __future__ import annotations


class SymptomdbError(Exception):
    """Base of every error symptomdb raises on purpose."""


class SourceFileError(SymptomdbError):
    """A data file (XML, qrels, run file) is malformed.

    Attributes:
        path: the file, as given.
        where: the place in it ("element <QAPair[2]/Question>", "line 14").
        problem: what is wrong.
    """

    def __init__(self, path: object, where: str, problem: str) -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        super().__init__(f"{path}, {where}: {problem}")


class TopicFileError(SymptomdbError):
    """A topic file is malformed or invalid.

    Attributes:
        path: the file, as given.
        line: 1-based line number, or None when the error is about the whole file.
        field: the front-matter field or body element at fault, or None.
        problem: what is wrong and how to fix it.
    """

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        where = path
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field `{field}`"
        super().__init__(f"{where}: {problem}")


class TopicFilesInvalid(SymptomdbError):
    """One or more topic files are invalid; ``errors`` holds every ``TopicFileError``."""

    def __init__(self, errors: list[TopicFileError]) -> None:
        self.errors = errors
        lines = "\n".join(str(e) for e in errors)
        super().__init__(f"{len(errors)} error(s) in topic files:\n{lines}")


class CrisisResourceError(SymptomdbError):
    """The crisis resources data file is malformed."""


class DatabaseUnreachable(SymptomdbError):
    """The configured database cannot be reached."""


class PublishBlocked(SymptomdbError):
    """Publishing was refused because the content breaks a blocking safe-messaging rule."""

    def __init__(self, slug: str, findings: list[str], page_id: int | None = None) -> None:
        self.slug = slug
        self.findings = findings  # one plain sentence per problem, for editors
        self.page_id = page_id  # the page whose editor the admin sends the reviewer back to
        lines = "\n".join(f"  {f}" for f in findings)
        super().__init__(
            f"{slug}: not published, safe-messaging problems must be fixed first:\n{lines}"
        )


class ProviderFileError(SymptomdbError):
    """One problem in a provider directory CSV, at a row (the header is row 1) and column."""

    def __init__(self, path: str, row: int | None, column: str | None, problem: str) -> None:
        self.path = path
        self.row = row
        self.column = column
        self.problem = problem
        where = path
        if row is not None:
            where += f", row {row}"
        if column:
            where += f", column `{column}`"
        super().__init__(f"{where}: {problem}")


class ProviderFileInvalid(SymptomdbError):
    """A provider directory CSV has problems; ``errors`` holds every ``ProviderFileError``."""

    def __init__(self, errors: list[ProviderFileError]) -> None:
        self.errors = errors
        lines = "\n".join(str(e) for e in errors)
        super().__init__(f"{len(errors)} error(s) in the provider file, nothing imported:\n{lines}")


class InfobuttonRequestError(SymptomdbError):
    """An Infobutton request lacks a parameter or names an unsupported code system.

    Attributes:
        parameter: the URL parameter at fault.
        problem: what is wrong and how to fix it.
    """

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        self.problem = problem
        super().__init__(f"parameter `{parameter}`: {problem}")


class DumpFileError(SymptomdbError):
    """One problem in a data dump (JSON Lines), at a line and field."""

    def __init__(self, path: str, line: int, field: str | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{path}, line {line}"
        if field:
            where += f", field `{field}`"
        super().__init__(f"{where}: {problem}")


class DumpFileInvalid(SymptomdbError):
    """A data dump has problems; ``errors`` holds every ``DumpFileError``."""

    def __init__(self, errors: list[DumpFileError]) -> None:
        self.errors = errors
        lines = "\n".join(str(e) for e in errors)
        super().__init__(f"{len(errors)} error(s) in the dump, nothing imported:\n{lines}")
