"""The safe-messaging lint: what each rule flags, what it leaves alone, and the starter topics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from symptomdb.importers.topic_markdown import TopicDocument, parse_topic_markdown, read_topic_dir
from symptomdb.safety.content_lint import (
    DEFAULT_BLOCKING,
    RULES,
    LintFinding,
    lint_text,
    lint_topic,
)
from tests.conftest import TODAY
from tests.safety.prefilters import prefilter_misses, texts_written_in

REPO = Path(__file__).resolve().parent.parent.parent
STARTER_DIR = REPO / "symptomdb" / "topics" / "starter"

FRONT_MATTER = """\
---
slug: {slug}
title: {title}
summary: {summary}
category: mental-health
sensitive: {sensitive}
status: published
created: 2026-01-02
updated: 2026-03-04
next_review_due: 2027-03-04
authors:
  - name: symptomdb contributors
provenance:
  organisation: symptomdb project
  licence: CC BY 4.0
---

"""

HELP_SECTION = """\
## When to get help now {kind=seek-help}

If you are thinking about suicide, call your local emergency number or a crisis line: in the
US, call or text 988; in the UK and Ireland, call Samaritans free on 116 123.
"""


def make_topic(
    body: str,
    *,
    slug: str = "x",
    title: str = "Self-injury",
    summary: str = "Self-injury means hurting yourself on purpose, and people do recover.",
    sensitive: bool = True,
) -> TopicDocument:
    """Parse a small topic file built from a Markdown body."""
    text = (
        FRONT_MATTER.format(
            slug=slug, title=title, summary=summary, sensitive=str(sensitive).lower()
        )
        + body
    )
    return parse_topic_markdown(text, f"{slug}.md", TODAY)


def section(text: str, heading: str = "What self-injury is", kind: str = "information") -> str:
    """One section of a topic file, followed by a help section so help is never missing."""
    return f"## {heading} {{kind={kind}}}\n\n{text}\n\n{HELP_SECTION}"


def of_rule(findings: list[LintFinding], rule: str) -> list[LintFinding]:
    return [f for f in findings if f.rule == rule]


def single(findings: list[LintFinding], rule: str) -> LintFinding:
    matching = of_rule(findings, rule)
    assert len(matching) == 1, findings
    return matching[0]


# --- Rule 1: stigmatising language --------------------------------------------------------


def test_committed_suicide_is_flagged_with_died_by_suicide_suggestion() -> None:
    doc = make_topic(section("Her uncle committed suicide when she was twelve."))

    finding = single(lint_topic(doc), "stigmatising-language")

    assert finding == LintFinding(
        rule="stigmatising-language",
        severity="block",
        topic="x",
        section="What self-injury is",
        words="committed suicide",
        message='"committed suicide" implies a crime or sin; write "died by suicide".',
        suggestion=finding.suggestion,
        sentence="Her uncle committed suicide when she was twelve.",
    )
    assert "died by suicide" in finding.suggestion


@pytest.mark.parametrize(
    ("sentence", "words", "alternative"),
    [
        ("People who commit suicide often give some warning.", "commit suicide", "died by suicide"),
        ("News reports called it a successful suicide.", "successful suicide", "died by suicide"),
        (
            "Her second successful suicide attempt was reported in the paper.",
            "successful suicide attempt",
            "died by suicide",
        ),
        (
            "After a failed suicide attempt he was admitted to hospital.",
            "failed suicide attempt",
            "survived a suicide attempt",
        ),
        (
            "It was her third unsuccessful attempt at suicide.",
            "unsuccessful attempt",
            "suicide attempt",
        ),
        ("The suicide victim was seventeen.", "suicide victim", "person who died by suicide"),
        (
            "Staff said the girl who self-harms was just attention-seeking.",
            "attention-seeking",
            "sign that someone needs support",
        ),
        (
            "Staff treated him as an attention seeker after he self-harmed.",
            "attention seeker",
            "sign that someone needs support",
        ),
        (
            "People who self-harm can be manipulative with staff.",
            "manipulative",
            "a person who self-harms may be in great pain",
        ),
        (
            "Teenage self-mutilators need specialist help.",
            "self-mutilators",
            "person who self-harms",
        ),
        ("She has been a cutter since she was fourteen.", "cutter", "person who self-harms"),
        ("Self harmers often hide their injuries.", "Self harmers", "person who self-harms"),
    ],
)
def test_stigmatising_terms_are_flagged_with_person_first_alternatives(
    sentence: str, words: str, alternative: str
) -> None:
    finding = single(lint_text(sentence, topic="t", section="S"), "stigmatising-language")

    assert (finding.words, finding.severity, finding.topic, finding.section) == (
        words,
        "block",
        "t",
        "S",
    )
    assert alternative in finding.suggestion
    assert f'"{words}"' in finding.message


def test_stigmatising_words_keep_original_case_in_a_title_case_heading() -> None:
    doc = make_topic(
        section("Many things can lead to suicide.", heading="Why People Commit Suicide")
    )

    finding = single(lint_topic(doc), "stigmatising-language")

    assert finding.words == "Commit Suicide"
    assert finding.section == "Why People Commit Suicide"


@pytest.mark.parametrize(
    "sentence",
    [
        "A suicidal person needs to be listened to without judgement.",
        "Her brother died by suicide last year.",
        "He survived a suicide attempt and now volunteers with a charity.",
        "Self-harm is not attention-seeking; it is a sign of distress.",
        "It is a myth that people who self-harm are attention seeking.",
        "People with BPD are often wrongly seen as manipulative.",
        "He made a failed attempt to fix the printer.",
        "Shape the biscuits with a cookie cutter.",
        "Her commitment to therapy made a real difference.",
        "Take any mention of self-harm or suicide seriously.",
    ],
)
def test_stigmatising_language_leaves_safe_wording_alone(sentence: str) -> None:
    assert lint_text(sentence) == []


# --- Rule 2: method detail ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "fix"),
    [
        (
            "Many people who self-harm start by cutting themselves in secret.",
            "cutting themselves",
            '"self-harm"',
        ),
        ("Self-harm such as cutting is common in teenagers.", "cutting", '"self-harm"'),
        ("He took 40 tablets in a suicide attempt.", "40 tablets", "Remove the amount"),
        ("Forums share how to kill yourself.", "how to kill yourself", "crisis line"),
        (
            "Several suicides have happened at the Riverside Bridge.",
            "Riverside Bridge",
            "a public place",
        ),
        (
            "She had been stockpiling pills before her suicide attempt.",
            "stockpiling pills",
            '"a suicide attempt"',
        ),
        (
            "Self-poisoning is the most common form of self-harm seen in hospital.",
            "Self-poisoning",
            '"self-harm"',
        ),
    ],
)
def test_method_detail_is_flagged_with_general_wording_suggestion(
    sentence: str, words: str, fix: str
) -> None:
    finding = single(lint_text(sentence, topic="t", section="S"), "method-detail")

    assert (finding.words, finding.severity, finding.section) == (words, "block", "S")
    assert fix in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "Cut down on caffeine and alcohol, which can make anxiety worse.",
        "Feeling cut off from other people is common in those who self-harm.",
        "Dialectical behaviour therapy (DBT) can reduce repeated self-harm.",
        "If you can, put some distance between yourself and anything you might use to hurt yourself.",
        "Lock away medicines and remove firearms to make the home safer for someone at risk of suicide.",
        "Be careful not to cut yourself when cooking.",
        "This page explains how to talk about self-harm and how to help someone who self-harms.",
        "Call the Crisis Text Line if you are thinking about suicide.",
        "The Samaritans Line is open day and night for anyone thinking about suicide.",
        "Teachers can be trained to notice signs of suicide risk.",
        "Cuts to mental health services have been linked to rising self-harm.",
        "Cutting-edge research on suicide prevention is promising.",
        "If you are taking medication and have suicidal thoughts, tell your doctor.",
        "Peer support can be a bridge to services for people with suicidal thoughts.",
        "Drowning in debt can feed suicidal thoughts.",
        "Call 911 in the US or 999 in the UK if someone has harmed themselves.",
    ],
)
def test_method_detail_leaves_idioms_and_means_safety_advice_alone(sentence: str) -> None:
    assert of_rule(lint_text(sentence), "method-detail") == []


# --- Rule 3: lethality detail -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Firearms are the most lethal method of suicide.", "most lethal"),
        ("Some people think an overdose is a painless way to die.", "painless"),
        ("Online forums call it a sure way to die.", "sure way to die"),
        ("The article described hanging as quick and painless.", "quick and painless"),
        ("Suicide by firearm has a high fatality rate.", "fatality rate"),
        ("The forum said that with this method, death was guaranteed.", "death was guaranteed"),
    ],
)
def test_lethality_statements_are_flagged(sentence: str, words: str) -> None:
    finding = single(lint_text(sentence, topic="t"), "lethality-detail")

    assert (finding.words, finding.severity, finding.section) == (words, "block", "")
    assert "help is available" in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "An ECG is quick and painless.",
        "Calls to the suicide crisis line are confidential, and your privacy is guaranteed.",
        "The best way to help someone with suicidal thoughts is to listen.",
        "Suicide rates have fallen in some countries over the past twenty years.",
        "CBT and DBT are among the most effective ways to reduce suicidal behaviour.",
        "Overdose death rates have risen.",
    ],
)
def test_lethality_detail_leaves_everyday_uses_alone(sentence: str) -> None:
    assert of_rule(lint_text(sentence), "lethality-detail") == []


# --- Rule 4: graphic description ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("He was found in a blood-soaked room after the attempt.", "blood-soaked"),
        ("The wound was gaping and needed stitches.", "gaping"),
        ("He was bleeding out when help arrived.", "bleeding out"),
        ("The film lingered on gory scenes.", "gory"),
        ("Photos of mutilated bodies were shared online.", "mutilated"),
    ],
)
def test_graphic_injury_words_are_flagged_in_any_context(sentence: str, words: str) -> None:
    finding = single(lint_text(sentence), "graphic-description")

    assert (finding.words, finding.severity) == (words, "block")
    assert "an injury that needs medical care" in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no blood test or scan for BPD.",
        "Female genital mutilation is a human rights issue.",
        "Many people with BPD describe a deep fear of being left or rejected.",
        "If you do hurt yourself, look after the injury and get medical help when you need it.",
    ],
)
def test_graphic_description_leaves_plain_medical_wording_alone(sentence: str) -> None:
    assert lint_text(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "sensitive"),
    [
        ("She had deep cuts on her arms.", True),
        ("The wound left exposed bone.", True),
        ("After self-harming he had deep cuts on his legs.", False),
    ],
)
def test_wound_depth_is_graphic_on_a_sensitive_topic_or_next_to_self_harm(
    sentence: str, sensitive: bool
) -> None:
    finding = single(lint_text(sentence, sensitive=sensitive), "graphic-description")
    assert finding.severity == "block"


# Sentences in the style of imported medical reference text (MedQuAD), written for these
# tests: ordinary clinical language that the lint must not withhold.
@pytest.mark.parametrize(
    "sentence",
    [
        "Tetanus bacteria can get into the body through a deep cut or a burn.",
        "Where the gums no longer cover it, exposed bone in the jaw can break down.",
        "Without pain, you might hurt yourself badly without knowing it.",
        "Symptoms include tensing of various muscles and jerking movements.",
    ],
)
def test_ordinary_medical_reference_text_is_not_withheld(sentence: str) -> None:
    assert [f for f in lint_text(sentence) if f.severity == "block"] == []


def test_number_words_need_a_space_before_a_unit() -> None:
    assert (
        of_rule(lint_text("Tensing of the muscles is common.", sensitive=True), "method-detail")
        == []
    )
    finding = single(lint_text("He swallowed ten tablets.", sensitive=True), "method-detail")
    assert finding.words in ("ten tablets", "swallowed ten tablets")


# --- Rule 5: sensational language ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "alternative"),
    [
        ("Teen suicide has become an epidemic.", "epidemic", "rates have risen"),
        ("Self-harm rates are skyrocketing among girls.", "skyrocketing", "have risen"),
        ("It was a tragic suicide that shook the town.", "tragic", "died by suicide"),
        ("The shocking suicide of a young actor made headlines.", "shocking", "died by suicide"),
        ("Locals say the cliffs are a suicide hotspot.", "suicide hotspot", "describe"),
        ("Experts fear copycat suicides after the story.", "copycat", "rates have increased"),
    ],
)
def test_sensational_words_about_suicide_warn_by_default(
    sentence: str, words: str, alternative: str
) -> None:
    finding = single(lint_text(sentence), "sensational-language")

    assert (finding.words, finding.severity) == (words, "warn")
    assert alternative in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "Suicide rates have risen in some countries over the past decade.",
        "A tragic accident left him with PTSD.",
        "A diagnosis can come as a shocking surprise.",
        "Rates of childhood obesity are skyrocketing.",
    ],
)
def test_sensational_language_needs_a_suicide_or_self_harm_context(sentence: str) -> None:
    assert lint_text(sentence) == []


# --- Rule 6: presents suicide as a solution -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("For him, suicide was the only way out.", "the only way out"),
        ("Suicide seemed like the only way out of his debts.", "the only way out"),
        ("Self-harm works for me when I am overwhelmed.", "Self-harm works"),
        ("Self-harm brings relief from unbearable feelings.", "brings relief"),
        ("His suicide ended his suffering.", "ended his suffering"),
        ("She is finally at peace after taking her own life.", "finally at peace"),
    ],
)
def test_suicide_presented_as_a_solution_warns_by_default(sentence: str, words: str) -> None:
    finding = single(lint_text(sentence), "presents-suicide-as-solution")

    assert (finding.words, finding.severity) == (words, "warn")
    assert "helped in other ways" in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "Suicide is not a solution to your problems.",
        "Suicide is never the only way out.",
        "It can feel like the only way out, but help is available.",
        "The relief self-harm brings tends to be brief.",
        "The relief it brings tends to be brief.",
        "Self-harm can bring relief for a short while, but the feelings come back.",
        "Suicidal thoughts often come when there seems to be no other way out.",
        "A form of CBT focused on suicide helps you understand what happens in a crisis.",
    ],
)
def test_negated_and_corrective_statements_are_not_presented_as_solutions(sentence: str) -> None:
    assert lint_text(sentence) == []


# --- Severity and blocking ----------------------------------------------------------------


def test_rules_and_default_blocking_are_as_documented() -> None:
    assert list(RULES) == [
        "stigmatising-language",
        "method-detail",
        "lethality-detail",
        "graphic-description",
        "sensational-language",
        "presents-suicide-as-solution",
        "missing-help-resources",
    ]
    assert (
        frozenset(
            {
                "stigmatising-language",
                "method-detail",
                "lethality-detail",
                "graphic-description",
                "missing-help-resources",
            }
        )
        == DEFAULT_BLOCKING
    )


def test_custom_blocking_changes_severities() -> None:
    text = "Teen suicide has become an epidemic, and the boy who committed suicide was 15."

    default = {f.rule: f.severity for f in lint_text(text)}
    custom = {
        f.rule: f.severity for f in lint_text(text, blocking=frozenset({"sensational-language"}))
    }
    none_block = {f.severity for f in lint_text(text, blocking=frozenset())}

    assert default == {"sensational-language": "warn", "stigmatising-language": "block"}
    assert custom == {"sensational-language": "block", "stigmatising-language": "warn"}
    assert none_block == {"warn"}


def test_lint_topic_passes_custom_blocking_to_every_finding() -> None:
    doc = make_topic("## Overview {kind=information}\n\nHe committed suicide.\n")

    findings = lint_topic(doc, blocking=frozenset({"missing-help-resources"}))

    assert [(f.rule, f.severity) for f in findings] == [
        ("stigmatising-language", "warn"),
        ("missing-help-resources", "block"),
    ]


# --- Rule 7: missing help resources -------------------------------------------------------


def test_sensitive_topic_without_help_section_or_crisis_line_is_blocked() -> None:
    doc = make_topic("## What self-injury is {kind=information}\n\nPeople do recover.\n")

    finding = single(lint_topic(doc), "missing-help-resources")

    assert (finding.severity, finding.topic, finding.section, finding.words) == (
        "block",
        "x",
        "",
        "",
    )
    assert "seek-help" in finding.message
    assert "crisis line" in finding.message
    assert "kind=seek-help" in finding.suggestion
    assert "988" in finding.suggestion


def test_help_section_without_crisis_line_names_only_the_crisis_line() -> None:
    doc = make_topic("## When to get help {kind=seek-help}\n\nSee your GP or family doctor.\n")

    finding = single(lint_topic(doc), "missing-help-resources")

    assert "crisis line" in finding.message
    assert "seek-help" not in finding.message


def test_crisis_line_without_help_section_names_only_the_help_section() -> None:
    doc = make_topic(
        "## What self-injury is {kind=information}\n\nIn the UK, call Samaritans on 116 123.\n"
    )

    finding = single(lint_topic(doc), "missing-help-resources")

    assert "seek-help" in finding.message
    assert "crisis line" not in finding.message


def test_sensitive_topic_with_help_section_and_crisis_line_passes() -> None:
    assert lint_topic(make_topic(section("People do recover."))) == []


def test_non_sensitive_topic_needs_no_help_resources() -> None:
    doc = make_topic(
        "## What hiccups are {kind=information}\n\nHiccups are common and harmless.\n",
        title="Hiccups",
        summary="Short, repeated spasms of the diaphragm.",
        sensitive=False,
    )

    assert lint_topic(doc) == []


# --- Where findings are reported ----------------------------------------------------------


def test_title_and_summary_findings_have_an_empty_section() -> None:
    doc = make_topic(
        section("People do recover."),
        title="The self-harm epidemic",
        summary="Cutters need support, not judgement.",
    )

    findings = lint_topic(doc)

    assert [(f.rule, f.section, f.words) for f in findings] == [
        ("sensational-language", "", "epidemic"),
        ("stigmatising-language", "", "Cutters"),
    ]


def test_treatment_item_findings_name_the_heading_and_the_item() -> None:
    body = (
        "## Treatment {kind=treatment}\n\n"
        "Talking therapies help.\n\n"
        "### Support for suicide victims {item=support-group}\n\n"
        "Groups for families.\n\n"
        "### Safety planning {item=programme}\n\n"
        "A plan for people who have survived a failed suicide attempt.\n\n" + HELP_SECTION
    )

    findings = lint_topic(make_topic(body))

    assert [(f.section, f.words) for f in findings] == [
        ("Treatment › Support for suicide victims", "suicide victims"),
        ("Treatment › Safety planning", "failed suicide attempt"),
    ]


def test_findings_follow_document_order() -> None:
    body = (
        "## Overview {kind=information}\n\n"
        "Teen suicide is an epidemic. Her uncle committed suicide.\n\n"
        "## Signs {kind=symptoms}\n\n"
        "The wound was gaping.\n\n" + HELP_SECTION
    )

    findings = lint_topic(make_topic(body))

    assert [(f.section, f.words) for f in findings] == [
        ("Overview", "epidemic"),
        ("Overview", "committed suicide"),
        ("Signs", "gaping"),
    ]


def test_words_are_quoted_exactly_as_written_across_a_line_break() -> None:
    finding = single(lint_text("Her uncle Committed\nsuicide in 2019."), "stigmatising-language")

    assert finding.words == "Committed\nsuicide"
    assert finding.message.startswith('"Committed suicide"')


def test_overlapping_matches_of_one_rule_are_reported_once() -> None:
    findings = lint_text("It was a successful suicide attempt.")

    assert [f.words for f in findings] == ["successful suicide attempt"]


# --- Shipped content and independence from Django -----------------------------------------


def test_every_starter_topic_lints_with_zero_findings() -> None:
    documents = read_topic_dir(STARTER_DIR, dt.date.today())

    findings = {doc.slug: lint_topic(doc) for doc in documents}

    assert "self-injury" in findings
    assert {slug: found for slug, found in findings.items() if found} == {}


# --- Sensitive topics: means and tools are method detail in any sentence ------------------

TESTER_SENTENCE = "Some people keep cutting with a razor blade deep enough to need stitches."


@pytest.mark.parametrize(
    "sentence",
    [
        TESTER_SENTENCE,
        "Some use a ligature.",
        "She had saved up 30 tablets.",
        "He keeps a knife in his bag for when the feelings get too much.",
        "Burning the skin with a lighter leaves scars.",
    ],
)
def test_on_a_sensitive_topic_means_and_tools_block_without_the_word_self_harm(
    sentence: str,
) -> None:
    # Read alone (an ordinary topic), none of these sentences names self-harm or suicide.
    assert of_rule(lint_text(sentence), "method-detail") == []
    finding = single(lint_text(sentence, sensitive=True), "method-detail")
    assert finding.severity == "block"

    doc = make_topic(section(sentence))  # make_topic builds a sensitive topic
    assert single(lint_topic(doc), "method-detail").sentence == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Clean the wound gently and cover it with a clean dressing.",
        "See a doctor if a cut is deep, will not stop bleeding or shows signs of infection.",
        "Cool a burn under cool running water for 20 minutes.",
        "Be careful not to cut yourself when cooking.",
        "Lock away razors and medicines, or ask someone you trust to keep them.",
        "Talk to someone you trust, or call a crisis line such as 988 in the US.",
        "Cut down on alcohol, which can make low mood worse.",
    ],
)
def test_on_a_sensitive_topic_care_and_means_safety_language_stays_allowed(
    sentence: str,
) -> None:
    assert lint_text(sentence, sensitive=True) == []
    assert lint_topic(make_topic(section(sentence))) == []


def test_an_ordinary_topic_still_allows_tools_in_everyday_sentences() -> None:
    doc = make_topic(
        "## Cooking safely {kind=prevention}\n\nKeep knives sharp and store razors safely.\n",
        title="Home safety",
        summary="Staying safe at home.",
        sensitive=False,
    )
    assert lint_topic(doc) == []


# --- What editors read -------------------------------------------------------------------


def test_editors_read_one_plain_sentence_quoting_the_offending_sentence() -> None:
    findings = lint_text(TESTER_SENTENCE, sensitive=True)

    assert [f.plain for f in findings] == [
        "This sentence describes a method or tool of self-harm or suicide, which can harm "
        f'vulnerable readers: "{TESTER_SENTENCE}" Describe care and help instead.'
    ]


def test_several_means_in_one_sentence_are_one_problem() -> None:
    sentence = (
        "Examples of self-harm include cutting yourself with a razor blade, knife or other "
        "sharp object."
    )
    findings = of_rule(lint_text(sentence), "method-detail")
    assert len(findings) == 1
    assert findings[0].sentence == sentence


def test_quoted_sentences_lose_list_marks_and_line_breaks() -> None:
    finding = single(
        lint_text("Some examples:\n\n- Burning yourself\n  with cigarettes, which is self-harm."),
        "method-detail",
    )
    assert finding.sentence == "Burning yourself with cigarettes, which is self-harm."
    assert '"Burning yourself with cigarettes, which is self-harm."' in finding.plain


def test_a_very_long_sentence_is_quoted_around_the_words_found() -> None:
    filler = " ".join(["Many people recover with support from friends and family"] * 8)
    finding = single(
        lint_text(f"{filler} and some say suicide victims are weak."), "stigmatising-language"
    )
    assert finding.sentence.startswith("…") and "suicide victims" in finding.sentence
    assert len(finding.sentence) < 260


def test_other_rules_name_the_words_and_keep_their_specific_fix() -> None:
    (finding,) = lint_text("Her uncle committed suicide in 2019.")
    assert finding.plain == (
        "This sentence uses words that blame or label people who self-harm or die by suicide "
        '("committed suicide"): "Her uncle committed suicide in 2019." Write "died by suicide" '
        'or "took their own life" (or "die by suicide" for the present).'
    )


# The lint skips a rule's regex when the text lacks the words every match holds, looks for
# method terms among those the text can hold, and tries lookbehind exemptions only where the
# word they guard starts; none of this may change a finding.
@pytest.mark.parametrize(
    ("text", "sensitive", "expected"),
    [
        ("He bought a box cutter at the store.", False, []),
        ("They took a cookie-cutter approach.", False, []),
        ("People called him a cutter.", False, [("stigmatising-language", "cutter")]),
        ("It felt like I am drowned in work.", True, []),
        ("She drowned.", True, [("method-detail", "drowned")]),
        ("Funding cuts closed the clinic.", True, []),
        ("She hid the cuts on her arm.", True, [("method-detail", "cuts")]),
        ("Therapy focused on suicide works for many people.", False, []),
        ("For her, self-harm works.", False, [("presents-suicide-as-solution", "self-harm works")]),
        # Characters that match ASCII letters only under re.IGNORECASE (dotless i, long s,
        # Kelvin sign) are still found.
        (
            "He comm\u0131tted su\u0131cide last year.",
            False,
            [("stigmatising-language", "comm\u0131tted su\u0131cide")],
        ),
        (
            "A \u017fuicide victim was named.",
            False,
            [("stigmatising-language", "\u017fuicide victim")],
        ),
        ("Self-harm with a \u212anife.", True, [("method-detail", "\u212anife")]),
    ],
)
def test_prefilters_and_lookbehinds_keep_findings(
    text: str, sensitive: bool, expected: list[tuple[str, str]]
) -> None:
    found = [(f.rule, f.words) for f in lint_text(text, sensitive=sensitive)]
    assert found == expected


# One sentence for each rule pattern no other test here writes, so that every pattern's
# prefilter is checked below against a text the pattern matches.
MORE_MATCHES = (
    "The report counted completed suicides among young men.",
    "It was described as a successful attempt at suicide.",
    "The forum listed ways to kill yourself.",
    "She said he had been cutting his arms since spring.",
    "He searched for the easiest way to die.",
    "The article claimed such attempts are always fatal.",
    "The story said she had slashed open her skin.",
)


def test_every_rule_pattern_is_matched_here_and_its_prefilter_never_hides_a_match() -> None:
    # The lint runs a pattern only when the text holds one of the words every match of it
    # holds (its ``needs``; content_lint._may_match). A pattern whose listed words are wrong
    # would silently miss: here each pattern matches some text written in this module, and
    # wherever it (or a context it asks for) does, its prefilter lets it run.
    from symptomdb.safety import content_lint

    unmatched, hidden = prefilter_misses(
        content_lint._TEXT_RULES, texts_written_in(Path(__file__)), content_lint._fold
    )
    assert unmatched == []
    assert hidden == []
