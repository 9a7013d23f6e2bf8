"""`claimdocs evaluate --truth TRUTH_DIR --reports OUT_DIR`: accuracy against labelled truth.

Prints per claim file and overall (and per variant: text, scan300, ...): document-boundary F1,
type accuracy and a confusion table, accuracy per extracted field, finding precision/recall/F1
per code, checklist-row accuracy, records-reviewed recall/precision and the share of claim files
split exactly right; writes the same as JSON.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from pipeline.evaluate.metrics import Tally, f1, score_claim
from pipeline.report.atomic import write_text_atomic

#: field groups the issues set targets for
FIELD_GROUPS = {
    "common": ("date", "service_date", "author", "claimant_name", "claim_number",
               "date_of_injury", "body_parts", "duplicate_of"),
    "ur_rfa_imr": ("ur.", "rfa.", "imr."),
    "qme": ("qme.",),
}


def _group_of(key: str) -> str:
    for group, prefixes in FIELD_GROUPS.items():
        if key in prefixes or any(key.startswith(p) for p in prefixes if p.endswith(".")):
            return group
    return "other"


def summarize(tally: Tally) -> dict:
    _, _, boundary_f1 = f1(tally.boundaries_tp, tally.boundaries_fp, tally.boundaries_fn)
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, (correct, total) in tally.fields.items():
        slot = groups[_group_of(key)]
        slot[0] += correct
        slot[1] += total
    all_tp = sum(v[0] for v in tally.findings.values())
    all_fp = sum(v[1] for v in tally.findings.values())
    all_fn = sum(v[2] for v in tally.findings.values())

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "claim_files": tally.claim_files,
        "documents": tally.docs,
        "boundary_f1": round(boundary_f1, 4),
        "exact_split_share": ratio(tally.exact_splits, tally.claim_files),
        "type_accuracy": ratio(tally.types_correct, tally.docs),
        "confusion": {f"{t} -> {p}": n for (t, p), n in sorted(tally.confusion.items()) if t != p},
        "field_accuracy": {group: ratio(c, t) for group, (c, t) in sorted(groups.items())},
        "fields": {key: {"correct": c, "total": t, "accuracy": ratio(c, t)}
                   for key, (c, t) in sorted(tally.fields.items())},
        "treatment_decision_accuracy": ratio(*tally.treatments),
        "records_reviewed": {
            block: {"recall": ratio(h, t), "precision": ratio(h, p), "truth": t, "predicted": p}
            for block, (h, t, p) in sorted(tally.records.items())},
        "findings": {
            code: dict(zip(("precision", "recall", "f1"),
                           (round(x, 4) for x in f1(tp, fp, fn))), tp=tp, fp=fp, fn=fn)
            for code, (tp, fp, fn) in sorted(tally.findings.items())},
        "findings_overall": dict(zip(("precision", "recall", "f1"),
                                     (round(x, 4) for x in f1(all_tp, all_fp, all_fn))),
                                 tp=all_tp, fp=all_fp, fn=all_fn),
        "checklist_accuracy": ratio(*tally.checklist),
    }


def evaluate_dirs(truth_dir: Path, reports_dir: Path) -> dict:
    per_claim: dict[str, dict] = {}
    overall = Tally(claim_files=0)
    by_variant: dict[str, Tally] = defaultdict(lambda: Tally(claim_files=0))
    misses: dict[str, list] = {}
    for truth_path in sorted(Path(truth_dir).glob("*.json")):
        truth = json.loads(truth_path.read_text())
        claim_id = truth.get("claim_id") or truth_path.stem
        report_path = Path(reports_dir) / claim_id / "report.json"
        report = json.loads(report_path.read_text()) if report_path.exists() else None
        tally = score_claim(truth, report)
        overall.add(tally)
        by_variant[truth.get("variant", "unknown")].add(tally)
        summary = summarize(tally)
        summary["report_found"] = report is not None
        per_claim[claim_id] = summary
        misses[claim_id] = {"fields": tally.field_misses, "findings": tally.finding_misses}
    return {
        "overall": summarize(overall),
        "by_variant": {name: summarize(t) for name, t in sorted(by_variant.items())},
        "claim_files": per_claim,
        "misses": misses,
    }


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def render_text(result: dict) -> str:
    lines = ["Per claim file:",
             f"  {'claim file':34} {'bndF1':>6} {'exact':>6} {'type':>6} {'common':>7} "
             f"{'ur/rfa/imr':>10} {'qme':>6} {'find F1':>8} {'checks':>7}"]
    for claim_id, s in result["claim_files"].items():
        fa = s["field_accuracy"]
        missing = "" if s["report_found"] else "  (no report.json)"
        lines.append(
            f"  {claim_id:34} {_fmt(s['boundary_f1']):>6} {_fmt(s['exact_split_share']):>6} "
            f"{_fmt(s['type_accuracy']):>6} {_fmt(fa.get('common')):>7} "
            f"{_fmt(fa.get('ur_rfa_imr')):>10} {_fmt(fa.get('qme')):>6} "
            f"{_fmt(s['findings_overall']['f1']):>8} {_fmt(s['checklist_accuracy']):>7}{missing}")
    for name, s in [("OVERALL", result["overall"])] + [
            (f"variant {v}", s) for v, s in result["by_variant"].items()]:
        lines += ["", f"{name}: {s['claim_files']} claim files, {s['documents']} documents",
                  f"  boundary F1 {_fmt(s['boundary_f1'])}   exact splits "
                  f"{_fmt(s['exact_split_share'])}   type accuracy {_fmt(s['type_accuracy'])}",
                  "  field accuracy: " + ", ".join(
                      f"{g} {_fmt(v)}" for g, v in s["field_accuracy"].items()),
                  f"  treatment decisions {_fmt(s['treatment_decision_accuracy'])}   "
                  f"checklist rows {_fmt(s['checklist_accuracy'])}"]
        for block, r in s["records_reviewed"].items():
            lines.append(f"  records reviewed ({block}): recall {_fmt(r['recall'])} precision "
                         f"{_fmt(r['precision'])} ({r['truth']} truth, {r['predicted']} found)")
        fo = s["findings_overall"]
        lines.append(f"  findings overall: P {_fmt(fo['precision'])} R {_fmt(fo['recall'])} "
                     f"F1 {_fmt(fo['f1'])} (tp {fo['tp']}, fp {fo['fp']}, fn {fo['fn']})")
        if name == "OVERALL":
            lines.append(f"  {'code':26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
            for code, m in s["findings"].items():
                lines.append(f"  {code:26} {_fmt(m['precision']):>6} {_fmt(m['recall']):>6} "
                             f"{_fmt(m['f1']):>6} {m['tp']:>4} {m['fp']:>4} {m['fn']:>4}")
            lines.append("  fields:")
            for key, m in s["fields"].items():
                lines.append(f"    {key:32} {_fmt(m['accuracy'])} ({m['correct']}/{m['total']})")
            if s["confusion"]:
                lines.append("  type confusions (truth -> predicted: count):")
                lines += [f"    {k}: {n}" for k, n in s["confusion"].items()]
    return "\n".join(lines) + "\n"


def run_evaluation(truth_dir: Path, reports_dir: Path, json_path: Path | None = None) -> int:
    if not Path(truth_dir).is_dir() or not any(Path(truth_dir).glob("*.json")):
        print(f"claimdocs evaluate: no truth files (*.json) in {truth_dir}", file=sys.stderr)
        return 2
    result = evaluate_dirs(truth_dir, reports_dir)
    sys.stdout.write(render_text(result))
    json_path = json_path or Path(reports_dir) / "evaluation.json"
    write_text_atomic(json_path, json.dumps(result, indent=2, default=str) + "\n")
    print(f"wrote {json_path}", file=sys.stderr)
    return 0
