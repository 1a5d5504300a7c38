from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.answering.metrics import per_question_avg_score, score_run, write_trec_run
from symptomdb.answering.pipeline import answer_question
from symptomdb.answering.plot import bar_chart_svg
from symptomdb.answering.question_types import question_types
from symptomdb.answers.building import get_answer_index
from symptomdb.importers.liveqa import LiveQAError, parse_liveqa_questions, parse_qrels


class Command(BaseCommand):
    help = (
        "Answer the TREC 2017 LiveQA medical test questions (subject and message only), write a "
        "TREC run of the top 10 MedQuAD answers and a report: avgScore, MAP@10, MRR@10, P@5, P@10, "
        "strict and judged-only, per question type."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--questions", required=True, help="TREC-2017-LiveQA-Medical-Test.xml (or a subset)"
        )
        parser.add_argument("--qrels", required=True, help="the MedQuAD-answer qrels file")
        parser.add_argument("--out", required=True, help="folder for run.txt and report.json/.md")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            questions = parse_liveqa_questions(Path(options["questions"]))
            qrels = parse_qrels(Path(options["qrels"]))
        except LiveQAError as exc:
            raise CommandError(str(exc)) from None
        index = get_answer_index()
        if not any(p.origin == "medquad" for p in index.passages):
            raise CommandError("no MedQuAD records: run 'symptomdb import-medquad DIR' first")
        wanted = [q for q in questions if q.qid in qrels]
        run: dict[str, list[str]] = {}
        kinds: dict[str, tuple[str, ...]] = {}
        latencies = []
        for q in wanted:
            started = time.perf_counter()
            answer = answer_question(index, q.subject, q.message, k=30)
            latencies.append(time.perf_counter() - started)
            run[q.qid] = [h.passage.id for h in answer.ranked if h.passage.origin == "medquad"][:10]
            kinds[q.qid] = question_types(answer.asked)
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        write_trec_run(run, out / "run.txt")
        strict = score_run(run, qrels)
        judged = score_run(run, qrels, judged_only=True)
        per_q = per_question_avg_score(run, qrels)
        by_type: dict[str, list[int]] = {}
        for qid, score in per_q.items():
            by_type.setdefault(kinds.get(qid, ("?",))[0], []).append(score)
        latencies.sort()
        avg_by_type = {k: round(sum(v) / len(v), 3) for k, v in sorted(by_type.items())}
        count_by_type = {k: len(v) for k, v in sorted(by_type.items())}
        report = {
            "questions": len(wanted),
            "strict": strict.__dict__,
            "judged_only": judged.__dict__,
            "avg_score_by_first_type": {
                k: round(sum(v) / len(v), 3) for k, v in sorted(by_type.items())
            },
            "questions_by_first_type": {k: len(v) for k, v in sorted(by_type.items())},
            "latency_ms_p50": round(latencies[len(latencies) // 2] * 1000, 2)
            if latencies
            else None,
            "per_question_avg_score": per_q,
        }
        (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
        (out / "avg_score_by_type.svg").write_text(
            bar_chart_svg(
                "avgScore by question type (strict, first answer)",
                avg_by_type,
                maximum=3.0,
                counts=count_by_type,
            )
        )
        rows = [
            "| | avgScore | MAP@10 | MRR@10 | P@5 | P@10 |",
            "|---|---:|---:|---:|---:|---:|",
            *(
                f"| {name} | {s.avg_score:.3f} | {s.map_at_10:.3f} | {s.mrr_at_10:.3f} | {s.p_at_5:.3f} | {s.p_at_10:.3f} |"
                for name, s in (("strict", strict), ("judged only", judged))
            ),
        ]
        (out / "report.md").write_text(
            f"# LiveQA-Med evaluation ({len(wanted)} questions)\n\n" + "\n".join(rows) + "\n"
        )
        self.stdout.write("\n".join(rows))
        self.stdout.write(
            f"Run written to {out / 'run.txt'}; report in {out / 'report.json'}, plot in {out / 'avg_score_by_type.svg'}."
        )
