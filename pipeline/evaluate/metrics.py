"""Scoring one report against one truth file (format: sample_docs/TRUTH_FORMAT.md).

Pure functions over plain JSON (the report as written, the truth as labelled), so users can
score their own labelled claim files and the evaluator is tested on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

#: fields compared as whole-list sets of strings
_SET_FIELDS = {"body_parts"}
#: list fields scored as entry recall/precision, not as one field
_RECORD_FIELDS = {"ur.records_reviewed", "qme.records_reviewed"}
_HONORIFICS = re.compile(
    r"\b(dr|mr|mrs|ms|md|do|dc|phd|psyd|pa-c|pa|np|rn|facs|faaos|esq|jr|sr|qme|ame|m\.d|"
    r"pt|dpt|mpt|ot|otr|otr/l|pta|lac|l\.ac|lcsw|mft|cpc|ccm|"
    r"cht|atc|ocs|scs|cscs|cota|mph|fnp|aprn|dnp|dpm|dds|dmd|lvn|lpn|bsn|msn|facp|facoem|"
    r"faapmr|fccp|cime|mba)\b\.?",
    re.I)
#: a trailing run of credentials after a comma ("Jane Roe, OTR/L, CHT"): not a "Last, First"
_TRAILING_CREDENTIALS = re.compile(
    r"(?:\s*,?\s*\b(?:m\.?\s?d|d\.?\s?o|d\.?\s?c|ph\.?\s?d|psy\.?\s?d|pa-c|pa|np|rn|facs|faaos|"
    r"esq|jr|sr|qme|ame|pt|dpt|mpt|ot|otr(?:/l)?|pta|l\.?ac|lcsw|mft|cpc|ccm|cht|atc|ocs|scs|"
    r"cscs|cota|mph|fnp|aprn|dnp|dpm|dds|dmd|lvn|lpn|bsn|msn|facp|facoem|faapmr|fccp|cime|"
    r"mba)\b\.?)+\s*$", re.I)


def norm_text(value: Any) -> str:
    text = str(value).lower()
    text = re.sub(r"[^a-z0-9%/.-]+", " ", text)
    return " ".join(text.replace(".", " ").split())


def norm_name(value: Any) -> str:
    text = _TRAILING_CREDENTIALS.sub("", str(value)).strip(" ,")
    if "," in text and not re.search(r",\s*(md|do|dc|phd|m\.d\.)", text, re.I):
        last, _, first = text.partition(",")
        text = f"{first} {last}"
    text = _HONORIFICS.sub(" ", text.lower())
    tokens = [t for t in re.sub(r"[^a-z' -]+", " ", text).split() if len(t) > 1]
    return " ".join(tokens)


def values_equal(key: str, truth: Any, pred: Any) -> bool:
    """Does a predicted value count as the truth's value for field ``key``?"""
    if truth is None or pred is None or truth == [] or pred == []:
        return (truth in (None, [])) and (pred in (None, []))
    leaf = key.rsplit(".", 1)[-1]
    if isinstance(truth, bool) or isinstance(pred, bool):
        return bool(truth) == bool(pred) and isinstance(pred, bool) == isinstance(truth, bool)
    if isinstance(truth, (int, float)) and not isinstance(truth, bool):
        try:
            return abs(float(pred) - float(truth)) < 0.01
        except (TypeError, ValueError):
            return False
    if leaf in _SET_FIELDS or (isinstance(truth, list) and truth and isinstance(truth[0], str)):
        if not isinstance(pred, list):
            return False
        return {norm_text(v) for v in truth} == {norm_text(v) for v in pred}
    if leaf == "treatments":
        return treatment_decisions(truth, pred)[0] == len(truth) == len(pred)
    if leaf == "impairments":
        # A report may rate a part twice (summary table and body text); the truth lists the
        # figures the report states as its rating, i.e. the summary when there is one.
        summary = [row for row in pred if isinstance(row, dict) and row.get("where") == "summary"]
        rows = summary or pred
        unique = {(row.get("body_part"), row.get("wpi")): row for row in rows
                  if isinstance(row, dict)}
        return _rows(truth, ("body_part", "wpi")) == _rows(list(unique.values()),
                                                          ("body_part", "wpi"))
    if leaf == "apportionment":
        keys = ("body_part", "industrial_pct", "nonindustrial_pct")
        return _rows(truth, keys) == _rows(pred, keys)
    if isinstance(truth, list):
        return truth == pred
    if leaf in {"author", "claimant_name", "reviewer_name", "requesting_physician",
                "evaluator_name"}:
        a, b = norm_name(truth), norm_name(pred)
        return a == b or (bool(a) and set(a.split()) == set(b.split()))
    return norm_text(truth) == norm_text(pred)


def _rows(rows: Any, keys: tuple[str, ...]) -> Counter:
    out: Counter = Counter()
    for row in rows or []:
        if not isinstance(row, dict):
            continue
        out[tuple(norm_text(row.get(k)) if isinstance(row.get(k), str)
                  else (None if row.get(k) is None else round(float(row.get(k)), 1))
                  for k in keys)] += 1
    return out


def get_path(doc: dict, key: str) -> Any:
    value: Any = doc
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def treatment_decisions(truth: list[dict], pred: list[dict]) -> tuple[int, int]:
    """(correct, total) decisions of truth rows, each paired with the most similar unused
    predicted row by description (or by position when descriptions say nothing)."""
    used: set[int] = set()
    correct = 0
    for i, row in enumerate(truth):
        best, best_score = None, -1.0
        for j, cand in enumerate(pred or []):
            if j in used:
                continue
            score = fuzz.token_set_ratio(norm_text(row.get("description", "")),
                                         norm_text(cand.get("description", "")))
            if row.get("cpt") and cand.get("cpt") and str(row["cpt"]) == str(cand["cpt"]):
                score += 50
            if j == i:
                score += 5
            if score > best_score:
                best, best_score = j, score
        if best is not None and best_score >= 50:
            used.add(best)
            if row.get("decision") == pred[best].get("decision"):
                correct += 1
    return correct, len(truth)


def record_matches(truth: list[dict], pred: list[dict]) -> int:
    """How many truth records-reviewed entries a predicted entry matches (one-to-one): same
    date and a similar description (or the only entry of that date on both sides)."""
    used: set[int] = set()
    hits = 0
    for row in truth:
        candidates = [j for j, p in enumerate(pred or [])
                      if j not in used and p.get("date") == row.get("date")]
        if not candidates:
            continue
        scored = sorted(((fuzz.token_set_ratio(norm_text(row.get("description", "")),
                                               norm_text(pred[j].get("description", ""))), j)
                         for j in candidates), reverse=True)
        score, j = scored[0]
        same_day_truth = sum(1 for r in truth if r.get("date") == row.get("date"))
        if score >= 50 or (len(candidates) == 1 and same_day_truth == 1):
            used.add(j)
            hits += 1
    return hits


@dataclass
class Tally:
    """Counts that add up across claim files (micro averages)."""

    boundaries_tp: int = 0
    boundaries_fp: int = 0
    boundaries_fn: int = 0
    docs: int = 0
    types_correct: int = 0
    confusion: Counter = field(default_factory=Counter)          # (truth, pred) -> n
    fields: dict[str, list[int]] = field(default_factory=dict)    # key -> [correct, total]
    field_misses: list[dict] = field(default_factory=list)
    treatments: list[int] = field(default_factory=lambda: [0, 0])
    records: dict[str, list[int]] = field(default_factory=dict)  # block -> [hits, truth, pred]
    findings: dict[str, list[int]] = field(default_factory=dict)  # code -> [tp, fp, fn]
    finding_misses: list[dict] = field(default_factory=list)
    checklist: list[int] = field(default_factory=lambda: [0, 0])
    claim_files: int = 0
    exact_splits: int = 0

    def add(self, other: Tally) -> None:
        self.boundaries_tp += other.boundaries_tp
        self.boundaries_fp += other.boundaries_fp
        self.boundaries_fn += other.boundaries_fn
        self.docs += other.docs
        self.types_correct += other.types_correct
        self.confusion.update(other.confusion)
        for key, (c, t) in other.fields.items():
            slot = self.fields.setdefault(key, [0, 0])
            slot[0] += c
            slot[1] += t
        self.field_misses += other.field_misses
        self.treatments = [a + b for a, b in zip(self.treatments, other.treatments)]
        for key, counts in other.records.items():
            slot = self.records.setdefault(key, [0, 0, 0])
            for i in range(3):
                slot[i] += counts[i]
        for key, counts in other.findings.items():
            slot = self.findings.setdefault(key, [0, 0, 0])
            for i in range(3):
                slot[i] += counts[i]
        self.finding_misses += other.finding_misses
        self.checklist = [a + b for a, b in zip(self.checklist, other.checklist)]
        self.claim_files += other.claim_files
        self.exact_splits += other.exact_splits


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def map_documents(truth_docs: list[dict], pred_docs: list[dict]) -> dict[str, dict | None]:
    """Truth id -> the predicted document with the largest page overlap in the same source."""
    mapping: dict[str, dict | None] = {}
    for tdoc in truth_docs:
        best, best_overlap = None, 0
        for pdoc in pred_docs:
            if pdoc.get("source") != tdoc.get("source"):
                continue
            overlap = (min(tdoc["page_end"], pdoc["page_end"])
                       - max(tdoc["page_start"], pdoc["page_start"]) + 1)
            if overlap > best_overlap:
                best, best_overlap = pdoc, overlap
        mapping[tdoc["id"]] = best
    return mapping


def score_claim(truth: dict, report: dict | None) -> Tally:
    report = report or {}
    tally = Tally(claim_files=1)
    truth_docs = truth.get("documents", [])
    pred_docs = report.get("documents", [])

    truth_bounds = {(d["source"], d["page_start"]) for d in truth_docs}
    pred_bounds = {(d["source"], d["page_start"]) for d in pred_docs}
    tally.boundaries_tp = len(truth_bounds & pred_bounds)
    tally.boundaries_fp = len(pred_bounds - truth_bounds)
    tally.boundaries_fn = len(truth_bounds - pred_bounds)
    truth_spans = {(d["source"], d["page_start"], d["page_end"]) for d in truth_docs}
    pred_spans = {(d["source"], d["page_start"], d["page_end"]) for d in pred_docs}
    tally.exact_splits = int(bool(truth_docs) and truth_spans == pred_spans)

    mapping = map_documents(truth_docs, pred_docs)
    for tdoc in truth_docs:
        pdoc = mapping[tdoc["id"]] or {}
        tally.docs += 1
        ptype = pdoc.get("type", "(none)")
        tally.confusion[(tdoc["type"], ptype)] += 1
        tally.types_correct += int(ptype == tdoc["type"])
        for key, expected in tdoc.get("fields", {}).items():
            if key.startswith("_"):
                continue
            got = get_path(pdoc, key) if pdoc else None
            if key == "duplicate_of":
                got = _truth_id_of(got, mapping)
            if key in _RECORD_FIELDS:
                slot = tally.records.setdefault(key.split(".")[0], [0, 0, 0])
                slot[0] += record_matches(expected or [], got or [])
                slot[1] += len(expected or [])
                slot[2] += len(got or [])
                continue
            if key.endswith(".treatments") and expected:
                correct, total = treatment_decisions(expected, got or [])
                tally.treatments[0] += correct
                tally.treatments[1] += total
            ok = values_equal(key, expected, got)
            slot = tally.fields.setdefault(key, [0, 0])
            slot[0] += int(ok)
            slot[1] += 1
            if not ok:
                tally.field_misses.append({"claim_id": truth.get("claim_id"), "document": tdoc["id"],
                                           "field": key, "expected": expected, "found": got})

    _score_findings(truth, report, mapping, tally)

    pred_rows = {(name, row.get("item")): row.get("status")
                 for name, rows in (report.get("checklists") or {}).items() for row in rows}
    for name, rows in (truth.get("checklists") or {}).items():
        for row in rows:
            tally.checklist[1] += 1
            tally.checklist[0] += int(pred_rows.get((name, row["item"])) == row["status"])
    return tally


def _truth_id_of(pred_id: str | None, mapping: dict[str, dict | None]) -> str | None:
    if pred_id is None:
        return None
    for truth_id, pdoc in mapping.items():
        if pdoc and pdoc.get("id") == pred_id:
            return truth_id
    return f"(unmapped {pred_id})"


def _score_findings(truth: dict, report: dict, mapping: dict[str, dict | None],
                    tally: Tally) -> None:
    def pred_id(truth_id: str | None) -> str | None:
        if truth_id is None:
            return None
        pdoc = mapping.get(truth_id)
        return pdoc.get("id") if pdoc else f"(missing {truth_id})"

    predicted = list(report.get("findings") or [])
    used: set[int] = set()
    for tf in truth.get("findings", []):
        code = tf["code"]
        slot = tally.findings.setdefault(code, [0, 0, 0])
        want_doc = pred_id(tf.get("document"))
        want_related = {pred_id(r) for r in tf.get("related") or []}
        hit = None
        for j, pf in enumerate(predicted):
            if j in used or pf.get("code") != code or pf.get("document") != want_doc:
                continue
            if want_related and not want_related & set(pf.get("related") or []):
                continue
            if code == "MISSING_DOCUMENT":
                td, pd_ = tf.get("details") or {}, pf.get("details") or {}
                if (td.get("checklist"), td.get("item")) != (pd_.get("checklist"), pd_.get("item")):
                    continue
            hit = j
            break
        if hit is None:
            slot[2] += 1
            tally.finding_misses.append({"claim_id": truth.get("claim_id"), "kind": "missed",
                                         "code": code, "document": tf.get("document"),
                                         "why": tf.get("why")})
        else:
            used.add(hit)
            slot[0] += 1
    for j, pf in enumerate(predicted):
        if j not in used:
            tally.findings.setdefault(pf.get("code", "?"), [0, 0, 0])[1] += 1
            tally.finding_misses.append({"claim_id": truth.get("claim_id"), "kind": "false alarm",
                                         "code": pf.get("code"), "document": pf.get("document"),
                                         "message": pf.get("message")})
