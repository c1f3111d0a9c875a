"""Giving a parsed document another id, e.g. when two files are the same report."""

from __future__ import annotations

from dataclasses import fields

from tui.corpus.model import Document

_ID_FIELDS = ("doc_id", "section_id", "parent_id", "paragraph_id", "exhibit_id", "fact_id")


def _move(value, old: str, new: str):
    if isinstance(value, str) and (value == old or value.startswith(old + ":")):
        return new + value[len(old) :]
    return value


def rekey_document(doc: Document, new: str) -> None:
    """Rewrite every id of ``doc`` that starts with its old ``doc_id`` in place."""
    old = doc.doc_id
    records = [
        *doc.sections,
        *doc.paragraphs,
        *doc.footnotes,
        *doc.glossary,
        *doc.exhibits,
        *doc.checks,
        *doc.facts,
    ]
    for rec in records:
        for f in fields(rec):
            if f.name in _ID_FIELDS:
                setattr(rec, f.name, _move(getattr(rec, f.name), old, new))
    doc.exhibit_refs = [(_move(p, old, new), _move(e, old, new)) for p, e in doc.exhibit_refs]
    doc.fact_cells = [(_move(f, old, new), _move(e, old, new), r, c) for f, e, r, c in doc.fact_cells]
    doc.doc_id = new
