"""MedQuAD: NIH question–answer pairs (Ben Abacha & Demner-Fushman 2019, CC BY 4.0), parsed
from the published XML tree as plain dataclasses.

Three folders (MedlinePlus A.D.A.M., Drugs, Herbs and Supplements) were published without
answer text for copyright reasons; their pairs keep the question, source and URL, and
``answer`` is None. Nothing here fills those answers from any other file.

Answer ids follow the qrels: ``<source>_<Document id>_Sec<N>.txt`` where N is the 1-based
position of the QAPair in its file (not its ``pid``), and the source ``MPlusHerbsSupplements``
is spelled ``MPlusHerbsSuppls``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from symptomdb.errors import SourceFileError

__all__ = [
    "LICENCE",
    "MedQuADDocument",
    "MedQuADError",
    "MedQuADPair",
    "answer_id",
    "iter_medquad",
    "licence_for",
    "medquad_files",
    "parse_medquad_file",
    "publisher_name",
]

LICENCE = "CC BY 4.0"
WITHHELD_FOLDERS = frozenset(
    {"10_MPlus_ADAM_QA", "11_MPlusDrugs_QA", "12_MPlusHerbsSupplements_QA"}
)
_ID_SOURCE = {"MPlusHerbsSupplements": "MPlusHerbsSuppls"}


class MedQuADError(SourceFileError):
    """A MedQuAD file is malformed; the message names the file and the element."""

    def __init__(self, path: Path | str, element: str, problem: str) -> None:
        self.element = element
        super().__init__(path, f"element <{element}>", problem)


@dataclass(frozen=True)
class MedQuADPair:
    """One question with its answer (None where the publisher withheld the text)."""

    answer_id: str
    position: int
    pid: str
    qid: str
    qtype: str
    question: str
    answer: str | None


@dataclass(frozen=True)
class MedQuADDocument:
    """One MedQuAD file: a topic page of an NIH site and its question–answer pairs."""

    file: str  # "folder/name.xml", unique (some files share a Document id)
    folder: str
    doc_id: str
    source: str
    url: str
    focus: str
    category: str
    cuis: tuple[str, ...]
    semantic_types: tuple[str, ...]
    semantic_group: str
    synonyms: tuple[str, ...]
    pairs: tuple[MedQuADPair, ...]

    @property
    def answers_withheld(self) -> bool:
        """True for the folders published without answer text."""
        return self.folder in WITHHELD_FOLDERS


# MedQuAD sources written for the general public, in plain language: NLM's MedlinePlus
# (encyclopedia, health topics, drug and herb information) and NIHSeniorHealth. The others
# serve narrower readers (rare diseases, genetics, researchers) in more technical words.
PLAIN_LANGUAGE_SOURCES = frozenset(
    ["ADAM", "MPlusHealthTopics", "MPlusDrugs", "MPlusHerbsSupplements", "NIHSeniorHealth"]
)


# Who published each MedQuAD source, as readers should see it.
PUBLISHERS = {
    "CancerGov": "National Cancer Institute (cancer.gov)",
    "GARD": "Genetic and Rare Diseases Information Center (GARD)",
    "GHR": "Genetics Home Reference (NLM)",
    "MPlusHealthTopics": "MedlinePlus Health Topics (NLM)",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases",
    "NINDS": "National Institute of Neurological Disorders and Stroke",
    "NIHSeniorHealth": "NIHSeniorHealth (NIH)",
    "NHLBI": "National Heart, Lung, and Blood Institute",
    "CDC": "Centers for Disease Control and Prevention",
    "ADAM": "MedlinePlus A.D.A.M. Medical Encyclopedia",
    "MPlusDrugs": "MedlinePlus Drug Information",
    "MPlusHerbsSupplements": "MedlinePlus Herbs and Supplements",
}
# MedQuAD itself is CC BY 4.0, but that covers the collection, not the publishers' text:
# the A.D.A.M. encyclopedia and MedlinePlus drug and herb pages are licensed content that
# MedQuAD ships without answers; the others are pages of U.S. government sites, each under
# its own site's terms.
WITHHELD_SOURCES = frozenset({"ADAM", "MPlusDrugs", "MPlusHerbsSupplements"})


def publisher_name(source: str) -> str:
    """The publisher of a MedQuAD source ("GARD" -> "Genetic and Rare Diseases …")."""
    return PUBLISHERS.get(source, source)


def licence_for(source: str) -> str:
    """The terms a MedQuAD source's text comes under, truthfully and briefly (≤ 60 chars)."""
    if source in WITHHELD_SOURCES:
        return "publisher's copyright: text withheld, read it at the source"
    return "U.S. government site's terms; via MedQuAD (CC BY 4.0)"


def answer_id(source: str, doc_id: str, position: int) -> str:
    """The id the LiveQA qrels use for the pair at ``position`` (1-based) of a document."""
    return f"{_ID_SOURCE.get(source, source)}_{doc_id}_Sec{position}.txt"


def _text(element: ET.Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


_LEGACY_TAGS = {
    "doctitle-focus": "Focus",
    "qaPairs": "QAPairs",
    "pair": "QAPair",
    "question": "Question",
    "answer": "Answer",
    "umls": "UMLS",
    "cui": "CUI",
    "semanticType": "SemanticType",
    "semanticGroup": "SemanticGroup",
}


def _rename_legacy(document: ET.Element) -> None:
    document.tag = "Document"
    document.set("id", document.get("id") or document.get("docid") or document.get("fid") or "")
    document.set("source", document.get("source") or document.get("corpus") or "")
    for element in document.iter():
        element.tag = _LEGACY_TAGS.get(element.tag, element.tag)
    umls = document.find("UMLS")
    if umls is not None:
        document.remove(umls)
        annotations = ET.SubElement(document, "FocusAnnotations")
        annotations.append(umls)


def parse_medquad_file(path: Path, root: Path | None = None) -> MedQuADDocument:
    """Parse one MedQuAD XML file.

    Args:
        path: the XML file.
        root: the MedQuAD folder, to name the file relative to it (default: its parent's parent).

    Raises:
        MedQuADError: naming the file and the element at fault.
    """
    root = root or path.parent.parent
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        line, column = exc.position
        raise MedQuADError(
            path, "Document", f"not well-formed XML at line {line}, column {column}"
        ) from None
    document = tree.getroot()
    if document.tag in ("doc", "DiseaseFile"):
        # A few files use older shapes (NINDS: <doc docid corpus>, <doctitle-focus>,
        # <qaPairs><pair>…; CDC: <DiseaseFile fid>); read them as the same record.
        _rename_legacy(document)
    if document.tag != "Document":
        raise MedQuADError(path, document.tag, "the root element must be <Document>")
    for attribute in ("id", "source", "url"):
        if not document.get(attribute):
            raise MedQuADError(path, "Document", f"missing attribute {attribute!r}")
    focus = document.find("Focus")
    if focus is None:
        raise MedQuADError(path, "Focus", "missing")  # (a few published files leave it empty)
    annotations = document.find("FocusAnnotations")
    umls = annotations.find("UMLS") if annotations is not None else None
    qa_pairs = document.find("QAPairs")
    if qa_pairs is None:
        raise MedQuADError(path, "QAPairs", "missing")
    doc_id, source = document.get("id", ""), document.get("source", "")
    folder = path.parent.name
    pairs = []
    for position, pair in enumerate(qa_pairs.findall("QAPair"), start=1):
        where = f"QAPair[{position}]"
        question = pair.find("Question")
        if question is None:
            raise MedQuADError(path, f"{where}/Question", "missing")
        for attribute in ("qid", "qtype"):
            if not question.get(attribute):
                raise MedQuADError(path, f"{where}/Question", f"missing attribute {attribute!r}")
        answer_element = pair.find("Answer")
        if answer_element is None:
            raise MedQuADError(path, f"{where}/Answer", "missing")
        answer_text = _text(answer_element)
        pairs.append(
            MedQuADPair(
                answer_id=answer_id(source, doc_id, position),
                position=position,
                pid=pair.get("pid", ""),
                qid=question.get("qid", ""),
                qtype=question.get("qtype", ""),
                question=_text(question),
                answer=answer_text or None,
            )
        )
    return MedQuADDocument(
        file=f"{folder}/{path.name}",
        folder=folder,
        doc_id=doc_id,
        source=source,
        url=document.get("url", ""),
        focus=_text(focus),
        category=_text(annotations.find("Category")) if annotations is not None else "",
        cuis=tuple(_text(c) for c in umls.iter("CUI")) if umls is not None else (),
        semantic_types=tuple(_text(t) for t in umls.iter("SemanticType"))
        if umls is not None
        else (),
        semantic_group=_text(umls.find("SemanticGroup")) if umls is not None else "",
        synonyms=tuple(_text(s) for s in annotations.iter("Synonym"))
        if annotations is not None
        else (),
        pairs=tuple(pairs),
    )


def medquad_files(root: Path) -> list[Path]:
    """Every MedQuAD XML file under ``root``, folder by folder, in a stable order.

    Raises:
        MedQuADError: when ``root`` holds no MedQuAD folders.
    """
    if not root.is_dir():
        raise MedQuADError(
            root, "-", "is not a directory; pass the MedQuAD folder (it holds 1_CancerGov_QA …)"
        )
    files = sorted(
        (p for p in root.glob("*_*/*.xml")),
        key=lambda p: (
            int(p.parent.name.split("_", 1)[0]) if p.parent.name.split("_", 1)[0].isdigit() else 99,
            p.parent.name,
            p.name,
        ),
    )
    if not files:
        raise MedQuADError(
            root, "-", "holds no MedQuAD XML files (expected folders like 1_CancerGov_QA/*.xml)"
        )
    return files


def iter_medquad(root: Path) -> Iterator[MedQuADDocument]:
    """Parse every file under ``root`` in order (see ``medquad_files``)."""
    for path in medquad_files(root):
        yield parse_medquad_file(path, root)
