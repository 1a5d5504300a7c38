"""The crisis screen's Spanish rules: crisis and emergency language in Spanish texts.

``screen_text`` (``crisis_screen.py``) runs these rules on every text alongside the English
ones and keeps the higher level, so a Spanish message is screened wherever it is written
(the Spanish pages, the English ask box, a comment, the API) without guessing its language
first: a missed crisis is the worst bug this project can have (see docs/safety.md).

The same steps as the English screen, in Spanish:

1. Normalise: lower case, accents dropped (readers often type without them: "suicidio",
   "autolesion", "hacerme dano"), text-speak spelled out ("q" → "que", "kiero" → "quiero",
   "xq" → "porque").
2. Split into sentences and clauses ("pero", "aunque", ";"), since negation and tense
   belong to a clause.
3. Match patterns by level. Spanish marks the person on the verb, so first person ("quiero
   matarme", "me corto") and someone else ("quiere matarse", "mi hija se corta") are
   separate patterns: someone else's suicidal thoughts keep their level; their ongoing
   self-harm is concern for the writer; "how do I know if…" questions about someone else
   are concern. A first-person phrase right after a negation ("no pienso hacerme daño") is
   dropped; "ya no…" (no longer) and past markers without present ones ("hace años me
   autolesionaba") make it concern. Idioms ("me muero de risa", "me corté el pelo") are
   blanked first.

This is not a clinical risk assessment. Plain Python: no Django import.
"""

from __future__ import annotations

import re
import unicodedata

from symptomdb.safety.crisis_screen import CrisisLevel, Reason

__all__ = ["mentions_topic_es", "spanish_reasons"]

# --- 1. Normalisation -------------------------------------------------------------------

_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    (r"\bq\b|\bk\b|\bqe\b|\bke\b", "que"),
    (r"\bxq\b|\bpq\b|\bporq\b|\bxk\b", "porque"),
    (r"\bkiero\b|\bqiero\b|\bquero\b", "quiero"),
    (r"\bkieres\b", "quieres"),
    (r"\btb\b|\btmb\b", "tambien"),
    (r"\bnose\b", "no se"),
    (r"\bmatarm\b", "matarme"),
    # "suicido" is left alone: "me suicido", "se suicidó" are verbs.
    (
        r"\bsuicideo\b|\bsuisidio\b|\bsuicdio\b|\bsusidio\b|\bsuicido(?= (?:es|en|de|y)\b)",
        "suicidio",
    ),
    (r"\bsuisidarme\b|\bsuicidame\b|\bsucidarme\b|\bsuicdarme\b", "suicidarme"),
    (r"\bsuisida\b|\bsuicda\b", "suicida"),
    (r"\bauto[\s-]?lesi?on(?=\w*)", "autolesion"),
    (r"\bauto[\s-]?lesionar", "autolesionar"),
    (r"\bmorirm\b", "morirme"),
    (r"\bdano\b|\bdanio\b|\bdanyo\b", "dano"),
    (r"\bpastis\b|\bpastillass\b", "pastillas"),
    (r"\bmas\s+nunca\b", "nunca mas"),
)
_COMPILED_REPLACEMENTS = tuple((re.compile(p), r) for p, r in _REPLACEMENTS)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _normalise(text: str) -> str:
    """Lower case, no accents (ñ becomes n), text-speak spelled out, spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    plain = plain.replace("¿", " ").replace("¡", " ")
    for pattern, replacement in _COMPILED_REPLACEMENTS:
        plain = pattern.sub(replacement, plain)
    return re.sub(r"[ \t]+", " ", plain).strip()


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE_SPLIT = re.compile(r"\s*;\s*|,?\s+\b(?:pero|aunque|sin embargo|mientras que)\b\s+")


def _clauses(text: str) -> list[tuple[int, str]]:
    out = []
    for number, sentence in enumerate(_SENTENCE_SPLIT.split(text), start=1):
        for clause in _CLAUSE_SPLIT.split(sentence):
            if clause.strip():
                out.append((number, clause.strip()))
    return out


# --- 2. Phrases ---------------------------------------------------------------------------

# Ways of ending one's life, first person (infinitive with "me") and someone else ("se").
_DIE_ME = (
    r"(?:matarme|suicidarme|quitarme la vida|acabar con mi vida|terminar con mi vida|"
    r"acabar con todo|terminar con todo|morirme|morir|dejar de vivir|desaparecer para siempre|"
    r"no despertar(?: nunca mas| mas)?|quitarme de en medio)"
)
_DIE_SE = (
    r"(?:matarse|suicidarse|quitarse la vida|acabar con su vida|terminar con su vida|"
    r"acabar con todo|morirse|morir|dejar de vivir|desaparecer para siempre|quitarse de en medio)"
)
_HARM_ME = (
    r"(?:cortarme|hacerme dano|lastimarme|autolesionarme|herirme|quemarme|golpearme|"
    r"hacerme cortes|castigarme fisicamente)"
)
_WANT = (
    r"(?:quiero|quisiera|deseo|necesito|tengo ganas de|me dan ganas de|me entran ganas de|"
    r"siento ganas de|pienso en|pienso mucho en|he pensado en|estoy pensando en|sigo pensando en|"
    r"no dejo de pensar en|no paro de pensar en|se me pasa por la cabeza|tengo la tentacion de|"
    r"me gustaria|tengo impulsos de|tengo el impulso de)"
)
_OTHER = (
    r"(?:mi (?:hij[oa]|amig[oa]|novi[oa]|pareja|herman[oa]|madre|padre|mama|papa|marido|esposa|"
    r"espos[oa]|alumn[oa]|estudiante|companer[oa]|prim[oa]|sobrin[oa]|niet[oa]|tia|tio|vecin[oa]|"
    r"nin[oa]|chic[oa]|mejor amig[oa])|el|ella|ellos|ellas|alguien|una amiga|un amigo)"
)
_WHEN = (
    r"(?:esta noche|hoy|manana|ahora|ya|este fin de semana|el (?:lunes|martes|miercoles|jueves|"
    r"viernes|sabado|domingo)|pronto|en unas horas|cuando (?:todos|se vayan|este sol[oa]))"
)

_PATTERNS: tuple[tuple[str, CrisisLevel, str], ...] = (
    # --- emergency: intent, plan, timing, goodbye, an act in progress (first person) ---
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:voy a|me voy a|he decidido|decidi|ya decidi|estoy decidid[oa] a|estoy list[oa] para|"
        r"pienso(?! en)|planeo|tengo pensado)\s+(?:(?!en\b)\w+\s+)?(?:matarme|suicidarme|quitarme la vida|"
        r"acabar con mi vida|acabar con todo|terminar con todo|terminar con mi vida)\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        rf"\b{_WHEN} (?:me mato|me suicido|me quito la vida|acabo con todo|lo hago|lo termino todo|"
        rf"es el dia|es la noche|voy a matarme|me voy a matar)\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        rf"\b(?:me mato|me suicido|me quito la vida|acabo con todo) {_WHEN}\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:manana|esta noche|pronto|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)) "
        r"ya no (?:estare|voy a estar|existire)\b|\bya no (?:estare|voy a estar) (?:aqui )?"
        r"(?:manana|esta noche|para (?:cuando|manana))\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:carta|nota|mensaje) (?:de despedida|suicida|de suicidio)\b|\besta es mi despedida\b|"
        r"\bme despido de (?:todos|todas|ustedes|vosotros|ti)\b|\badios (?:a todos|para siempre|mundo)\b|"
        r"\beste es mi ultimo (?:mensaje|dia|post)\b|\bhe regalado (?:todas )?mis cosas\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:ya )?tengo (?:un plan|el plan|todo (?:listo|preparado|planeado|pensado)|lo que necesito|"
        r"todo lo necesario|las pastillas (?:listas|guardadas|preparadas))\b",
    ),
    (
        "act-in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:me acabo de|acabo de) (?:cortar(?:me)?|hacerme dano|hacer dano|tomar(?:me)?|autolesionar(?:me)?|"
        r"lastimar(?:me)?|intentar)\b|"
        r"\b(?:me he|he|me) tomado (?:todas|muchas|un monton de|demasiadas|una caja de|el bote de)\b|"
        r"\bme (?:tome|bebi) (?:todas|muchas|un monton de|demasiadas|una caja de|el bote de) "
        r"(?:las )?(?:pastillas|pildoras)\b|\bestoy sangrando mucho\b|\bno (?:para|deja) de sangrar\b|"
        r"\bme tome una sobredosis\b|\bestoy en (?:el|la) (?:puente|azotea|vias)\b",
    ),
    # --- emergency: someone else ---
    (
        "third-person:intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:se va a|va a|dice que se va a|dice que va a|amenaza con) (?:matar|suicidar|quitar la vida|"
        r"matarse|suicidarse|quitarse la vida)\b",
    ),
    (
        "third-person:act-in-progress",
        CrisisLevel.EMERGENCY,
        r"\bse (?:acaba de|ha) (?:cortar|cortado|tomar|tomado) (?:muy |todas |muchas )?"
        r"(?:pastillas|pildoras|profundo|mucho)?|\bse (?:tomo|bebio) (?:todas|muchas|un monton de|"
        r"demasiadas|una caja de|el bote de)\b|\b(?:esta inconsciente|no responde|no reacciona|"
        r"no (?:puedo|podemos) despertarl[oa])\b|\b(?:se )?acaba de (?:intentar (?:matarse|suicidarse|"
        r"quitarse la vida)|cortarse|tomarse)\b|\b(?:intento|ha intentado) (?:matarse|suicidarse|"
        r"quitarse la vida) (?:hoy|ahora|esta noche|hace (?:un rato|unas horas|una hora))\b",
    ),
    # --- crisis: suicidal thoughts, wish to die, self-harm now (first person) ---
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        rf"\b(?:me quiero|quiero|me quisiera|me gustaria) (?:morir|matar|suicidar|quitar la vida)\b|"
        rf"\b{_WANT} (?:\w+ )?{_DIE_ME}\b|\b(?:tengo|estoy teniendo|vuelvo a tener) (?:pensamientos|ideas) "
        rf"(?:suicidas|de suicidio|de matarme|de morir|de quitarme la vida)\b|\bsoy suicida\b|"
        rf"\bestoy pensando en el suicidio\b|\bpienso en el suicidio\b",
    ),
    (
        "passive-death-wish",
        CrisisLevel.CRISIS,
        r"\bno quiero (?:seguir )?(?:vivir|viviendo|estar vivo|estar viva|despertar|existir|seguir aqui|"
        r"seguir adelante|seguir con vida)\b|\bojala (?:no despertara|estuviera muert[oa]|me muriera|"
        r"no hubiera nacido|no existiera|me pasara algo)\b|\b(?:estarian|estaria todo el mundo|estarias) "
        r"mejor sin mi\b|\bsoy una carga\b|\bno vale la pena (?:vivir|seguir)\b|\bno tengo (?:ninguna )?"
        r"razon(?:es)? para vivir\b|\bmejor (?:estaria|estar) muert[oa]\b|\bseria mejor (?:que )?"
        r"(?:no existiera|desapareciera|estar muert[oa]|morirme)\b|\bpara que seguir viviendo\b",
    ),
    (
        "cannot-go-on",
        CrisisLevel.CRISIS,
        r"\b(?:ya )?no (?:aguanto|puedo|soporto) mas\b(?! (?:con )?(?:el|la|los|las|este|esta|estos|"
        r"estas|a|al|tanto calor|mi (?:jefe|trabajo|vecin[oa]|herman[oa]|companer[oa])))|\bya no aguanto\b"
        r"(?= *$|\W*$| (?:la vida|vivir|asi|esta vida|nada|el dolor))|\bno (?:puedo|quiero) seguir asi\b|"
        r"\bno aguanto (?:vivir|esta vida|la vida)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        rf"\bme (?:corto|estoy cortando|sigo cortando|autolesiono|estoy autolesionando|lastimo|hago dano|"
        rf"quemo|golpeo|hago cortes|castigo)\b|\b{_WANT} (?:\w+ )?{_HARM_ME}\b|\b(?:volvi|he vuelto|vuelvo) a "
        rf"(?:cortarme|autolesionarme|hacerme dano|lastimarme)\b|\b(?:recai|he recaido|tuve una recaida)\b|"
        rf"\bme (?:corte|autolesione|lastime|queme) (?:otra vez|de nuevo|anoche|hoy|ayer)\b|"
        rf"\b(?:anoche|hoy|ayer) me (?:corte|autolesione|lastime|hice dano)\b|\bno puedo parar de "
        rf"(?:cortarme|autolesionarme|hacerme dano)\b|\bganas de (?:cortarme|autolesionarme|hacerme dano)\b",
    ),
    # The writer's own act named in the infinitive, whatever comes round it ("suicidarme es
    # lo único en lo que pienso"); negation and tense still apply.
    (
        "self-reference",
        CrisisLevel.CRISIS,
        r"\b(?:suicidarme|matarme|quitarme la vida|autolesionarme|cortarme|hacerme dano)\b",
    ),
    # --- crisis: someone else's suicidal thoughts ---
    (
        "third-person:suicidal-thoughts",
        CrisisLevel.CRISIS,
        rf"\b(?:se quiere|quiere|dice que (?:se )?quiere|habla de|piensa en|ha pensado en|esta pensando en) "
        rf"(?:{_DIE_SE}|morir|matar|suicidar|quitar la vida|el suicidio)\b|\b{_OTHER} (?:tiene|ha tenido) "
        rf"(?:pensamientos|ideas) (?:suicidas|de suicidio)\b|\b{_OTHER} (?:es|esta) suicida\b|"
        rf"\b(?:dice|escribio|me dijo) que (?:no quiere vivir|quiere morir|se quiere morir|es una carga|"
        rf"estariamos mejor sin (?:el|ella))\b",
    ),
    # --- concern ---
    (
        "third-person:self-harm",
        CrisisLevel.CONCERN,
        r"\bse (?:corta|esta cortando|autolesiona|esta autolesionando|hace dano|lastima|quema|"
        r"hace cortes|golpea)\b|\b(?:tiene|le vi) (?:cortes|cicatrices|marcas) en (?:los|las|el|la|sus) "
        r"(?:brazos|munecas|piernas|muslos|brazo|pierna)\b",
    ),
    (
        "bereavement",
        CrisisLevel.CONCERN,
        r"\b(?:murio|fallecio|ha muerto) por suicidio\b|\bse (?:suicido|quito la vida|mato)\b",
    ),
    (
        "self-harm-past",
        CrisisLevel.CONCERN,
        r"\bme (?:cortaba|autolesionaba|lastimaba|hacia dano|quemaba|golpeaba)\b|\bintente "
        r"(?:suicidarme|matarme|quitarme la vida)\b|\bmi intento de suicidio\b|\bllevo (?:\w+ ){0,3}sin "
        r"(?:autolesionarme|cortarme|hacerme dano|lastimarme)\b|\bme (?:corte|autolesione|lastime)\b|"
        r"\b(?:queria|quise) (?:morir|morirme|matarme|suicidarme)\b|\bpensaba en (?:el suicidio|matarme|"
        r"suicidarme|morirme)\b|\b(?:autolesion|autolesiones|suicidio)\b(?= .*\b(?:yo|mi|me)\b)",
    ),
    (
        "hopelessness",
        CrisisLevel.CONCERN,
        r"\bme siento (?:muy |tan |totalmente |completamente )?(?:vaci[oa]|sin esperanza|inutil|atrapad[oa]|"
        r"desesperad[oa]|perdid[oa]|una carga|sol[oa] en el mundo|muert[oa] por dentro)\b|\bno hay salida\b|"
        r"\bnada tiene sentido\b|\bmi vida no tiene sentido\b|\bno sirvo para nada\b|\bestoy (?:muy |tan )?"
        r"deprimid[oa]\b|\bno veo futuro\b|\bnadie me quiere\b|\btodo me da igual\b",
    ),
)

# Highest levels first, so a crisis phrase claims its words before a milder one inside it.
_COMPILED = tuple(
    (rule, level, re.compile(pattern))
    for rule, level, pattern in sorted(_PATTERNS, key=lambda p: -p[1])
)

# Everyday Spanish that looks like risk language: blanked before matching.
_IDIOMS = re.compile(
    r"\b(?:"
    r"(?:me )?muero (?:de|por) (?:risa|hambre|sueno|ganas|calor|frio|sed|verguenza|aburrimiento|"
    r"envidia|amor|curiosidad|la risa|nervios|ver|saber|ir|conocer|probar|que llegue)|"
    r"(?:me quiero|quiero|me voy a|me iba a) morir de (?:verguenza|risa|hambre|sueno|calor|frio|"
    r"aburrimiento|la verguenza|amor|envidia)|"
    r"muert[oa]s? de (?:risa|hambre|cansancio|sueno|miedo|frio|calor|sed|verguenza|aburrimiento)|"
    r"me (?:mata|matan|esta matando|estan matando) (?:el|la|los|las|este|esta|estos|estas|mi|mis)\b|"
    r"(?:el|la|los|las|este|esta|mi|mis) \w+ me (?:mata|matan|esta matando)|"
    r"matar (?:el tiempo|la curiosidad|el hambre|la sed|el aburrimiento|moscas|mosquitos)|"
    r"me mato (?:estudiando|trabajando|a estudiar|a trabajar|entrenando|en el gimnasio)|"
    r"(?:me|te|se) (?:corto|corte|cortaba|cortas|corta|cortaste) (?:el|la|las|los|un|una) "
    r"(?:pelo|cabello|unas|flequillo|barba|fleco|puntas|dedo|mano)(?! a proposito)|"
    r"cortarme (?:el|la|las|los) (?:pelo|cabello|unas|flequillo|barba|fleco|puntas)|"
    r"(?:me|se) (?:hice|hizo|he hecho|ha hecho) dano (?:en (?:la|el|los|las) \w+|jugando|entrenando|"
    r"corriendo|al caer|sin querer|haciendo deporte)|"
    r"hacerme dano (?:en (?:la|el) (?:rodilla|espalda|tobillo|pie|mano|cuello))|"
    r"(?:se me|me) (?:murio|muere) (?:el movil|el celular|la bateria|el telefono|la planta|el pez)|"
    r"(?:en|de) (?:la|una|el|un) (?:pelicula|serie|novela|libro|juego|videojuego|cancion)[^.]{0,40}"
    r"(?:se suicida|se mata|muere|suicidio)"
    r")"
)

_NEGATOR_BEFORE = re.compile(r"\b(?:no|nunca|jamas|ni|tampoco|sin|ni loc[oa])\b(?: \w+){0,2} ?$")
_NO_LONGER = re.compile(r"\b(?:ya no|nunca mas|dejé de|deje de|he dejado de|hace tiempo que no)\b")
_PAST = re.compile(
    r"\b(?:(?<!desde )hace (?:\w+ )?(?:anos|ano|meses|mes|mucho|tiempo|semanas)|cuando (?:era|tenia|estaba en|iba al?)\b|"
    r"de (?:adolescente|joven|nin[oa]|pequen[oa]|chic[oa])|en (?:el|mi) pasado|en la adolescencia|"
    r"en el instituto|en la secundaria|en la prepa|antes (?:me|solia)|solia|ya lo supere|lo supere|"
    r"llevo (?:\w+ )?(?:anos|meses|semanas|dias) sin|hace (?:\w+ )?anos que no|de mas joven)\b"
)
_PRESENT = re.compile(
    r"\b(?:otra vez|de nuevo|ahora|esta noche|hoy|todavia|aun|sigo|sigue|ultimamente|volvi|volvio|"
    r"vuelvo|vuelve|han vuelto|estos dias|esta semana|en este momento)\b"
)
_HYPERBOLE = re.compile(
    r"(?:😂|🤣|💀|🙄|😅|😆|😹|\bja(?:ja)+\w*|\bje(?:je)+\w*|\bxd+\b|\bbroma\b|\bes broma\b)"
)
_NOT_JOKING = re.compile(r"\bno (?:es|estoy) (?:broma|bromeando)\b|\ben serio\b")
# "how do I know if my son…" asks about a possibility; "si lo dejo, se mata" is a threat.
_HYPOTHETICAL = re.compile(
    r"\b(?:como (?:se|puedo|podemos|saber|sabes|sabria|detectar|notar|ayudar)|saber si|notar si|"
    r"senales de que|sintomas de que|que hago si|que hacer si|que puedo hacer si)\b"
)
_CONDITIONAL = re.compile(r"\b(?:si|cuando|en caso de que)\b")
_INFORMATIONAL = re.compile(
    r"^(?:que|cual|cuales|cuando|donde|como|por que|quien|cuanto|es|son|hay|puede|pueden|se puede|"
    r"explica|dime|informacion|busco informacion|estoy (?:haciendo|escribiendo) un (?:trabajo|ensayo))\b"
)
_PERSONAL = re.compile(r"\b(?:yo|me|mi|mis|conmigo|estoy|tengo|quiero|siento|soy)\b")
_TOPIC = re.compile(
    r"\b(?:suicid\w*|autolesi\w*|autoles\w*|matarme|matarse|quitarme la vida|quitarse la vida|"
    r"hacerme dano|hacerse dano|cortarme|cortarse|se corta|me corto|sobredosis|ideacion suicida|"
    r"quiero morir|me quiero morir|no quiero vivir)\b"
)


def _adjust(
    rule: str, level: CrisisLevel, clause: str, start: int, informational: bool, hyperbole: bool
) -> CrisisLevel | None:
    """Negation, tense, hyperbole and plain questions; None drops the match."""
    before = clause[:start]
    third = rule.startswith("third-person")
    if third and re.search(r"\b(?:no|nunca|jamas) $", before):
        return None  # "mi hija no se corta"
    if level <= CrisisLevel.CONCERN:
        return None if rule == "hopelessness" and _NEGATOR_BEFORE.search(before) else level
    if not third and _NEGATOR_BEFORE.search(before):
        # "no pienso hacerme dano" is not a crisis; "ya no quiero morir" tells of a past.
        return CrisisLevel.CONCERN if _NO_LONGER.search(before[-20:]) else None
    if _PAST.search(clause) and not _PRESENT.search(clause):
        return CrisisLevel.CONCERN
    if informational and not third:
        return None
    if hyperbole and rule in {"suicidal-thoughts", "passive-death-wish", "cannot-go-on"}:
        return CrisisLevel.CONCERN
    if third:
        if _HYPOTHETICAL.search(before):
            return CrisisLevel.CONCERN
        if _CONDITIONAL.search(before) and level > CrisisLevel.CRISIS:
            return CrisisLevel.CRISIS
    return level


def spanish_reasons(text: str) -> list[Reason]:
    """Every Spanish risk phrase in ``text``, each with the level it gives after negation,
    tense, hyperbole and plain questions (an empty list for text with none)."""
    normalised = _normalise(text or "")
    if not normalised:
        return []
    informational = bool(_INFORMATIONAL.match(normalised)) and not _PERSONAL.search(normalised)
    hyperbole_text = bool(_HYPERBOLE.search(normalised)) and not _NOT_JOKING.search(normalised)
    reasons: list[Reason] = []
    for number, clause in _clauses(normalised):
        cleaned = _IDIOMS.sub(" ", clause)
        taken: list[tuple[int, int]] = []
        for rule, level, pattern in _COMPILED:
            for match in pattern.finditer(cleaned):
                if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                adjusted = _adjust(
                    rule, level, cleaned, match.start(), informational, hyperbole_text
                )
                if adjusted is not None:
                    reasons.append(Reason(f"es:{rule}", adjusted, match.group(0).strip(), number))
    return reasons


def mentions_topic_es(text: str) -> bool:
    """True when the text names self-harm or suicide in Spanish (help is then offered)."""
    return bool(_TOPIC.search(_normalise(text or "")))
