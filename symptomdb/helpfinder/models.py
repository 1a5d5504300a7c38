"""Help-finder records kept in the database: screen counts and the provider directory."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from symptomdb.helpfinder.directory import (
    COLUMN_MAX,
    KINDS,
    LANGUAGES,
    REFERRAL_CHOICES,
    SPECIALTIES,
    ProviderRecord,
    check_row,
    label_of,
)
from symptomdb.validators import validate_web_address


class ScreenCount(models.Model):
    """How many screened texts reached a level on a day, per channel. Never the text."""

    day = models.DateField()
    channel = models.CharField(max_length=20)
    level = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "channel", "level"], name="one_count_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.channel} {self.level}: {self.count}"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


class Provider(index.Indexed, models.Model):  # type: ignore[misc]  # Wagtail is untyped
    """A therapist, clinic, programme, hospital, support group, helpline or directory.

    Rows come from a directory CSV (``symptomdb import-providers``) or an editor; ``key``
    is the stable identifier a re-import updates by. Sample rows (``is_sample``) are
    invented examples and say so wherever they are shown.
    """

    key = models.SlugField(
        max_length=COLUMN_MAX["key"], unique=True, help_text="Stable id; a re-import updates by it."
    )
    kind = models.CharField(max_length=20, choices=KINDS)
    name = models.CharField(max_length=COLUMN_MAX["name"])
    specialties = models.CharField(
        max_length=COLUMN_MAX["specialties"],
        blank=True,
        help_text="Separated by ';', from: " + "; ".join(s for s, _ in SPECIALTIES),
    )
    address = models.TextField(blank=True, help_text="Leave empty for online or phone only.")
    postal_code = models.CharField(max_length=COLUMN_MAX["postal_code"], blank=True)
    country = models.CharField(max_length=2, default="US", help_text="ISO code, e.g. US.")
    latitude = models.FloatField(null=True, blank=True, help_text="Required with an address.")
    longitude = models.FloatField(null=True, blank=True, help_text="Required with an address.")
    languages = models.CharField(
        max_length=COLUMN_MAX["languages"],
        blank=True,
        help_text="ISO codes separated by ';', from: " + "; ".join(c for c, _ in LANGUAGES),
    )
    cost_notes = models.TextField(blank=True)
    referral_needed = models.CharField(max_length=10, choices=REFERRAL_CHOICES, default="unknown")
    phone = models.CharField(max_length=COLUMN_MAX["phone"], blank=True)
    website = models.URLField(blank=True, validators=[validate_web_address])
    source_url = models.URLField(
        help_text="Where the details were taken from.", validators=[validate_web_address]
    )
    verified_on = models.DateField(
        null=True,
        blank=True,
        help_text="When someone last checked the entry against its source; empty if never.",
    )
    is_sample = models.BooleanField(
        default=False, help_text="Invented example data; shown with a 'not a real provider' label."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("specialties"),
        FieldPanel("languages"),
        FieldPanel("address"),
        FieldPanel("postal_code"),
        FieldPanel("country"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("cost_notes"),
        FieldPanel("referral_needed"),
        FieldPanel("source_url"),
        FieldPanel("verified_on"),
        FieldPanel("is_sample"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return (
            f"{self.name} (sample)" if self.is_sample and "(sample)" not in self.name else self.name
        )

    @property
    def online_only(self) -> bool:
        """True for services without a street address."""
        return not self.address.strip()

    @property
    def specialty_list(self) -> list[str]:
        """The specialty ids, in the order written."""
        return _split(self.specialties)

    @property
    def language_list(self) -> list[str]:
        """The ISO language codes, in the order written."""
        return _split(self.languages)

    @property
    def specialty_names(self) -> list[str]:
        """The specialties as readers see them."""
        return [label_of(SPECIALTIES, s) for s in self.specialty_list]

    @property
    def language_names(self) -> list[str]:
        """The languages as readers see them."""
        return [label_of(LANGUAGES, code) for code in self.language_list]

    @property
    def tel_href(self) -> str:
        """The phone number as a ``tel:`` link target (digits and a leading + only)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits and len(digits) >= 3 else ""

    def as_cells(self) -> dict[str, str]:
        """The provider as directory-file cells (column → text), for checking and export."""

        def number(value: float | None) -> str:
            return "" if value is None else repr(value)

        return {
            "key": self.key,
            "kind": self.kind,
            "name": self.name,
            "specialties": self.specialties,
            "address": self.address,
            "postal_code": self.postal_code,
            "country": self.country,
            "latitude": number(self.latitude),
            "longitude": number(self.longitude),
            "languages": self.languages,
            "cost_notes": self.cost_notes,
            "referral_needed": self.referral_needed,
            "phone": self.phone,
            "website": self.website,
            "source_url": self.source_url,
            "verified_on": self.verified_on.isoformat() if self.verified_on else "",
            "is_sample": "true" if self.is_sample else "false",
        }

    def clean(self) -> None:
        """Apply the directory file's rules to an editor's changes, naming the field.

        Raises:
            ValidationError: keyed by the fields at fault.
        """
        super().clean()
        _, problems = check_row(self.as_cells(), "provider", 0, timezone.localdate())
        if problems:
            by_field: dict[str, list[str]] = {}
            for problem in problems:
                by_field.setdefault(problem.column or "__all__", []).append(problem.problem)
            raise ValidationError(by_field)

    def apply_record(self, record: ProviderRecord) -> None:
        """Copy a checked directory row onto this provider (not saved)."""
        self.key = record.key
        self.kind = record.kind
        self.name = record.name
        self.specialties = "; ".join(record.specialties)
        self.address = record.address
        self.postal_code = record.postal_code
        self.country = record.country
        self.latitude = record.latitude
        self.longitude = record.longitude
        self.languages = "; ".join(record.languages)
        self.cost_notes = record.cost_notes
        self.referral_needed = record.referral_needed
        self.phone = record.phone
        self.website = record.website
        self.source_url = record.source_url
        self.verified_on = record.verified_on
        self.is_sample = record.is_sample


register_snippet(Provider)
