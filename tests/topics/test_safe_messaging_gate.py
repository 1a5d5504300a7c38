"""Safe-messaging lint at the publish step and from `symptomdb lint-content`."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from django.urls import reverse

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
    with pytest.raises(PublishBlocked) as info:
        revision.publish()
    assert info.value.findings == [
        "depression › What depression is: This sentence uses words that blame or label people "
        'who self-harm or die by suicide ("committed suicide"): "Her uncle committed suicide '
        'when she was young." Write "died by suicide" or "took their own life" (or "die by '
        'suicide" for the present).'
    ]
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
    lines = out.getvalue().splitlines()
    # No safe-messaging finding at all; the other lines are each section's reading level.
    assert "7 topic(s) checked: 0 blocking, 0 warning(s)." in lines
    assert not [line for line in lines if line.startswith(("Blocks publishing", "Warning"))]
    sections = sum(len(doc.sections) for doc in loaded_site)
    assert len([line for line in lines if line.startswith("Reading level — ")]) == sections


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
    assert text.splitlines()[0] == (
        "Warning — anxiety › Causes and risk factors: This sentence sensationalises suicide or "
        'self-harm ("shocking"): "A shocking suicide epidemic is sweeping schools." State the '
        'facts calmly, e.g. "died by suicide", and include where to get help.'
    )
    assert "[warn]" not in text
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


# --- The admin: approvals and publishes the lint refuses read as messages, never a 500. ---

METHOD_SENTENCE = "Some people keep cutting with a razor blade deep enough to need stitches."
PLAIN_METHOD = (
    "This sentence describes a method or tool of self-harm or suicide, which can harm "
    f'vulnerable readers: "{METHOD_SENTENCE}" Describe care and help instead.'
)


def _user(role_group: str, name: str) -> Any:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.org", password="a long test password"
    )
    user.groups.add(Group.objects.get(name=role_group))
    return user


def _in_review_with_method_detail() -> tuple[TopicPage, Any]:
    """The self-injury topic with the tester's sentence added, submitted for medical review."""
    from symptomdb.community.roles import AUTHORS

    author = _user(AUTHORS, "author")
    page = TopicPage.objects.get(slug="self-injury")
    block = page.body[0]
    block.value["body"] = block.value["body"] + "\n\n" + METHOD_SENTENCE
    page.save_revision(user=author)
    state = page.get_workflow().start(page, author)
    return page, state.current_task_state


def _reviewer_client() -> Client:
    from symptomdb.community.roles import MEDICAL_REVIEWERS

    client = Client()
    client.force_login(_user(MEDICAL_REVIEWERS, "reviewer"))
    return client


def _assert_kept_in_review(page: TopicPage, task_state: Any) -> None:
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    live = TopicPage.objects.get(pk=page.pk)
    assert METHOD_SENTENCE not in str(live.body.raw_data)
    assert METHOD_SENTENCE in str(live.get_latest_revision_as_object().body.raw_data)
    assert live.workflow_in_progress


def test_approving_a_blocked_revision_shows_the_lint_message_not_a_500(
    loaded_site: list[TopicDocument],
) -> None:
    page, task_state = _in_review_with_method_detail()
    client = _reviewer_client()
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    response = client.post(url, {"comment": ""}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    shown = [str(m) for m in response.context["messages"]]
    assert any(PLAIN_METHOD in m for m in shown), shown
    assert any("Not approved and not published" in m and "draft is kept" in m for m in shown)
    assert "[block]" not in response.content.decode()
    _assert_kept_in_review(page, task_state)


def test_approving_with_a_comment_in_the_modal_gets_the_editor_back_not_a_500(
    loaded_site: list[TopicDocument],
) -> None:
    page, task_state = _in_review_with_method_detail()
    client = _reviewer_client()
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    response = client.post(
        url, {"comment": "Looks good to me"}, headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code == 200
    assert response.json() == {
        "step": "success",
        "redirect": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    editor = client.get(response.json()["redirect"])
    assert PLAIN_METHOD in editor.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    _assert_kept_in_review(page, task_state)


def test_approving_a_safe_revision_still_publishes_it(loaded_site: list[TopicDocument]) -> None:
    from symptomdb.community.roles import AUTHORS

    author = _user(AUTHORS, "author")
    page = TopicPage.objects.get(slug="self-injury")
    page.summary = page.summary + " Recovery is possible."
    page.save_revision(user=author)
    task_state = page.get_workflow().start(page, author).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    _reviewer_client().post(url, {"comment": ""})

    task_state.refresh_from_db()
    assert task_state.status == "approved"
    assert TopicPage.objects.get(pk=page.pk).summary.endswith("Recovery is possible.")


def test_bulk_publishing_a_blocked_draft_shows_the_lint_message_not_a_500(
    loaded_site: list[TopicDocument],
) -> None:
    from django.contrib.auth import get_user_model

    page = TopicPage.objects.get(slug="self-injury")
    block = page.body[0]
    block.value["body"] = block.value["body"] + "\n\n" + METHOD_SENTENCE
    page.save_revision()
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "a long pw")
    client = Client()
    client.force_login(admin)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={page.pk}&next=/admin/pages/"
    )

    response = client.post(url, {"include_descendants": ""}, follow=True)

    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any(PLAIN_METHOD in m for m in shown), shown
    assert any(m.startswith("Not published") and "draft is kept" in m for m in shown)
    live = TopicPage.objects.get(pk=page.pk)
    assert METHOD_SENTENCE not in str(live.body.raw_data)
    assert METHOD_SENTENCE in str(live.get_latest_revision_as_object().body.raw_data)


def test_check_topics_quotes_the_sentence_that_would_block_loading(starter_dir: Path) -> None:
    path = starter_dir / "self-injury.md"
    text = path.read_text()
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    path.write_text(text.replace(heading, f"{heading}\n\n{METHOD_SENTENCE}", 1))
    out = io.StringIO()

    with pytest.raises(CommandError, match="loading them would be refused"):
        call_command("check_topics", str(starter_dir), stdout=out)

    section = heading[3:].split("{", 1)[0].strip()
    assert out.getvalue().splitlines() == [
        f"Blocks publishing — self-injury › {section}: {PLAIN_METHOD}"
    ]


def test_lint_content_names_method_detail_without_the_word_self_harm(
    loaded_site: list[TopicDocument],
) -> None:
    page = TopicPage.objects.get(slug="self-injury")
    block = page.body[0]
    block.value["body"] = block.value["body"] + "\n\n" + METHOD_SENTENCE
    page.save_revision()  # a draft: lint-content reads the latest draft of unpublished pages
    page.unpublish()
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 blocking safe-messaging finding"):
        call_command("lint_content", stdout=out)

    assert f"Blocks publishing — self-injury › {block.value['heading']}: {PLAIN_METHOD}" in (
        out.getvalue().splitlines()
    )
