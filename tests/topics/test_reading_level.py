"""Reading level for editors: each section's score in `lint-content`, the admin and the API,
against the site's target grade; above it is a warning, never a block."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory, override_settings

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import TopicPage
from symptomdb.topics.wagtail_hooks import refuse_unsafe_publish, warn_after_edit

# Long sentences of long words, safe to publish: a guideline's voice, not a reader's.
DENSE = (
    "Comprehensive psychosocial assessment, undertaken collaboratively by appropriately "
    "experienced multidisciplinary practitioners, should systematically characterise "
    "individualised psychological vulnerabilities, interpersonal circumstances and "
    "contextual determinants, facilitating personalised therapeutic formulation."
)
LEVEL = r"grade \d+\.\d \(Flesch–Kincaid grade level\)"


def lint_lines(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("lint_content", *args, stdout=out)
    return out.getvalue().splitlines()


def with_dense_causes(starter_dir: Path) -> Path:
    path = starter_dir / "anxiety.md"
    text = path.read_text()
    start = text.index("{kind=causes}\n") + len("{kind=causes}\n")
    end = text.index("\n## ", start)
    path.write_text(text[:start] + "\n" + DENSE + "\n" + text[end:])
    return starter_dir


def test_lint_content_gives_every_section_its_reading_level(starter_dir: Path) -> None:
    lines = lint_lines(str(starter_dir))
    scars = next(line for line in lines if line.startswith("Reading level — self-injury › Scars:"))
    assert re.fullmatch(
        rf"Reading level — self-injury › Scars: {LEVEL}, within the target of grade 8\.", scars
    )
    assert re.fullmatch(
        r"Reading level: \d+ section\(s\) scored, \d+ above the target of grade 8 "
        r"\(warnings: they never block publishing\)\.",
        lines[-1],
    )


def test_a_section_above_the_target_warns_in_lint_content_and_does_not_fail_it(
    starter_dir: Path,
) -> None:
    lines = lint_lines(str(with_dense_causes(starter_dir)))  # no CommandError: exit 0
    causes = next(line for line in lines if "anxiety › Causes and risk factors:" in line)
    assert re.fullmatch(
        rf"Reading level — anxiety › Causes and risk factors: {LEVEL}, above the target of "
        r"grade 8\. A warning, not a block: shorter sentences and everyday words bring it down\.",
        causes,
    )
    assert "0 blocking, 0 warning(s)." in lines[-2]  # no safe-messaging finding


def test_the_target_comes_from_the_setting_or_the_command_line(starter_dir: Path) -> None:
    with override_settings(SYMPTOMDB_READING_GRADE_TARGET="18"):
        lenient = lint_lines(str(starter_dir))
    assert re.search(r" 0 above the target of grade 18 ", lenient[-1])
    assert not [line for line in lenient if "A warning, not a block" in line]
    easier = lint_lines(str(starter_dir), "--reading-grade", "5")
    assert easier[-1].endswith(
        "above the target of grade 5 (warnings: they never block publishing)."
    )
    with pytest.raises(
        CommandError, match=r"--reading-grade: expected a school grade from 1 to 18"
    ):
        lint_lines(str(starter_dir), "--reading-grade", "twelve")
    with (
        override_settings(SYMPTOMDB_READING_GRADE_TARGET="eight"),
        pytest.raises(
            CommandError, match="SYMPTOMDB_READING_GRADE_TARGET: expected a school grade"
        ),
    ):
        lint_lines(str(starter_dir))


@pytest.mark.django_db
def test_the_topic_editor_shows_each_sections_reading_level(
    admin_client: Client, loaded_site: list[TopicDocument]
) -> None:
    page = TopicPage.objects.get(slug="self-injury")
    html = admin_client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    panel = html[html.index('class="reading-level"') :]
    panel = panel[: panel.index("</table>")]
    assert "at or below grade 8" in panel
    doc = next(d for d in loaded_site if d.slug == "self-injury")
    for section in doc.sections:
        assert f"<td>{section.heading}</td>" in panel
    scars = panel[panel.index("<td>Scars</td>") :].split("</tr>")[0]
    assert re.search(LEVEL, scars) and "Within the target" in scars


@pytest.mark.django_db
def test_saving_a_section_above_the_target_warns_and_publishing_goes_ahead(
    loaded_site: list[TopicDocument],
) -> None:
    page = TopicPage.objects.get(slug="anxiety")
    block = page.body[1]
    block.value["body"] = DENSE
    request = RequestFactory().post(f"/admin/pages/{page.id}/edit/")
    SessionMiddleware(lambda r: None).process_request(request)  # type: ignore[arg-type,return-value]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    warn_after_edit(request, page)
    warnings = [str(m) for m in get_messages(request) if m.level_tag == "warning"]
    assert any(
        "anxiety › Causes and risk factors:" in w
        and "above the target of grade 8" in w
        and "A warning, not a block" in w
        for w in warnings
    )
    assert refuse_unsafe_publish(request, page) is None  # the publish step lets it through
    page.save_revision().publish()
    assert DENSE in TopicPage.objects.get(slug="anxiety").body[1].value["body"]


@pytest.mark.django_db
def test_the_topic_api_gives_each_sections_reading_level(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    topic = client.get("/api/v1/topics/self-injury").json()
    scars = next(s for s in topic["sections"] if s["kind"] == "scars")
    level = scars["readability"]
    assert (level["formula"], level["formula_label"]) == (
        "flesch-kincaid-grade",
        "Flesch–Kincaid grade level",
    )
    assert level["grade"] == level["score"] and 0 < level["grade"] <= 8
    assert level["target_grade"] == 8 and level["above_target"] is False
    assert level["words"] > 100
    assert all(
        s["readability"]["above_target"] == (s["readability"]["grade"] > 8)
        for s in topic["sections"]
    )


def test_a_spanish_topic_is_scored_with_fernandez_huerta(
    client: Client, bilingual_site: list[TopicDocument]
) -> None:
    topic = client.get("/api/v1/topics/autolesion").json()
    level = topic["sections"][0]["readability"]
    assert level["formula"] == "fernandez-huerta" and 0 < level["score"] <= 100
    assert level["grade"] in (4, 5, 6, 8, 12, 13, 16)
