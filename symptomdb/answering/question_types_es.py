"""Spanish question types: which section kinds a Spanish consumer question asks for.

``question_types_es("¿Cuáles son las causas y los tratamientos de la autolesión?")`` returns
``("causes", "treatment")``, the same vocabulary and order rules as the English analyser
(``question_types.py``): kinds in the order the question first asks for them; each match
blanks its words so a later, more general rule cannot reuse them ("efectos secundarios del
tratamiento" is side effects, not treatment); ``("information",)`` when nothing more
specific is asked.

Text is read without accents and with common misspellings mended ("sintomas", "tratamieto",
"q"), because readers type quickly. ``looks_spanish`` tells a Spanish question from an
English one, for the ask box that takes both. Plain Python: no Django import.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["looks_spanish", "question_types_es"]

_FIXES: tuple[tuple[str, str], ...] = (
    (r"\bq\b|\bk\b|\bke\b|\bqe\b", "que"),
    (r"\bxq\b|\bpq\b|\bporq\b", "porque"),
    (r"\b(?:sintomas?s|simtomas|sinthomas|sintonas|sintomass)\b", "sintomas"),
    (r"\b(?:tratamieto|tratamento|tratamiemto|tratamientoo|tratamiento?s)\b", "tratamientos"),
    (r"\b(?:cauzas|kausas|causass)\b", "causas"),
    (r"\b(?:prevenirlo|prebenir|prevenirla)\b", "prevenir"),
    (r"\bkomo\b", "como"),
    (r"\bkual(?:es)?\b", "cuales"),
    (r"^porque\b", "por que"),
)
_COMPILED_FIXES = tuple((re.compile(p), r) for p, r in _FIXES)


def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    plain = re.sub(r"[¿¡]", " ", plain)
    plain = re.sub(r"\s+", " ", plain).strip()
    for pattern, replacement in _COMPILED_FIXES:
        plain = pattern.sub(replacement, plain)
    return plain


_OTHER = (
    r"(?:mi (?:hij[oa]|amig[oa]|novi[oa]|pareja|herman[oa]|madre|padre|mama|papa|alumn[oa]|"
    r"estudiante|familiar)|alguien|una persona|un amigo|una amiga|un ser querido|otra persona"
    # Teachers and parents name the young person they ask about: "un alumno", "mis alumnas",
    # "una hija adolescente", "mi hijo de 14 anos". "Soy (una) adolescente" is the reader.
    r"|(?:mis|un|una|el|la|los|las|nuestr[oa]s?|est[ea]s?) (?:alumn[oa]s?|estudiantes?)"
    r"|mis hij[oa]s|(?:un|una|nuestr[oa]) hij[oa]|(?<!\bsoy )(?:mi|un|una) adolescente)"
)

# (kind, pattern) in priority order: specific rules first.
_RULES: tuple[tuple[str, str], ...] = (
    ("side-effects", r"\befectos? (?:secundarios?|adversos?)\b"),
    (
        "complications",
        r"\b(?:complicaciones|consecuencias|secuelas)\b|\bque pasa si no (?:se )?(?:trata|tratan|lo trato|la trato)\b|\bsi no se trata\b|\bpeligros? de\b",
    ),
    (
        "research",
        r"\b(?:nuevos tratamientos|investigacion(?:es)?|ensayos clinicos|ultimos avances|estudios recientes)\b",
    ),
    ("genetics", r"\b(?:es |son )?(?:hereditari[oa]s?|genetic[oa]s?|se hereda|se heredan)\b"),
    (
        "helping-others",
        rf"\bque (?:puedo|podemos|debo) hacer para (?:ayudar|apoyar)\w*|\b(?:como|en que) (?:puedo |podemos |se puede )?(?:ayudar|apoyar|acompanar)(?:le|la|lo)?\b|\b(?:como|en que) (?:le |la |lo |les |los |las )?(?:ayudo|apoyo|acompano)\b|\bque (?:hago|puedo hacer|debo hacer|hacemos|le digo|decirle) (?:si|cuando|con)? ?{_OTHER}\b|\b(?:ayudar|apoyar|ayudo|apoyo) a {_OTHER}\b|\bque (?:le )?(?:digo|decir) a {_OTHER}\b",
    ),
    # Scars, before outlook ("se quita sola") and treatment ("se curan"): "¿se quitan las
    # cicatrices de autolesion?" asks about scars. Scarring of an organ ("cicatrices en el
    # pulmon") is a complication of that illness, not this section.
    (
        "scars",
        r"\b(?:(?:se )?(?:quit|borr|van|tap|disimul|ocult|escond|cubr|cur)\w* (?:las |mis |sus |tus |"
        r"estas |esas )?)?cicatri(?:z|ces)\b(?! (?:en|de|del) (?:el |la |los |las |mi |mis |su |"
        r"sus )?(?:pulmon(?:es)?|higado|corazon|rinon(?:es)?|cerebro|utero|ojos?|cornea|retina|"
        r"vejiga)\b)(?: (?:se (?:quitan?|van?|borran?|curan?)|desaparecen?|permanentes?|para "
        r"siempre))?|\bqueloides?\b",
    ),
    # Looking after an injury and when it needs urgent care, before seek-help ("cuando hay
    # que ir a urgencias" without a wound stays seek-help). Care verbs only: "como tratar una
    # quemadura" stays treatment, and a question that merely names a wound is not this.
    (
        "injury-care",
        r"\bprimeros auxilios\b|\bpuntos(?: de sutura)?\b|\bsutura\w*|\b(?:cur|cuid|limpi|"
        r"desinfect|vend|tap)(?:ar|o|a|as|an|e|es|en|amos|ando)?(?:me|te|se|le|la|lo)? (?:una |la |"
        r"el |un |mi |mis |tu |su |sus |esta |esa |estas |esos |las |los )?(?:heridas?|cortes?|"
        r"quemaduras?|rasgunos?|arananos?)\b|\b(?:ir|acudir|llevar\w*|voy|vamos|va) (?:a urgencias|"
        r"al (?:hospital|medico|centro de salud)) (?:por|con) (?:una |la |el |un |mi |esta |esa )?"
        r"(?:heridas?|cortes?|quemaduras?)\b|\b(?:heridas?|cortes?|quemaduras?)\b(?: \w+){0,3}? "
        r"(?:necesita|necesitan|requiere|requieren) (?:puntos|atencion medica|ir a urgencias|"
        r"(?:un )?medico)\b|\b(?:herida|corte|quemadura)s? (?:se (?:ha |me ha )?)?infectad[oa]s?\b"
        r"|\bse (?:me |le )?(?:infecte|infecta|ha infectado)\b",
    ),
    # The assessment itself and getting ready for an appointment, before exams-and-tests
    # (which claims "pruebas" and "diagnostico" for how a condition is diagnosed).
    (
        "assessment",
        r"\bprepar(?:ar|o|arme|arse|arnos|arle|arla|arlo)? (?:para|antes de) (?:la |el |una |un |mi "
        r"|tu |su |nuestra )?(?:primera )?(?:cita|consulta|evaluacion|valoracion|visita|sesion)"
        r"\b|\bque (?:pasa|ocurre|sucede|se hace|hacen|me (?:van a )?hacen|me van a hacer|(?:puedo |"
        r"debo |hay que )?esperar) (?:en|durante|de) (?:la |el |una |un |mi |tu |su )?(?:primera )?"
        r"(?:cita|consulta|evaluacion|valoracion|visita|sesion)\b|\bcomo es (?:la |el |una |un )?"
        r"(?:primera )?(?:cita|consulta|evaluacion|valoracion|visita|sesion)\b|\bque (?:me |le |"
        r"te |nos )?(?:van a |va a )?pregunta(?:n|ra|ran|r)\b(?= (?:\w+ ){0,3}?(?:cita|consulta|"
        r"evaluacion|valoracion|visita|sesion|psicolog[oa]|psiquiatra|medic[oa]|terapeuta)\b)|\bque preguntas (?:me |le |te |nos )?"
        r"(?:hacen|haran|van a hacer|hara|va a hacer)\b|\bque (?:debo|tengo que|hay que) "
        r"(?:llevar|decir|contar) (?:a|en) (?:la |el |mi |una )?(?:primera )?(?:cita|consulta|"
        r"evaluacion|valoracion)\b|\b(?:evaluacion|valoracion) psicosocial\b",
    ),
    (
        "seek-help",
        r"\bcuando (?:debo |deberia |hay que |tengo que )?(?:ir|acudir|consultar|llamar|pedir ayuda|buscar ayuda)\b|\b(?:linea|telefono|numero) (?:de )?(?:crisis|ayuda|prevencion|emergencias?)\b|\burgencias\b|\ba quien (?:llamo|llamar|acudo|acudir|pido ayuda|pedir ayuda|se lo cuento|contarselo)\b|\bdebo preocuparme\b|\bes grave\b|\bcomo se lo (?:digo|cuento) a mis padres\b",
    ),
    # Care in hospital or a unit, and intensive support at home; after seek-help, which keeps
    # "cuando hay que ir al hospital" (when to get help). "Ingresos" alone is income.
    (
        "inpatient-care",
        r"\bingresos? (?:psiquiatric[oa]s?|hospitalari[oa]s?|involuntari[oa]s?|voluntari[oa]s?|en "
        r"(?:un |una |el |la )?(?:hospital|unidad|planta|psiquiatrico|clinica|centro))\b|"
        r"\bingres(?:ar|arme|arte|arle|arla|arlo|an|aron|o|a)? (?:en|a) (?:un |una |el |la )?"
        r"(?:hospital|unidad|planta|psiquiatrico|clinica|centro)\b|\bingresad[oa]s?\b|"
        r"\b(?:pueden|puede|van a|va a|quieren|quiere|tienen que|tiene que) ingresar(?:me|te|le|la|"
        r"lo)?\b|\binternamiento\w*|\binternad[oa]s? (?:en|a)\b|\binternar(?:me|te|le|la|lo)\b|"
        r"\bhospitali[sz]a\w*|\bhospital(?:es)? (?:de dia|psiquiatric[oa]s?)\b|\b(?:el|un|al|del) psiquiatrico\b|"
        r"\bunidad(?:es)? (?:de )?(?:psiquiatria|agudos|hospitalizacion|salud mental|crisis)\b|"
        r"\bplanta de psiquiatria\b|\b(?:tratamiento|centro|unidad)(?:s|es)? residencial(?:es)?\b|"
        r"\bequipos? de (?:tratamiento|atencion|hospitalizacion) (?:domiciliari[oa]|en casa)\b",
    ),
    (
        "support",
        r"\bdonde (?:puedo |se puede )?(?:encontrar|buscar|conseguir|hay|pedir)\b|\bgrupos? de apoyo\b|\b(?:especialista|psicologo|psiquiatra|terapeuta)s? (?:cerca|en mi zona|en mi ciudad|especializad[oa]s?|bueno)\b|\bcomo (?:encuentro|encontrar|busco|buscar) (?:un |una )?(?:especialista|psicologo|psiquiatra|terapeuta|ayuda)\b",
    ),
    (
        "exams-and-tests",
        r"\b(?:se diagnostica|diagnosticar|diagnostico|diagnosticos|pruebas?|examen(?:es)?|analisis|test) (?:de|para|del|que|se)?\b|\bcomo (?:se )?diagnostica\b",
    ),
    (
        "frequency",
        r"\b(?:que tan|cuan|es muy|es) (?:comun|frecuente)\b|\bcuant[ao]s? (?:personas|gente|casos)\b|\bque porcentaje\b",
    ),
    (
        "prevention",
        r"\b(?:prevenir|prevencion|prevenirse|se previene|se puede prevenir|evitar(?:lo|la|los|las)?|se puede evitar|como evito)\b",
    ),
    (
        "outlook",
        r"\b(?:pronostico|se recupera|recuperarse|recuperacion|se supera|superarlo|superarla|cuanto (?:tiempo )?dura|se pasa|se quita solo|se quita sola|tiene salida|volvere a estar bien)\b",
    ),
    (
        "coping",
        r"\b(?:afrontar(?:lo|la)?|sobrellevar(?:lo|la)?|lidiar con|manejar(?:lo|la)?|sobrellevarlo|controlar (?:las ganas|el impulso|los impulsos|la ansiedad)|aguantar las ganas|estrategias|alternativas (?:a|para)|en vez de (?:hacerme|cortarme|autolesionarme)|que (?:puedo|puede|podemos) hacer (?:cuando|para|si siento|si tengo)|remedios caseros|como vivir con|vivir con|autoayuda|cuidarme|calmarme|como me calmo)\b",
    ),
    (
        "treatment",
        r"\b(?:tratamientos?|tratar(?:se|la|lo|las|los)?|se trata|se tratan|curar(?:se|la|lo)?|se cura|cura|terapias?|psicoterapia|medicamentos? (?:para|contra)|que medicamentos?|medicacion|pastillas para|(?:lo|la|como) trato|sirven?|funcionan?|como (?:dejar|dejo|paro|parar) de|que funciona|que ayuda|opciones)\b",
    ),
    (
        "causes",
        r"\b(?:causas?|causan|causa|por que (?:se |alguien |una persona |la gente |me |mi |le |ocurre|pasa|sucede|hay)|que (?:lo |la )?(?:provoca|causa|produce|desencadena)|a que se debe|de donde viene|origen|factores de riesgo|riesgos?|es contagios[oa]|se contagia|se pega)\b",
    ),
    (
        "symptoms",
        r"\b(?:sintomas|sintoma|senales|signos|senal|como (?:saber|se) si|como se (?:nota|sabe|si)|como (?:reconocer|reconozco|detectar|identificar)|(?:como|en que) se manifiesta|que se siente)\b",
    ),
    (
        "information",
        r"\b(?:que (?:es|son|significa|quiere decir)|en que consiste|informacion (?:sobre|de|acerca)|hablame de|explicame|definicion de)\b",
    ),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _RULES)
_PRIORITY = {kind: n for n, (kind, _) in enumerate(_RULES)}
_ABOUT_OTHER = re.compile(rf"{_OTHER}")
_WHAT_TO_DO = re.compile(r"\bque (?:hago|puedo hacer|debo hacer|hacer|hacemos)\b")


def question_types_es(text: str) -> tuple[str, ...]:
    """Say which section kinds a Spanish consumer question asks for.

    Args:
        text: the question as written, with or without accents and opening marks.

    Returns:
        Section kind ids, first asked first, without repeats; ``("information",)`` when
        nothing more specific is asked or the text is empty.
    """
    rest = _normalise(text or "")
    first: dict[str, int] = {}
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(rest):
            first.setdefault(kind, match.start())
            rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    if not first and _WHAT_TO_DO.search(rest):
        first["helping-others" if _ABOUT_OTHER.search(rest) else "coping"] = 0
    if "information" in first and len(first) > 1:
        # "¿Qué es el tratamiento de…?" asks for the treatment; "¿Qué es X y cómo se trata?"
        # asks for both: keep information only when it comes before a separate clause.
        later = [p for k, p in first.items() if k != "information"]
        if min(later) - first["information"] < 12:
            del first["information"]
    order = sorted(first, key=lambda k: (first[k], _PRIORITY[k]))
    return tuple(order) or ("information",)


_SPANISH_WORDS = frozenset(
    [
        "que",
        "como",
        "cuales",
        "cual",
        "los",
        "las",
        "del",
        "el",
        "la",
        "es",
        "son",
        "y",
        "para",
        "por",
        "se",
        "mi",
        "mis",
        "tengo",
        "puedo",
        "hay",
        "una",
        "con",
        "sobre",
        "donde",
        "cuando",
        "hacer",
        "quiero",
        "hija",
        "hijo",
        "esta",
        "estoy",
        "tiene",
        "pero",
        "muy",
        "mas",
        "ya",
        "tratamiento",
        "tratamientos",
        "causas",
        "sintomas",
        "ayuda",
        "ayudar",
        "depresion",
        "autolesion",
        "suicidio",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "what",
        "how",
        "is",
        "are",
        "of",
        "and",
        "for",
        "my",
        "i",
        "to",
        "with",
        "can",
        "do",
        "does",
        "treatment",
        "treatments",
        "causes",
        "symptoms",
        "help",
        "it",
        "in",
        "this",
        "that",
        "you",
        "me",
        "have",
        "am",
    ]
)


def looks_spanish(text: str) -> bool:
    """True when ``text`` reads as Spanish rather than English (by its common words, and
    Spanish marks such as "¿", "ñ" or accents)."""
    marks = bool(re.search(r"[¿¡ñáéíóú]", (text or "").lower()))
    words = re.findall(r"[a-z]+", _normalise(text or ""))
    spanish = sum(w in _SPANISH_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return spanish > english or (marks and spanish >= english and spanish > 0)
