"""Spanish rules of the safe-messaging lint (``content_lint``), for topics with ``locale: es``.

The same six text rules as the English lint, written for Spanish from the same guidance
(WHO/IASP, "Preventing suicide: a resource for media professionals"; and its Spanish-language
editions, "Prevención del suicidio: un recurso para profesionales de los medios de
comunicación"), with messages and suggestions in Spanish. The lexicons are our own and,
like the English ones, name categories of means only: nothing here describes how a method
works.

Spanish needs three things the English rules do not:

- Accents are optional: readers and editors often type "victima", "como", "dano". Patterns
  are written with their accents and ``_es`` lets each accented letter also match its plain
  one (and "ñ" match "n"); the prefilter looks in the text folded to lower case without
  accents, so every ``needs`` word is plain ASCII.
- Clitics: "cortarse", "cortándose", "se cortó", "me corto". A reflexive verb is matched
  with an enclitic pronoun on the infinitive or gerund, or a proclitic one before it.
- Ordinary senses of the same verbs: "cortarse el pelo", "se cortó la luz", "recortes de
  presupuesto", "me muero de risa", "se mata a trabajar", "estar quemado" (burn-out), first
  aid ("limpia la herida") and means safety ("guardar los medicamentos bajo llave").

Plain Python: no Django import. Built from ``content_lint_base``; ``content_lint`` applies
these rules to text in Spanish (``lint_text(..., language="es")``, topics with ``locale: es``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from symptomdb.safety.content_lint_base import (
    _DEAR_CONTEXTS,
    _SEP,
    _fold,
    _Language,
    _Pattern,
    _rx,
)
from symptomdb.safety.content_lint_base import (
    _p as _p_ascii,
)

__all__ = ["SPANISH"]

# An accented letter in a pattern also matches the letter without its accent. Write accented
# letters only outside character classes (a class would get a class inside it).
_ACCENTS = {"á": "[aá]", "é": "[eé]", "í": "[ií]", "ó": "[oó]", "ú": "[uúü]", "ü": "[uü]"}
_ACCENTS |= {"ñ": "[nñ]"}
_ACCENTED = re.compile("[" + "".join(_ACCENTS) + "]")


def _es(pattern: str) -> str:
    """The pattern with each accented letter made optional: "víctima" -> "v[ií]ctima"."""
    return _ACCENTED.sub(lambda m: _ACCENTS[m.group()], pattern)


def _rx_es(pattern: str, needs: tuple[str, ...] = ()) -> re.Pattern[str]:
    return _rx(_es(pattern), needs)


def _p(pattern: str, message: str, suggestion: str, **options: Any) -> _Pattern:
    """content_lint_base._p with optional accents (see ``_es``); the options are the same."""
    return _p_ascii(_es(pattern), message, suggestion, **options)


def _fold_es(text: str) -> str:
    """The text in lower case without accents (what the Spanish ``needs`` words are found in).

    Every accented letter the patterns allow is one letter plus combining marks in NFD, and
    the plain letter is what is left; the length may change, but the prefilter only asks
    whether words occur, never where.
    """
    folded = _fold(text)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Pronouns joined to an infinitive or gerund ("cortarse", "cortándome") or before a verb.
_ENCLITIC = r"(?:se|me|te|nos|os)"
_PROCLITIC = r"(?:se|me|te|nos|os)\s+"
# The forms of a first-conjugation verb after its stem, as used with a pronoun before it:
# "(se) corta", "(me) corté", "(se) cortaba", "(se) cortaron", "(se) ha cortado".
_AR_FORMS = (
    r"(?:o|as|a|amos|áis|an|é|aste|ó|asteis|aron|aba|abas|ábamos|aban|e|es|en|emos"
    r"|ara|aras|aran|ará|arán|aría|arían|ado|ada)"
)

# --- Context ----------------------------------------------------------------------------
_DANO = r"daño(?:\s+a\s+(?:sí|uno|una|ti|mí)\s+mism[oa]s?)?"
_SUICIDE_CONTEXT = _rx_es(
    r"\b(?:suicid\w*|autolesi\w*|autodaño\w*|autoinfligid\w*|automutil\w*"
    rf"|hacer{_ENCLITIC}\s+{_DANO}|haciéndo{_ENCLITIC}\s+{_DANO}"
    rf"|{_PROCLITIC}(?:hago|haces|hace|hacemos|hacen|hice|hiciste|hizo|hicieron|hacía|hacían"
    rf"|haga|hagas|hagan|hiciera|hará|harán)\s+{_DANO}"
    rf"|quitar{_ENCLITIC}\s+la\s+vida|quitándo{_ENCLITIC}\s+la\s+vida"
    rf"|{_PROCLITIC}(?:quit\w*)\s+la\s+vida"
    r"|(?:acabar|acabó|terminar|poner\s+fin|puso\s+fin)\s+(?:con|a)\s+(?:su|mi|tu)\s+(?:propia\s+)?vida"
    rf"|matar{_ENCLITIC}\b(?!\s+a\s+\w+r\b)|matándo{_ENCLITIC}\b(?!\s+a\s+\w+r\b)"
    rf"|{_PROCLITIC}mat{_AR_FORMS}\b(?!\s+a\s+\w+r\b)"
    r"|(?:quiero|quería|quiere|quieres|querer|querían|ganas\s+de|deseos?\s+de)\s+morir\w*"
    rf"|lastimar{_ENCLITIC}\b|{_PROCLITIC}lastim{_AR_FORMS}\b)",
    needs=("suicid", "autoles", "autodan", "autoinflig", "automutil", "dano", "vida", "mat",
           "morir", "lastim"),
)  # fmt: skip
# Words for a death, used with method words to judge lethality statements.
_DEATH_CONTEXT = _rx_es(
    r"\b(?:(?:muer\w*|morir\w*)(?!\s+de\s+(?:risa|ganas|hambre|sueño|frío|calor|vergüenza"
    r"|miedo|envidia|pena|aburrimiento|amor|asco)\b)|murió|murieron|fallec\w*|mortal\w*"
    r"|letal\w*|matar\w*)\b",
    needs=("muer", "morir", "muri", "fallec", "mortal", "letal", "matar"),
)

# Generic categories of means, the counterpart of content_lint._METHOD_TERMS. Each term is
# paired with what every match of it holds (for the prefilter).
_OBJECTS_NOT_SELF_HARM = (
    r"(?:pelo|cabello|uñas?|flequillo|barba|puntas|luz|agua|leche|mayonesa|salsa|comida"
    r"|carne|pan|verduras?|fruta|papel|tela|césped|hierba|llamada|conexión|comunicación"
    r"|relación|contacto|rollo|círculo|raíz|bosque|casa|cena|tostadas?|calorías|grasa"
    r"|energía)"
)
_NOT_ORDINARY_OBJECT = (
    r"(?!\s+(?:(?:el|la|los|las|un|una|unas|unos|mis|tus|sus|de|con|por)\s+)?"
    rf"{_OBJECTS_NOT_SELF_HARM}\b)"
)
_METHOD_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"sobredosis", ("sobredosis",)),
    (r"envenen\w*|venenos?", ("venen",)),
    (r"ahorc\w*|sogas?", ("ahorc", "soga")),
    (r"estrangul\w*|asfixi(?:ar|arse|ó|ado|ada|amiento)", ("estrangul", "asfixi")),
    (r"ahog(?:arse|ándose|ó|aron|amiento)", ("ahog",)),
    (r"armas?\s+de\s+fuego|pistolas?|escopetas?|rifles?|fusil(?:es)?|revólver(?:es)?"
     r"|pegar\w*\s+un\s+tiro", ("arma", "pistola", "escopeta", "rifle", "fusil", "revolver",
                                "tiro")),
    (r"cuchill(?:o|os|a|as)|navajas?|hojas?\s+de\s+afeitar|cúter(?:es)?|tijeras"
     r"|objetos?\s+(?:cortantes?|afilados?|punzantes?)|cristal(?:es)?\s+rotos?",
     ("cuchill", "navaja", "afeitar", "cuter", "tijeras", "objeto", "cristal")),
    (r"cortes?(?!\s+(?:de|del)\s+(?:luz|agua|pelo|cabello|presupuesto|gastos|suministro"
     r"|digestión|carretera|tráfico|servicios?|financiación|fondos|publicidad|emisión)\b)",
     ("corte",)),
    (r"cort(?:ar|ándo|ando)" + _ENCLITIC + r"?" + _NOT_ORDINARY_OBJECT
     + r"|" + _PROCLITIC + r"cort" + _AR_FORMS + _NOT_ORDINARY_OBJECT, ("cort",)),
    (r"quemaduras?|quem(?:ar|ándo|ando)" + _ENCLITIC + r"?" + _NOT_ORDINARY_OBJECT
     + r"|" + _PROCLITIC + r"quem" + _AR_FORMS + r"(?<!ado)(?<!ada)" + _NOT_ORDINARY_OBJECT,
     ("quem",)),
    (r"(?:acumul\w*|trag\w*|junt(?:ar|ó|aba|ado|ando)|tom\w*\s+(?:todas\s+las|todos\s+los|muchas|muchos"
     r"|un\s+montón\s+de|un\s+puñado\s+de))\s+(?:\w+\s+){0,2}?(?:pastillas|comprimidos"
     r"|medicamentos|medicinas|fármacos|calmantes|analgésicos)",
     ("acumul|trag|junt|tom + pastillas|comprimidos|medicamentos|medicinas|farmacos"
      "|calmantes|analgesicos",)),
    # "From a bridge": not "por la ventana" or "de una terraza" (grounding, coping).
    (r"(?:desde|de)\s+(?:un|una|el|la|lo\s+alto\s+de\s+(?:un|una|el|la))\s+(?:\w+\s+)?"
     r"(?:puente|acantilado|azotea|tejado|balcón|edificio|altura|viaducto)s?",
     ("puente", "acantilado", "azotea", "tejado", "balcon", "edificio", "altura", "viaducto")),
    (r"(?:tir|lanz|arroj|precipit)\w*\s+(?:al\s+vacío|a\s+las\s+vías|al\s+(?:tren|metro))"
     r"|salt\w*\s+al\s+vacío",
     ("vacio", "vias", "tren", "metro")),
    (r"vías\s+del?\s+(?:tren|metro|ferrocarril)|(?:bajo|delante\s+de|arrollad[oa]s?\s+por)"
     r"\s+(?:un|una|el|la)\s+(?:tren|metro|autobús|camión|coche|vehículo)",
     ("vias", "tren", "metro", "autobus", "camion", "coche", "vehiculo")),
    (r"monóxido\s+de\s+carbono|gases\s+del\s+tubo\s+de\s+escape", ("monoxido", "escape")),
)  # fmt: skip
_METHOD_ALTERNATION = r"\b(?=\w)(?:" + "|".join(term for term, _ in _METHOD_TERMS) + r")\b"
_METHOD_NEEDS = tuple(word for _, needs in _METHOD_TERMS for word in needs)
_METHOD_CONTEXT = _rx_es(_METHOD_ALTERNATION, needs=_METHOD_NEEDS)
_DEAR_CONTEXTS.append(_METHOD_CONTEXT)
_ANY_DEATH_CONTEXT = (_SUICIDE_CONTEXT, _METHOD_CONTEXT, _DEATH_CONTEXT)
_SC = (_SUICIDE_CONTEXT,)

# --- Cues that exempt a match ---------------------------------------------------------
# Means safety ("guarda los medicamentos bajo llave", "aléjate de cualquier cosa que
# pudieras usar para hacerte daño") is advice to reduce access, not method detail.
_MEANS_SAFETY = _rx_es(
    r"\b(?:bajo\s+(?:llave|candado)|con\s+llave|retir\w*|quit\w*\s+de\s+(?:casa|en\s+medio)"
    r"|fuera\s+del?\s+(?:su\s+|tu\s+)?alcance|aléj\w*|deshac\w*|deshaz\w*|desech\w*"
    r"|devolv\w*"
    r"|limit\w*\s+(?:el\s+)?acceso|acceso\s+a|restring\w*|lugar\s+seguro|segur\w*)\b"
)
# Accidents are not self-harm: "ten cuidado de no cortarte al cocinar".
_ACCIDENT = _rx_es(
    r"\b(?:accident\w*|sin\s+querer|por\s+(?:error|descuido)|descuid\w*|con\s+cuidado"
    r"|cuidado\s+(?:de|con|al)|cocin\w*|sin\s+dar\w*\s+cuenta|al\s+afeitar\w*|(?:al|del)\s+sol)\b"
)
# First aid: "limpia la herida", "enfría la quemadura con agua corriente".
_CARE = _rx_es(
    r"\b(?:limpi\w*|lav\w*|enjuag\w*|agua\s+(?:fría|corriente|del\s+grifo)|grifo|enfri\w*"
    r"|vend\w*|apósitos?|tiritas?|primeros\s+auxilios|antiséptic\w*|infec\w*|cicatri\w*"
    r"|cur(?:a|ar|as|an|ación|aciones|e|en)|presión|presion\w*|sutur\w*|puntos)\b"
)
# Cues that a stigmatising or solution phrase is being denied or corrected.
_NEGATION = _rx_es(
    r"\b(?:no|nunca|jamás|ni|ningún|ninguna|ninguno|nada|tampoco|en\s+lugar\s+de"
    r"|en\s+vez\s+de|mitos?|falso|falsa|erróne\w*|equivoc\w*|injust\w*|estigma\w*"
    r"|estereotip\w*|etiquet\w*|prejuicios?|evit\w*)\b"
)
# Cues that the sentence reports how something feels or seems: "puede parecer la única salida".
_PERCEPTION = _rx_es(
    r"\b(?:parec\w*|sentir\s+que|sientes?\s+que|sienten\s+que|como\s+si|pensamientos?"
    r"|te\s+dice|le\s+dice|cre(?:er|es|e|en|ía|ían)|convenc\w*|idea\w*|la\s+mente)\b"
)
# Cues after a relief phrase that correct it: "el alivio dura poco".
_CORRECTIVE_AFTER = _rx_es(
    r"\b(?:breve\w*|poco(?:\s+tiempo)?|pasajer\w*|temporal\w*|momentáne\w*|un\s+rato"
    r"|no\s+dura|pero|sin\s+embargo|aunque)\b"
)

# --- 1. Stigmatising language ------------------------------------------------------------
_DIED = "Escribe «murió por suicidio» o «se quitó la vida»."
_STIGMATISING: tuple[_Pattern, ...] = (
    _p(
        rf"\bcomet(?:er|e|es|en|ió|ieron|ido|ía|ían|iendo|a|an|erá|ería){_SEP}(?:un{_SEP})?"
        rf"suicidio\b|\bsuicidios?{_SEP}cometidos?\b",
        "«{words}» presenta el suicidio como un delito o un pecado.",
        _DIED,
        needs=("suicidio",),
    ),
    # A death told with the reflexive verb ("se suicidó", "se han suicidado"): the editors'
    # guide asks for "murió por suicidio", which names suicide as a cause of death. Only the
    # forms that report a death; "pensaba en suicidarse" and "intentó suicidarse" are not.
    _p(
        r"\bse\s+(?:(?:ha|han|había|habían|haya|hayan|hubiera|hubieran|hubiese|hubiesen"
        r"|habría|habrían)\s+suicidad[oa]s?|suicid(?:ó|aron))\b",
        "«{words}» cuenta la muerte como un acto de la persona, no como una causa de muerte.",
        "Escribe «murió por suicidio» o «perdió la vida por suicidio» (en plural, «murieron "
        "por suicidio»).",
        needs=("suicid",),
    ),
    _p(
        rf"\bsuicidios?{_SEP}(?:consumados?|exitosos?|logrados?|completados?|con{_SEP}éxito)\b",
        "«{words}» presenta una muerte como un logro.",
        _DIED,
        needs=("suicidio",),
    ),
    _p(
        rf"\b(?:intentos?{_SEP}de{_SEP})?suicidios?{_SEP}(?:fallidos?|frustrados?|fracasados?)\b"
        rf"|\bintentos?{_SEP}(?:fallidos?|frustrados?|fracasados?){_SEP}de{_SEP}suicidio\b"
        rf"|\bintentos?{_SEP}de{_SEP}suicidio{_SEP}(?:fallidos?|frustrados?|fracasados?)\b",
        "«{words}» presenta sobrevivir como un fracaso.",
        "Escribe «intento de suicidio» o «sobrevivió a un intento de suicidio».",
        needs=("suicidio",),
    ),
    _p(
        rf"\bintentos?{_SEP}(?:fallidos?|frustrados?|fracasados?)\b",
        "«{words}» presenta sobrevivir a un intento de suicidio como un fracaso.",
        "Escribe «intento de suicidio» o «sobrevivió a un intento de suicidio».",
        context=_SC,
        needs=("intento",),
    ),
    _p(
        rf"\bvíctimas?{_SEP}(?:del|de{_SEP}un|de){_SEP}suicidio\b",
        "«{words}» reduce a la persona a víctima.",
        "Escribe «persona que murió por suicidio» (o «personas en duelo por un suicidio» para "
        "quienes quedan).",
        needs=("victima",),
    ),
    _p(
        r"\b(?:llam(?:ar|a|an|aba|aban|ó|aron|ando)|busc(?:ar|a|an|aba|aban|ó|aron|ando)"
        r"|búsqueda\s+de)\s+(?:la\s+|de\s+)?atención\b"
        # "busca atención médica" is seeking care.
        r"(?!\s+(?:médica|sanitaria|profesional|urgente|psicológica|especializada|temprana"
        r"|inmediata|de\s+(?:urgencias|salud|un|una)|en|para)\b)|\bafán\s+de\s+protagonismo\b",
        "«{words}» descarta la autolesión como una forma de llamar la atención, cuando es "
        "una señal de sufrimiento.",
        "Escribe «una forma de sobrellevar el malestar» o «una señal de que necesita apoyo».",
        context=_SC,
        negated=True,
        needs=("atencion", "protagonismo"),
    ),
    _p(
        r"\bmanipul(?:ador(?:a|es|as)?|ación|ar|a|an)\b",
        "«{words}» culpa de su sufrimiento a quien se autolesiona o piensa en el suicidio.",
        "Describe el malestar, por ejemplo «una persona que se autolesiona puede estar "
        "sufriendo mucho».",
        context=(
            _SUICIDE_CONTEXT,
            _rx_es(r"\b(?:límite|TLP)\b", needs=("limite", "tlp")),
        ),
        negated=True,
        needs=("manipul",),
    ),
    _p(
        rf"\bauto(?:{_SEP})?mutil\w*",
        "«{words}» es una etiqueta anticuada y estigmatizante.",
        "Escribe «autolesión» o «persona que se autolesiona».",
        needs=("mutil",),
    ),
    _p(
        r"\b(?:un|una|el|la|los|las|del|al|unos|unas|estos|estas|esos|esas|aquellos|otros)"
        r"\s+suicidas\b|\b(?:un|una|el|del|al)\s+suicida\b(?!\s+(?:de|que)\b)",
        "«{words}» reduce a una persona a su conducta.",
        "Escribe «persona con pensamientos suicidas» o «persona que murió por suicidio».",
        negated=True,
        needs=("suicida",),
    ),
)

# --- 2. Method detail --------------------------------------------------------------------
_METHOD_MESSAGE = (
    "El texto nombra un medio de suicidio o autolesión («{words}»); los detalles del método "
    "pueden llevar a la imitación."
)
_METHOD_SUGGESTION = (
    "Quita el método y habla en términos generales, por ejemplo «autolesión», «hacerse daño» "
    "o «un intento de suicidio»."
)
_INSTRUCTIONS_MESSAGE = "«{words}» se lee como instrucciones para suicidarse o autolesionarse."
_INSTRUCTIONS_SUGGESTION = (
    "Quita las instrucciones y remite a la ayuda (una línea de crisis o la página Ayuda ahora)."
)
# What instructions are about: a reflexive harm verb, "hacerse daño", "quitarse la vida".
_HARM_ONESELF = (
    rf"(?:(?:suicid|mat|cort|quem|ahorc|envenen|autolesion|lastim|ahog|estrangul)ar{_ENCLITIC}"
    rf"|hacer{_ENCLITIC}\s+daño|quitar{_ENCLITIC}\s+la\s+vida"
    rf"|(?:provocar{_ENCLITIC}|tomar{_ENCLITIC}?)\s+una\s+sobredosis)"
)
_BODY = r"(?:venas|muñecas?|brazos?|piernas?|muslos?|piel|cuello|garganta|barriga|tripa)"
_METHOD: tuple[_Pattern, ...] = (
    _p(
        rf"\bcómo\s+{_HARM_ONESELF}\b",
        _INSTRUCTIONS_MESSAGE,
        _INSTRUCTIONS_SUGGESTION,
        needs=(
            "como + suicid|mat|cort|quem|ahorc|envenen|autolesion|lastim|ahog|estrangul"
            "|dano|vida|sobredosis",
        ),
    ),
    _p(
        rf"\b(?:formas?|maneras?|métodos?|modos?|medios?)\s+(?:de|para)\s+{_HARM_ONESELF}\b"
        r"|\b(?:instrucciones|paso\s+a\s+paso)\s+(?:para|de|sobre)\s+(?:el\s+|la\s+)?"
        r"(?:suicidio|suicidarse|autolesi\w*|sobredosis)",
        _INSTRUCTIONS_MESSAGE,
        _INSTRUCTIONS_SUGGESTION,
        needs=(
            "forma|manera|metodo|modo|medio + suicid|mat|cort|quem|ahorc|envenen|autolesion"
            "|lastim|ahog|estrangul|dano|vida|sobredosis",
            "instrucciones|paso + suicid|autoles|sobredosis",
        ),
    ),
    # A harm verb aimed at a part of one's body: "cortarse las venas", "se quemó los brazos".
    _p(
        rf"\b(?:(?:cort|quem|raj|arañ|golpe)(?:ar|ándo|ando){_ENCLITIC}"
        rf"|{_PROCLITIC}(?:\w+\s+)?(?:cort|quem|raj|arañ|golpe){_AR_FORMS})"
        rf"\s+(?:(?:las?|los|el|sus|mis|tus)\s+)?{_BODY}\b",
        _METHOD_MESSAGE,
        _METHOD_SUGGESTION,
        accident=True,
        care=True,
        needs=("cort", "quem", "raj", "aran", "golpe"),
    ),
    # A harm verb aimed at oneself ("cortarse", "se cortó", "me quemo", "ahorcarse"), the
    # counterpart of "cut themselves"; ordinary objects ("cortarse el pelo", "se cortó la
    # luz"), "no cortarse" (not to hold back), accidents and first aid stay clear.
    _p(
        rf"(?<!\bno\s)(?<!\bsin\s)\b(?:(?:cort|quem|ahorc|envenen|apuñal|estrangul)(?:ar|ándo|ando)"
        rf"{_ENCLITIC}|(?<!\bno\s){_PROCLITIC}(?:cort|quem|ahorc|envenen|apuñal|estrangul)"
        rf"{_AR_FORMS}(?<!ado)(?<!ada))\b{_NOT_ORDINARY_OBJECT}",
        _METHOD_MESSAGE,
        _METHOD_SUGGESTION,
        means_safety=True,
        accident=True,
        care=True,
        needs=("cort", "quem", "ahorc", "envenen", "apunal", "estrangul"),
    ),
    # "Auto-" forms name the method themselves.
    _p(
        r"\bauto(?:envenenamiento|intoxicación|quemaduras?|estrangulamiento|inmolación|cortes?)\b",
        _METHOD_MESSAGE,
        "Escribe «autolesión» sin nombrar el método.",
        needs=("auto",),
    ),
    # Category words next to suicide or self-harm (in any sentence of a sensitive topic).
    _p(
        _METHOD_ALTERNATION,
        _METHOD_MESSAGE,
        _METHOD_SUGGESTION,
        context=_SC,
        means_safety=True,
        accident=True,
        anywhere_if_sensitive=True,
        needs=_METHOD_NEEDS,
    ),
    # Amounts and doses next to suicide or self-harm. No needs: \d matches any digit.
    _p(
        r"\b(?=\w)(?:\d+(?:[.,]\d+)?\s*|(?:unas?\s+cuant[oa]s|vari[oa]s|decenas\s+de|dos|tres"
        r"|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta"
        r"|cincuenta|cien|ciento)\s+)"
        r"(?:mg|miligramos?|g|gramos?|ml|mililitros?|pastillas?|comprimidos?|cápsulas?"
        r"|sobres?|dosis|cajas?|blísteres?)\b"
        r"|\b(?:una|un)\s+(?:caja|frasco|bote|blíster|puñado|envase)\s+(?:entero\s+)?de\s+"
        r"(?:pastillas|comprimidos|medicamentos|medicinas|calmantes|analgésicos)\b",
        "El texto da una cantidad o una dosis («{words}») en una frase sobre suicidio, "
        "autolesión o sobredosis.",
        "Quita la cantidad; como mucho, di que la persona necesitó atención médica.",
        context=(_SUICIDE_CONTEXT, _METHOD_CONTEXT),
        means_safety=True,
        anywhere_if_sensitive=True,
    ),
    # Named places ("el Puente de Piedra") next to suicide or self-harm.
    _p(
        r"\b(?-i:Puente|Viaducto|Acantilados?|Torre|Estación|Presa)\s+(?:(?:de|del|de\s+la)\s+)?"
        r"(?-i:[A-ZÁÉÍÓÚÑ][\w'’\-]*)",
        "El texto nombra un lugar concreto («{words}») junto al suicidio o la autolesión, lo "
        "que puede convertirlo en un lugar de imitación.",
        "Quita el lugar, o escribe «un lugar público» si hace falta alguno.",
        context=_SC,
        needs=("puente", "viaducto", "acantilado", "torre", "estacion", "presa"),
    ),
)

# --- 3. Lethality --------------------------------------------------------------------------
_LETHALITY_MESSAGE = "«{words}» describe lo letal o lo fácil que es un método."
_LETHALITY_SUGGESTION = (
    "Quita cualquier frase sobre lo letal, indoloro, rápido o seguro que es un método; di "
    "que hay ayuda."
)
_LETHALITY: tuple[_Pattern, ...] = (
    _p(
        r"\b(?:dosis|cantidad(?:es)?|métodos?|formas?|medios?|niveles?)\s+(?:letal(?:es)?"
        r"|mortal(?:es)?)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("letal", "mortal"),
    ),
    _p(
        r"\b(?:más|muy|menos|bastante|extremadamente|altamente|sumamente)\s+(?:letal(?:es)?"
        r"|mortal(?:es)?)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("letal", "mortal"),
    ),
    _p(
        r"\b(?:formas?|maneras?|métodos?|modos?|medios?)\s+(?:más\s+)?(?:rápid[oa]s?|segur[oa]s?"
        r"|fácil(?:es)?|indolor(?:[ao]s?|es)?|eficaz|eficaces|efectiv[oa]s?|sencill[oa]s?"
        r"|infalibles?|pacífic[oa]s?|tranquil[oa]s?|seguros?)\s+(?:de|para)\s+"
        rf"(?:morir\w*|matar\w*|suicidar\w*|acabar\w*|quitar{_ENCLITIC}\s+la\s+vida|hacerlo)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        needs=("forma|manera|metodo|modo|medio + morir|matar|suicid|acabar|vida|hacerlo",),
    ),
    _p(
        r"\bsin\s+(?:ningún\s+)?(?:dolor|sufrir|sufrimiento|sentir\s+nada)\b|\bindolor(?:[ao]s?|es)?\b"
        r"|\bno\s+(?:duele|dolerá|sentirás\s+nada)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_SUICIDE_CONTEXT, _METHOD_CONTEXT, _DEATH_CONTEXT),
        accident=True,
        needs=("dolor", "sufri", "sentir", "duele", "dolera"),
    ),
    _p(
        r"\bmuerte\s+(?:rápida|instantánea|indolora|dulce|segura|asegurada|garantizada)\b"
        r"|\bmor(?:ir|irse|irás|iría)\s+(?:rápido|rápidamente|al\s+instante|sin\s+enterar\w*)\b"
        r"|\bgarantiza\w*\s+(?:la\s+)?muerte\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("muerte", "morir"),
    ),
    _p(
        r"\b(?:siempre|casi\s+siempre|normalmente|rara\s+vez|pocas\s+veces)\s+(?:es\s+|son\s+"
        r"|resulta\s+|resultan\s+)?(?:mortal(?:es)?|letal(?:es)?)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_METHOD_CONTEXT,),
        needs=("mortal", "letal"),
    ),
    # Population statistics about suicide are fine; rates for a particular means are not.
    _p(
        r"\btasas?\s+de\s+(?:supervivencia|mortalidad|letalidad|éxito|muerte)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_METHOD_CONTEXT,),
        also=_SC,
        needs=("tasa",),
    ),
)

# --- 4. Graphic description ----------------------------------------------------------------
_GRAPHIC_MESSAGE = "«{words}» es una descripción explícita de una herida."
_GRAPHIC_SUGGESTION = (
    "Describe las heridas con sencillez, si hace falta, por ejemplo «una herida que necesita "
    "atención médica»."
)
_GRAPHIC: tuple[_Pattern, ...] = (
    _p(
        r"\bdesangr\w*|\bsangr\w*\s+hasta\s+(?:morir|la\s+muerte)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("desangr", "sangr"),
    ),
    _p(
        r"\bensangrentad\w*|\b(?:bañad|cubiert|empapad|manchad)[oa]s?\s+(?:en|de)\s+sangre\b"
        r"|\bcharcos?\s+de\s+sangre\b|\bsangre\s+por\s+todas\s+partes\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("sangr",),
    ),
    # "Automutilación" is stigmatising language; "mutilación genital femenina" is the name
    # of a health topic.
    _p(
        r"(?<!auto-)(?<!auto\s)\bmutil(?:ad[oa]s?|ación|aciones|ar|ó|aron)\b(?!\s+genital)",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("mutil",),
    ),
    _p(
        r"\b(?:espeluznante|sangrient[oa]s?|macabr[oa]s?|destrozad[oa]s?)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        context=_SC,
        anywhere_if_sensitive=True,
        needs=("espeluzn", "sangrient", "macabr", "destrozad"),
    ),
    # How deep a wound is is ordinary medical language ("una herida profunda necesita
    # puntos"); it is graphic next to self-harm or on a sensitive topic, outside first aid.
    _p(
        r"\b(?:heridas?|cortes?|quemaduras?)\s+(?:muy\s+)?profund[oa]s?\b|\bcarne\s+viva\b"
        r"|\b(?:hueso|tendón|tendones|carne)\s+(?:expuest[oa]s?|al\s+descubierto)\b|\btajos?\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        context=_SC,
        anywhere_if_sensitive=True,
        needs=("profund", "viva", "expuest", "descubierto", "tajo"),
    ),
    _p(
        rf"\b(?:raj\w*|abr(?:ir|ió|iendo|e|en|irse){_ENCLITIC}?)\s+(?:(?:las?|los|sus|mis|tus)\s+)?"
        r"(?:venas|muñecas?|carne)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("raj", "abr"),
    ),
)

# --- 5. Sensational language -----------------------------------------------------------------
_SENSATIONAL: tuple[_Pattern, ...] = (
    _p(
        r"\b(?:epidemias?|pandemias?|plagas?)\b",
        "«{words}» presenta el suicidio o la autolesión de forma sensacionalista.",
        "Describe la tendencia con cifras exactas, por ejemplo «las tasas han aumentado», y di "
        "que hay ayuda.",
        context=_SC,
        needs=("demia", "plaga"),
    ),
    _p(
        r"\b(?:ola|oleada|racha|avalancha|cadena|moda|fiebre)\s+de(?:l)?\s+(?:suicidios?"
        r"|autolesi\w*)\b",
        "«{words}» presenta el suicidio o la autolesión de forma sensacionalista.",
        "Escribe «las tasas han aumentado» o describe el riesgo con datos.",
        needs=("suicidio", "autoles"),
    ),
    _p(
        r"\b(?:puente|bosque|acantilado|capital|paraíso|rincón)\s+(?:de\s+los\s+suicidas"
        r"|del\s+suicidio)\b|\bpuntos?\s+(?:negros?|calientes?)\s+del?\s+(?:los\s+)?suicidios?\b",
        "«{words}» presenta el suicidio de forma sensacionalista.",
        "Quita la etiqueta; escribe «suicidio» y describe el problema con datos.",
        needs=("suicid",),
    ),
    _p(
        r"\b(?:impactantes?|espeluznantes?|horroros[oa]s?|horribles?|trágic[oa]s?|trágicamente"
        r"|tragedias?|escalofriantes?|estremecedor(?:a|es|as)?|sin\s+sentido)\b",
        "«{words}» dramatiza el suicidio o la autolesión.",
        "Cuenta los hechos con calma, por ejemplo «murió por suicidio», e incluye dónde pedir "
        "ayuda.",
        context=_SC,
        needs=(
            "impactante",
            "espeluzn",
            "horror",
            "horrib",
            "tragic",
            "traged",
            "escalofri",
            "estremeced",
            "sentido",
        ),
    ),
    _p(
        r"\b(?:se\s+(?:han|ha|habían|había)\s+disparado|se\s+dispar(?:a|an|ó|aron)"
        r"(?!\s+(?:en|a|con|un|una)\b)|por\s+las\s+nubes)\b",
        "«{words}» presenta de forma sensacionalista un cambio en el suicidio o la autolesión.",
        "Escribe «han aumentado», con las cifras y su fuente.",
        context=_SC,
        needs=("dispar", "nubes"),
    ),
)

# --- 6. Suicide as a solution ---------------------------------------------------------------
_SOLUTION_MESSAGE = "«{words}» presenta el suicidio o la autolesión como una solución o un alivio."
_SOLUTION_SUGGESTION = (
    "Di que los problemas y el dolor tienen otras salidas y se pueden tratar, que el alivio de "
    "la autolesión no dura, y dónde pedir ayuda."
)
_WAY_OUT = r"(?:salida|solución|opción|escapatoria|respuesta|liberación)"
_SOLUTION: tuple[_Pattern, ...] = (
    _p(
        rf"\b(?:la\s+)?única\s+(?:{_WAY_OUT}|forma\s+de\s+(?:parar|acabar|terminar|escapar)"
        r"\b[^.!?\n]*?\b(?:dolor|sufrimiento))\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        perceived=True,
        corrected=True,
        needs=("unica",),
    ),
    # The subject must be suicide or self-harm itself, not the object of a preposition
    # ("la prevención del suicidio es la solución").
    _p(
        r"(?<!\bdel\s)(?<!\bde\s)(?<!sobre\s)(?<!contra\s)(?<!para\s)(?<!\bcon\s)"
        rf"\b(?:suicidio|suicidarse|quitarse\s+la\s+vida|morir|la\s+muerte|autolesión"
        rf"|autolesionarse)\s+(?:es|era|fue|sería|será)\s+(?:la|una)\s+(?:única\s+|mejor\s+)?"
        rf"{_WAY_OUT}\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        negated=True,
        perceived=True,
        corrected=True,
        needs=(
            "suicid|vida|morir|muerte|autoles + salida|solucion|opcion|escapatoria"
            "|respuesta|liberacion",
        ),
    ),
    _p(
        r"(?<!\bdel\s)(?<!\bde\s)(?<!sobre\s)(?<!contra\s)(?<!para\s)(?<!\bcon\s)"
        r"\b(?:autolesi(?:ón|ones|onarse)|suicidio)\s+(?:de\s+verdad\s+|realmente\s+|siempre\s+)?"
        r"(?:funciona|funcionaba|funcionó|ayuda|ayudaba|ayudó|soluciona|solucionó|arregla|arregló)\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        negated=True,
        perceived=True,
        corrected=True,
        needs=("autoles", "suicidio"),
    ),
    _p(
        r"\b(?:por\s+fin|ahora)\s+(?:descansa(?:\s+en\s+paz)?|está\s+en\s+paz|es\s+libre"
        r"|ha\s+dejado\s+de\s+sufrir|dejó\s+de\s+sufrir)\b"
        r"|\b(?:acab\w*|pus\w*\s+fin|poner\s+fin)\s+(?:con|a)\s+(?:su|sus|el|mi|tu)\s+"
        r"(?:sufrimiento|dolor|tormento)s?\b"
        r"|\b(?:estaría|estarías|estarían|estaríamos|está|están|estaba|estaban)\s+mejor\s+"
        r"muert[oa]s?\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        perceived=True,
        needs=("paz", "sufri", "dolor", "tormento", "muert", "libre", "descansa"),
    ),
    # Names the death itself, so needs no other word about suicide in the sentence.
    _p(
        rf"\bencontr\w*\s+(?:por\s+fin\s+)?(?:la\s+)?(?:paz|calma|descanso)\s+al\s+"
        rf"(?:quitar{_ENCLITIC}\s+la\s+vida|suicidar{_ENCLITIC}|morir)\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        negated=True,
        perceived=True,
        needs=("paz", "calma", "descanso"),
    ),
    _p(
        r"\b(?:d(?:a|an|io|ieron|aba|aban)|trae|traen|trajo|produce|produjo|proporciona\w*"
        r"|ofrece\w*)\s+(?:\w+\s+)?(?:alivio|paz|calma|liberación)\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        corrected=True,
        needs=("alivio", "paz", "calma", "liberacion"),
    ),
)

_TEXT_RULES: dict[str, tuple[_Pattern, ...]] = {
    "stigmatising-language": _STIGMATISING,
    "method-detail": _METHOD,
    "lethality-detail": _LETHALITY,
    "graphic-description": _GRAPHIC,
    "sensational-language": _SENSATIONAL,
    "presents-suicide-as-solution": _SOLUTION,
}

# --- 7. Help resources ---------------------------------------------------------------------
# The numbers and names of the English rules count too (988 has Spanish-speaking counsellors).
_CRISIS_LINE = _rx_es(
    r"\b988\b|\b116\s*123\b|\b024\b|\bsamaritans\b|\blifeline\b"
    r"|\blíneas?\s+(?:de\s+)?(?:crisis|ayuda|prevención|la\s+vida)\b"
    r"|\bteléfono\s+de\s+la\s+esperanza\b|\bayuda\s+ahora\b"
)


def _missing_help(has_section: bool, has_line: bool) -> tuple[str, str]:
    missing: list[str] = []
    fixes: list[str] = []
    if not has_section:
        missing.append("un apartado de tipo seek-help")
        fixes.append("añade un apartado «## Cuándo pedir ayuda ahora {kind=seek-help}»")
    if not has_line:
        missing.append("una línea de crisis")
        fixes.append(
            "nombra una línea de crisis (por ejemplo «llama al 988 y marca 2 en Estados "
            "Unidos», «llama al 024 en España») y la página «Ayuda ahora»"
        )
    fix = "; ".join(fixes)
    return (
        f"Este tema sensible no tiene {' ni '.join(missing)}, así que no dice a las personas "
        "en riesgo dónde pedir ayuda.",
        fix[:1].upper() + fix[1:] + ".",
    )


SPANISH = _Language(
    text_rules=_TEXT_RULES,
    negation=_NEGATION,
    perception=_PERCEPTION,
    corrective_after=_CORRECTIVE_AFTER,
    means_safety=_MEANS_SAFETY,
    accident=_ACCIDENT,
    care=_CARE,
    crisis_line=_CRISIS_LINE,
    fold=_fold_es,
    plain_lead={
        "method-detail": "Esta frase describe un método o un medio de autolesión o suicidio, "
        "lo que puede hacer daño a lectores vulnerables",
        "lethality-detail": "Esta frase dice lo letal, rápido o indoloro que es un método, lo "
        "que puede llevar a lectores vulnerables a intentarlo",
        "graphic-description": "Esta frase describe una herida con detalles explícitos, lo que "
        "puede angustiar a lectores vulnerables",
        "stigmatising-language": "Esta frase usa palabras que culpan o etiquetan a quienes se "
        "autolesionan o mueren por suicidio («{words}»)",
        "sensational-language": "Esta frase presenta el suicidio o la autolesión de forma "
        "sensacionalista («{words}»)",
        "presents-suicide-as-solution": "Esta frase presenta el suicidio o la autolesión como "
        "una solución o un alivio («{words}»)",
    },
    plain_fix={
        "method-detail": "Describe en su lugar los cuidados y la ayuda.",
        "lethality-detail": "Quítala y di que hay ayuda.",
        "graphic-description": "Describe las heridas con sencillez, si hace falta, por ejemplo "
        "«una herida que necesita atención médica».",
    },
    plain_default="Esta frase no sigue las pautas de comunicación segura",
    quotes=("«", "»"),
    missing_help=_missing_help,
)
