"""The Spanish safe-messaging lint: what each rule flags in Spanish, the ordinary senses it
leaves alone, its Spanish messages, how the language is chosen, and the Spanish starter topics."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from symptomdb.importers.topic_markdown import TopicDocument, parse_topic_markdown, read_topic_dir
from symptomdb.safety import content_lint_es
from symptomdb.safety.content_lint import LANGUAGES, LintFinding, lint_text, lint_topic
from tests.conftest import TODAY
from tests.safety.prefilters import prefilter_misses, texts_written_in

REPO = Path(__file__).resolve().parent.parent.parent
STARTER_DIR = REPO / "symptomdb" / "topics" / "starter"

FRONT_MATTER = """\
---
locale: {locale}
{translation}slug: {slug}
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
## Cuándo pedir ayuda ahora {kind=seek-help}

Si estás pensando en el suicidio, llama al número de emergencias o a una línea de crisis: en
Estados Unidos, llama al 988 y marca 2; en España, llama al 024.
"""


def make_topic(
    body: str,
    *,
    title: str = "Autolesión",
    summary: str = "La autolesión es hacerse daño a propósito, y la gente se recupera.",
    sensitive: bool = True,
    locale: str = "es",
) -> TopicDocument:
    """Parse a small Spanish topic file built from a Markdown body."""
    text = (
        FRONT_MATTER.format(
            locale=locale,
            translation="translation_of: self-injury\n" if locale != "en" else "",
            slug="x",
            title=title,
            summary=summary,
            sensitive=str(sensitive).lower(),
        )
        + body
    )
    return parse_topic_markdown(text, "x.md", TODAY)


def section(text: str, heading: str = "Qué es la autolesión") -> str:
    """One section of a topic file, followed by a help section so help is never missing."""
    return f"## {heading} {{kind=information}}\n\n{text}\n\n{HELP_SECTION}"


def es(text: str, *, sensitive: bool = False) -> list[LintFinding]:
    return lint_text(text, sensitive=sensitive, language="es")


def found(text: str, *, sensitive: bool = False) -> list[tuple[str, str]]:
    return [(f.rule, f.words) for f in es(text, sensitive=sensitive)]


# --- Each rule flags its Spanish wording -----------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "sentence", "words"),
    [
        # 1. Stigmatising language.
        ("stigmatising-language", "Su tío cometió suicidio cuando ella tenía doce años.", "cometió suicidio"),
        ("stigmatising-language", "Dicen que podría cometer suicidio.", "cometer suicidio"),
        ("stigmatising-language", "Su tío se suicidó cuando ella tenía doce años.", "se suicidó"),
        ("stigmatising-language", "Dos compañeros de clase se suicidaron ese curso.", "se suicidaron"),
        ("stigmatising-language", "Nos dijeron que su vecino se ha suicidado.", "se ha suicidado"),
        ("stigmatising-language", "Cuando llegaron, ya se había suicidado.", "se había suicidado"),
        ("stigmatising-language", "Fue un suicidio consumado.", "suicidio consumado"),
        ("stigmatising-language", "El artículo habló de un suicidio exitoso.", "suicidio exitoso"),
        ("stigmatising-language", "Tras un intento fallido de suicidio, ingresó.", "intento fallido de suicidio"),
        ("stigmatising-language", "Después de su intento fallido, siguió pensando en el suicidio.", "intento fallido"),
        ("stigmatising-language", "Es otra víctima del suicidio.", "víctima del suicidio"),
        ("stigmatising-language", "Dicen que se autolesiona para llamar la atención.", "llamar la atención"),
        ("stigmatising-language", "Se autolesiona solo porque busca atención.", "busca atención"),
        ("stigmatising-language", "La automutilación es frecuente en la adolescencia.", "automutilación"),
        ("stigmatising-language", "Dijo que un suicida nunca avisa.", "un suicida"),
        ("stigmatising-language", "Los suicidas necesitan ayuda.", "Los suicidas"),
        ("stigmatising-language", "La llamaban manipuladora por su TLP.", "manipuladora"),
        # 2. Method detail.
        ("method-detail", "Buscó en internet cómo suicidarse.", "cómo suicidarse"),
        ("method-detail", "Preguntaba cómo hacerse daño.", "cómo hacerse daño"),
        ("method-detail", "Un foro que explica formas de quitarse la vida.", "formas de quitarse la vida"),
        ("method-detail", "Empezó a cortarse los brazos en el instituto.", "cortarse los brazos"),
        ("method-detail", "Se cortó las venas.", "Se cortó las venas"),
        ("method-detail", "Me corto cuando estoy muy mal.", "Me corto"),
        ("method-detail", "A veces se quema cuando está mal.", "se quema"),
        ("method-detail", "Pensó en suicidarse con pastillas y un cuchillo.", "cuchillo"),
        ("method-detail", "Habló de tirarse desde un puente porque pensaba en el suicidio.", "desde un puente"),
        # 3. Lethality.
        ("lethality-detail", "Buscó la dosis letal para suicidarse.", "dosis letal"),
        ("lethality-detail", "Buscaba la forma más rápida de morir.", "forma más rápida de morir"),
        ("lethality-detail", "Quería la forma más segura de morir.", "forma más segura de morir"),
        ("lethality-detail", "Creía que podría suicidarse sin dolor.", "sin dolor"),
        # 4. Graphic description.
        ("graphic-description", "Lo encontraron desangrándose.", "desangrándose"),
        ("graphic-description", "Había una camiseta ensangrentada en el suelo.", "ensangrentada"),
        ("graphic-description", "El cuerpo estaba mutilado.", "mutilado"),
        # 5. Sensational language.
        ("sensational-language", "Hay una epidemia de suicidios entre los jóvenes.", "epidemia"),
        ("sensational-language", "Una ola de suicidios sacudió el pueblo.", "ola de suicidios"),
        ("sensational-language", "Lo llaman el puente de los suicidas.", "puente de los suicidas"),
        # 6. Suicide as a solution.
        ("presents-suicide-as-solution", "El suicidio es la única salida.", "suicidio es la única salida"),
        ("presents-suicide-as-solution", "Para él, el suicidio era la solución.", "suicidio era la solución"),
        ("presents-suicide-as-solution", "Encontró la paz al quitarse la vida.", "Encontró la paz al quitarse la vida"),
    ],
)  # fmt: skip
def test_each_rule_flags_its_spanish_wording(rule: str, sentence: str, words: str) -> None:
    assert (rule, words) in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Stigmatising: ordinary senses and corrections.
        "El proyecto fue un intento fallido de mejorar la web.",
        "Me llama la atención lo bien que dibuja.",
        "La autolesión no es una forma de llamar la atención.",
        "Si te haces daño, cuida la herida y busca atención médica cuando la necesites.",
        "Tiene ideas suicidas y una conducta suicida; es una persona con pensamientos suicidas.",
        "Decir que murió por suicidio es más respetuoso que decir que se mató.",
        "Su hermana murió por suicidio; su padre perdió la vida por suicidio años antes.",
        "Intentó suicidarse el año pasado y ahora recibe ayuda.",
        "Pensaba en suicidarse y se lo contó a su médica.",
        # Method: ordinary senses, accidents, means safety.
        "Los recortes de presupuesto cerraron la clínica de salud mental.",
        "Se corta el pelo cada mes.",
        "Se cortó la luz durante la tormenta.",
        "Corta la comida en trozos pequeños.",
        "Me corté el dedo sin querer mientras cocinaba.",
        "No te cortes y pregunta lo que quieras.",
        "Está quemado por el trabajo.",
        "Quemar calorías con ejercicio mejora el ánimo.",
        "Si alguien piensa en el suicidio, guarda los medicamentos bajo llave.",
        "Se mata a trabajar y casi no duerme.",
        "Me muero de risa con ese vídeo.",
        # Lethality, graphic, sensational and solution: ordinary senses and corrections.
        "El parto sin dolor es posible con la epidural.",
        "El médico ajusta la dosis del medicamento.",
        "La mutilación genital femenina es una violación de los derechos humanos.",
        "La gripe se disparó este invierno.",
        "La prevención del suicidio es la solución que proponen los expertos.",
        "Puede parecer que el suicidio es la única salida, pero hay ayuda.",
        "El suicidio no es la solución.",
    ],
)
def test_ordinary_senses_and_corrections_are_left_alone(sentence: str) -> None:
    assert es(sentence) == []


# --- Accents and clitics ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_accents", "without"),
    [
        ("Su tío cometió suicidio.", "Su tio cometio suicidio."),
        ("Su tío se suicidó.", "Su tio se suicido."),
        ("Es otra víctima del suicidio.", "Es otra victima del suicidio."),
        ("Buscó cómo suicidarse.", "Busco como suicidarse."),
        ("Preguntó cómo hacerse daño.", "Pregunto como hacerse dano."),
        ("Quería la forma más rápida de morir.", "Queria la forma mas rapida de morir."),
        ("El suicidio es la única solución.", "El suicidio es la unica solucion."),
    ],
)
def test_accents_are_optional(with_accents: str, without: str) -> None:
    with_rules = [f.rule for f in es(with_accents)]
    assert with_rules
    assert [f.rule for f in es(without)] == with_rules


@pytest.mark.parametrize(
    "sentence",
    [
        "Empezó a cortarse hace un año.",
        "Sigue cortándose aunque quiere parar.",
        "Dice que se cortó otra vez.",
        "A veces me corto cuando todo me supera.",
        "¿Te cortas cuando te sientes así?",
    ],
)
def test_self_harm_verbs_are_found_with_enclitic_and_proclitic_pronouns(sentence: str) -> None:
    assert [f.rule for f in es(sentence)] == ["method-detail"]


def test_on_a_sensitive_topic_means_block_anywhere_but_first_aid_and_means_safety_do_not() -> None:
    assert es("Tiene cortes en los brazos.") == []
    finding = es("Tiene cortes en los brazos.", sensitive=True)[0]
    assert (finding.rule, finding.words, finding.severity) == ("method-detail", "cortes", "block")
    assert found("Había guardado 30 pastillas.", sensitive=True) == [
        ("method-detail", "30 pastillas")
    ]
    for sentence in (
        "Limpia el corte con agua y cúbrelo con un apósito.",
        "Aléjate de cualquier cosa que pudieras usar para hacerte daño, como cuchillas o pastillas.",
        "Tiene una herida profunda: límpiala y ve a urgencias si necesita puntos.",
        "La autolesión puede dar alivio durante un rato, pero no dura.",
    ):
        assert es(sentence, sensitive=True) == [], sentence


# --- Messages: Spanish, one sentence, quoting the words, with a suggestion ------------------


def test_messages_are_spanish_and_quote_the_words() -> None:
    findings = es("Su tío cometió suicidio y lo encontraron desangrándose.")

    stigma, graphic = findings
    assert stigma.message == "«cometió suicidio» presenta el suicidio como un delito o un pecado."
    assert stigma.suggestion == "Escribe «murió por suicidio» o «se quitó la vida»."
    assert graphic.message == "«desangrándose» es una descripción explícita de una herida."
    assert {f.language for f in findings} == {"es"}


def test_a_death_told_with_se_suicido_blocks_like_committed_suicide_and_suggests_died_by() -> None:
    (committed,) = lint_text("Her uncle committed suicide.")
    for sentence, words in (
        ("Su tío se suicidó el año pasado.", "se suicidó"),
        ("Su tio se suicido el ano pasado.", "se suicido"),
        ("Sus dos primos se suicidaron.", "se suicidaron"),
        ("Creen que se ha suicidado.", "se ha suicidado"),
        ("Su tío cometió suicidio.", "cometió suicidio"),
        ("Dicen que podria cometer suicidio.", "cometer suicidio"),
    ):
        (finding,) = es(sentence)
        assert (finding.rule, finding.words) == ("stigmatising-language", words), sentence
        assert finding.severity == committed.severity == "block", sentence
        assert "«murió por suicidio»" in finding.suggestion, sentence
    (reflexive,) = es("Su tío se suicidó el año pasado.")
    assert reflexive.message == (
        "«se suicidó» cuenta la muerte como un acto de la persona, no como una causa de muerte."
    )
    assert reflexive.suggestion == (
        "Escribe «murió por suicidio» o «perdió la vida por suicidio» (en plural, «murieron por "
        "suicidio»)."
    )


def test_editors_read_one_spanish_sentence_quoting_the_offending_sentence() -> None:
    sentence = "Su tío cometió suicidio cuando ella tenía doce años."
    (finding,) = es(sentence)
    assert finding.plain == (
        "Esta frase usa palabras que culpan o etiquetan a quienes se autolesionan o mueren por "
        f"suicidio («cometió suicidio»): «{sentence}» Escribe «murió por suicidio» o «se quitó "
        "la vida»."
    )
    (method,) = es("Tiene cortes en los brazos", sensitive=True)
    assert method.plain == (
        "Esta frase describe un método o un medio de autolesión o suicidio, lo que puede hacer "
        "daño a lectores vulnerables: «Tiene cortes en los brazos». Describe en su lugar los "
        "cuidados y la ayuda."
    )


def test_every_spanish_message_quotes_its_words_in_one_sentence() -> None:
    for patterns in content_lint_es._TEXT_RULES.values():
        for pattern in patterns:
            assert "«{words}»" in pattern.message, pattern.message
            assert pattern.message.count(".") == 1 and pattern.message.endswith(".")
            assert pattern.suggestion.endswith((".", "»."))


def test_a_spanish_sensitive_topic_without_help_is_told_so_in_spanish() -> None:
    doc = make_topic("## Qué es {kind=information}\n\nLa autolesión tiene tratamiento.\n")

    (finding,) = lint_topic(doc)

    assert finding.rule == "missing-help-resources"
    assert finding.severity == "block"
    assert finding.message == (
        "Este tema sensible no tiene un apartado de tipo seek-help ni una línea de crisis, así "
        "que no dice a las personas en riesgo dónde pedir ayuda."
    )
    assert finding.suggestion.startswith("Añade un apartado «## Cuándo pedir ayuda ahora")
    assert lint_topic(make_topic(section("La autolesión tiene tratamiento."))) == []


# --- How the language is chosen -----------------------------------------------------------


def test_a_topic_is_linted_in_its_own_language() -> None:
    spanish = make_topic(section("Su tío cometió suicidio cuando ella tenía doce años."))
    (finding,) = lint_topic(spanish)
    assert (finding.rule, finding.words, finding.section) == (
        "stigmatising-language",
        "cometió suicidio",
        "Qué es la autolesión",
    )
    assert finding.language == "es"

    english = make_topic(
        section("Her uncle committed suicide when she was twelve.").replace(
            HELP_SECTION, "## When to get help now {kind=seek-help}\n\nCall or text 988.\n"
        ),
        locale="en",
    )
    (finding,) = lint_topic(english)
    assert (finding.rule, finding.words, finding.language) == (
        "stigmatising-language",
        "committed suicide",
        "en",
    )
    assert finding.message.startswith('"committed suicide" implies a crime or sin')


def test_english_text_gets_exactly_its_old_findings() -> None:
    text = (
        "Her uncle committed suicide. Some people keep cutting with a razor blade. "
        "It was a shocking suicide epidemic."
    )
    expected = [
        ("stigmatising-language", "block", "committed suicide"),
        ("sensational-language", "warn", "shocking"),
    ]
    assert [(f.rule, f.severity, f.words) for f in lint_text(text)] == expected
    assert lint_text(text, language="en") == lint_text(text)
    assert lint_text(text, sensitive=True) == lint_text(text, sensitive=True, language="en")
    assert [f.words for f in lint_text(text, sensitive=True)] == [
        "committed suicide",
        "cutting",
        "shocking",
    ]
    assert {f.language for f in lint_text(text, sensitive=True)} == {"en"}
    # The Spanish rules are not run on English text, nor the English rules on Spanish.
    assert lint_text("Her uncle committed suicide.", language="es") == []
    assert lint_text("Su tío cometió suicidio.") == []


def test_an_unknown_language_is_refused() -> None:
    assert LANGUAGES == ("en", "es")
    with pytest.raises(ValueError, match="no rules for language 'fr'"):
        lint_text("Il s'est suicidé.", language="fr")


# --- The Spanish starter topics ---------------------------------------------------------------


def test_every_spanish_starter_topic_lints_with_zero_findings() -> None:
    documents = read_topic_dir(STARTER_DIR / "es", dt.date.today())

    findings = {doc.slug: lint_topic(doc) for doc in documents}

    assert "autolesion" in findings and "pensamientos-suicidas" in findings
    assert {doc.locale for doc in documents} == {"es"}
    assert {slug: found for slug, found in findings.items() if found} == {}


def test_lint_content_on_the_starter_topics_reports_no_blocking_finding() -> None:
    out = io.StringIO()
    call_command("lint_content", str(STARTER_DIR), stdout=out)
    lines = out.getvalue().splitlines()
    assert "14 topic(s) checked: 0 blocking, 0 warning(s)." in lines


def test_lint_content_blocks_a_spanish_topic_in_spanish(starter_dir: Path) -> None:
    path = starter_dir / "es" / "autolesion.md"
    path.write_text(
        path.read_text().replace(
            "{kind=causes}\n", "{kind=causes}\n\nSu tío cometió suicidio el año pasado.\n", 1
        )
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 blocking safe-messaging finding"):
        call_command("lint_content", str(starter_dir), stdout=out)
    assert out.getvalue().splitlines()[0] == (
        "Blocks publishing — autolesion › Causas y factores de riesgo: Esta frase usa palabras "
        "que culpan o etiquetan a quienes se autolesionan o mueren por suicidio («cometió "
        "suicidio»): «Su tío cometió suicidio el año pasado.» Escribe «murió por suicidio» o "
        "«se quitó la vida»."
    )


# --- The prefilter contract ---------------------------------------------------------------

# One sentence for each Spanish rule pattern no other test here writes, so that every
# pattern's prefilter is checked below against a text the pattern matches.
MORE_MATCHES = (
    "Fueron dos suicidios consumados.",
    "La acusaron de manipular a todos, aunque hablaba de suicidio.",
    "Leyó instrucciones para el suicidio en un foro.",
    "Tenía autoquemaduras que escondía.",
    "Un foro mencionaba el Puente Nuevo al hablar de suicidio.",
    "Decían que era un método muy letal para suicidarse.",
    "Pensaba en el suicidio como una muerte rápida.",
    "Ese método casi siempre es mortal, decían al hablar de ahorcarse.",
    "La tasa de mortalidad del ahorcamiento, decía el artículo sobre suicidio.",
    "Una escena espeluznante tras el suicidio.",
    "Tenía cortes profundos por las autolesiones.",
    "Intentó rajarse las venas.",
    "Un trágico suicidio conmocionó al barrio.",
    "Los suicidios se han disparado este año.",
    "Dice que la autolesión funciona para calmarse.",
    "Tras el suicidio, dijeron que por fin descansa en paz.",
    "Dice que autolesionarse le da alivio.",
    "Pensaba en el suicidio como la única salida.",
)


def test_every_spanish_pattern_is_matched_here_and_its_prefilter_never_hides_a_match() -> None:
    # As for the English rules (test_content_lint.py), on the texts written here, in upper
    # case and without accents too: the lint folds text to lower case without accents.
    texts = texts_written_in(Path(__file__))
    texts |= {text.upper() for text in texts} | {_no_accents(text) for text in texts}
    unmatched, hidden = prefilter_misses(
        content_lint_es._TEXT_RULES, texts, content_lint_es._fold_es
    )
    assert unmatched == []
    assert hidden == []


def _no_accents(text: str) -> str:
    return text.translate(str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN"))
