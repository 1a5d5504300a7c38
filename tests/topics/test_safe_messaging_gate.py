"""Safe-messaging lint at the publish step and from `symptomdb lint-content`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from symptomdb.errors import PublishBlocked
from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import TopicPage
from symptomdb.topics.wagtail_hooks import refuse_unsafe_publish

pytestmark = pytest.mark.django_db

BAD = "Her uncle committed suicide when she was young."


def with_bad_sentence(page: TopicPage) -> TopicPage:
    block = page.body[0]
    block.value["body"] = block.value["body"] + "\n\n" + BAD
    return page


def test_every_publish_route_refuses_a_blocking_finding(loaded_site: list[TopicDocument]) -> None:
    page = with_bad_sentence(TopicPage.objects.get(slug="depression"))
    revision = page.save_revision()
    with pytest.raises(PublishBlocked, match='stigmatising-language: "committed suicide"') as info:
        revision.publish()
    assert "died by suicide" in str(info.value)
    live = TopicPage.objects.get(slug="depression")
    assert BAD not in str(live.body.raw_data)
    # The editor's work is kept as the latest revision.
    assert BAD in str(live.get_latest_revision_as_object().body.raw_data)


def test_editor_publishing_unsafe_text_is_sent_back_with_the_finding(
    loaded_site: list[TopicDocument],
) -> None:
    page = with_bad_sentence(TopicPage.objects.get(slug="depression"))
    request = RequestFactory().post(f"/admin/pages/{page.id}/edit/")
    SessionMiddleware(lambda r: None).process_request(request)  # type: ignore[arg-type,return-value]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    response = refuse_unsafe_publish(request, page)
    assert response is not None and response.status_code == 302
    assert response["Location"].endswith(f"/admin/pages/{page.id}/edit/")
    texts = [str(m) for m in get_messages(request)]
    assert any("depression › " in t and "committed suicide" in t for t in texts)
    assert any("saved as a draft" in t for t in texts)


def test_safe_page_passes_the_publish_hook(loaded_site: list[TopicDocument]) -> None:
    page = TopicPage.objects.get(slug="anxiety")
    request = RequestFactory().post("/")
    assert refuse_unsafe_publish(request, page) is None


def test_lint_content_on_the_shipped_site_is_clean(loaded_site: list[TopicDocument]) -> None:
    out = io.StringIO()
    call_command("lint_content", stdout=out)
    assert out.getvalue().strip() == "7 topic(s) checked: 0 blocking, 0 warning(s)."


def test_lint_content_on_files_names_topic_section_words_and_fix(starter_dir: Path) -> None:
    path = starter_dir / "anxiety.md"
    path.write_text(
        path.read_text()
        .replace("## Causes", "## Causes", 1)
        .replace(
            "{kind=causes}\n",
            "{kind=causes}\n\nA shocking suicide epidemic is sweeping schools.\n",
            1,
        )
    )
    out = io.StringIO()
    call_command("lint_content", str(starter_dir), stdout=out)  # warnings only: exit 0
    text = out.getvalue()
    assert "anxiety › " in text and "[warn] sensational-language" in text
    assert "Suggestion:" in text
    with pytest.raises(CommandError, match="blocking safe-messaging finding"):
        call_command(
            "lint_content",
            str(starter_dir),
            "--block",
            "sensational-language",
            stdout=io.StringIO(),
        )


def test_unknown_rule_in_block_list_is_named() -> None:
    with pytest.raises(CommandError, match=r"--block: unknown rule\(s\) \['no-such-rule'\]"):
        call_command("lint_content", "--block", "no-such-rule", stdout=io.StringIO())
