"""Analyze stage: claim facts, matching, findings, checklists, timeline (see ``stage``)."""
