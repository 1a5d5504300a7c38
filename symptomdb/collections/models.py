"""Imported question–answer collections (MedQuAD first): read-only, attributed records."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from symptomdb.answering.passages import display_question


class CollectionDocument(models.Model):
    """One document of an imported collection: a topic page of its publisher."""

    collection = models.CharField(max_length=40, default="medquad")
    file = models.CharField(
        max_length=200, help_text="Path inside the collection, e.g. 1_CancerGov_QA/0000001_1.xml"
    )
    doc_id = models.CharField(max_length=40)
    source = models.CharField(
        max_length=60, help_text="Publisher's site, e.g. CancerGov, GARD, MPlusDrugs"
    )
    url = models.URLField(max_length=500)
    focus = models.CharField(max_length=300, blank=True)
    category = models.CharField(max_length=40, blank=True)
    cuis = models.JSONField(default=list)
    semantic_types = models.JSONField(default=list)
    semantic_group = models.CharField(max_length=60, blank=True)
    synonyms = models.JSONField(default=list)
    licence = models.CharField(max_length=60)
    answers_withheld = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["collection", "file"], name="one_record_per_file")
        ]
        ordering = ["collection", "file"]

    def __str__(self) -> str:
        return f"{self.focus or self.doc_id} ({self.source})"

    def get_absolute_url(self) -> str:
        return reverse("collection-document", args=[self.pk])


class CollectionAnswer(models.Model):
    """A question with its answer; ``answer`` is empty where the publisher withheld the text."""

    document = models.ForeignKey(
        CollectionDocument, on_delete=models.CASCADE, related_name="answers"
    )
    position = models.PositiveIntegerField(help_text="1-based position in the document")
    answer_id = models.CharField(
        max_length=120, db_index=True, help_text="Id as the LiveQA qrels spell it"
    )
    pid = models.CharField(max_length=20, blank=True)
    qid = models.CharField(max_length=40)
    qtype = models.CharField(max_length=80)
    question = models.TextField()
    answer = models.TextField(blank=True)
    withheld_for_safety = models.BooleanField(
        default=False,
        db_index=True,
        help_text="The safe-messaging lint blocked this answer at import: it is kept here but "
        "never shown, returned by the API or used for answering.",
    )
    safety_findings = models.JSONField(
        default=list,
        blank=True,
        help_text="The lint's findings at import: rule, severity, words, sentence and the "
        "plain message editors read.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="one_answer_per_position")
        ]
        ordering = ["document", "position"]

    def __str__(self) -> str:
        return self.question

    @property
    def heading(self) -> str:
        """The template question as readers see it ("What is Self-harm?")."""
        return display_question(self.question)
