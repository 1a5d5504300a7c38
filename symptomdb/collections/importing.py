"""Import MedQuAD into the database: validate every file first, then write in one transaction.

Re-running updates records in place (keyed by file and position) and removes pairs that
are no longer in a file. A malformed file stops the run before anything is written. Every
answer passes the safe-messaging lint on the way in (``symptomdb.collections.safety``):
one with a blocking finding is stored with its findings and withheld from readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from symptomdb.caching import invalidate_pages
from symptomdb.collections.models import CollectionAnswer, CollectionDocument
from symptomdb.collections.safety import lint_passage, passage_is_sensitive
from symptomdb.importers.medquad import (
    MedQuADDocument,
    licence_for,
    medquad_files,
    parse_medquad_file,
)
from symptomdb.topics.safe_messaging import blocking_rules

BATCH = 2000


@dataclass
class ImportReport:
    """Counts of what an import found and wrote."""

    documents: int = 0
    pairs: int = 0
    pairs_without_answer: int = 0
    removed_pairs: int = 0
    withheld_for_safety: int = 0


def read_medquad(
    root: Path, progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda x: x
) -> list[MedQuADDocument]:
    """Parse every file under ``root`` (raises ``MedQuADError`` on the first malformed one)."""
    return [parse_medquad_file(path, root) for path in progress(medquad_files(root))]


def import_medquad(
    documents: list[MedQuADDocument],
    progress: Callable[[list[MedQuADDocument]], Iterable[MedQuADDocument]] = lambda x: x,
) -> ImportReport:
    """Lint and write parsed documents, all or nothing; returns what was written.

    ``progress`` wraps the documents while their answers are linted (a progress bar).
    """
    report = ImportReport(documents=len(documents))
    blocking = blocking_rules()
    linted: dict[tuple[str, int], tuple[bool, list[dict[str, Any]]]] = {}
    for d in progress(documents):
        sensitive = passage_is_sensitive(d.focus, d.synonyms)
        for p in d.pairs:
            linted[d.file, p.position] = lint_passage(
                p.answer or "", sensitive=sensitive, blocking=blocking
            )
    with transaction.atomic():
        CollectionDocument.objects.bulk_create(
            [
                CollectionDocument(
                    collection="medquad",
                    file=d.file,
                    doc_id=d.doc_id,
                    source=d.source,
                    url=d.url,
                    focus=d.focus[:300],
                    category=d.category,
                    cuis=list(d.cuis),
                    semantic_types=list(d.semantic_types),
                    semantic_group=d.semantic_group,
                    synonyms=list(d.synonyms),
                    licence=licence_for(d.source),
                    answers_withheld=d.answers_withheld,
                )
                for d in documents
            ],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["collection", "file"],
            update_fields=[
                "doc_id",
                "source",
                "url",
                "focus",
                "category",
                "cuis",
                "semantic_types",
                "semantic_group",
                "synonyms",
                "licence",
                "answers_withheld",
            ],
        )
        ids = dict(
            CollectionDocument.objects.filter(collection="medquad").values_list("file", "id")
        )
        answers = []
        for d in documents:
            for p in d.pairs:
                withheld, findings = linted[d.file, p.position]
                answers.append(
                    CollectionAnswer(
                        document_id=ids[d.file],
                        position=p.position,
                        answer_id=p.answer_id,
                        pid=p.pid,
                        qid=p.qid,
                        qtype=p.qtype,
                        question=p.question,
                        answer=p.answer or "",
                        withheld_for_safety=withheld,
                        safety_findings=findings,
                    )
                )
                report.pairs += 1
                report.withheld_for_safety += withheld
                report.pairs_without_answer += p.answer is None
        CollectionAnswer.objects.bulk_create(
            answers,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["document", "position"],
            update_fields=[
                "answer_id",
                "pid",
                "qid",
                "qtype",
                "question",
                "answer",
                "withheld_for_safety",
                "safety_findings",
            ],
        )
        sizes = {ids[d.file]: len(d.pairs) for d in documents}
        stale = [
            pk
            for pk, document_id, position in CollectionAnswer.objects.filter(
                document_id__in=sizes
            ).values_list("id", "document_id", "position")
            if position > sizes[document_id]
        ]
        for start in range(0, len(stale), BATCH):
            report.removed_pairs += CollectionAnswer.objects.filter(
                id__in=stale[start : start + BATCH]
            ).delete()[0]
    invalidate_pages()  # record pages and answers changed: every process sees it at once
    return report
