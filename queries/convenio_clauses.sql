-- title: Clauses and obligations of the agreements
-- description: Every clause of the agreements (documents of kind convenio) in order, with the
-- description: text of its paragraphs: object, commitments of each party, term, termination...
-- param: doc text "" "Agreement document id; empty for every agreement"
-- choices doc: SELECT doc_id FROM documents WHERE kind = 'convenio' ORDER BY doc_id
SELECT s.doc_id, s.number, s.title, s.level, s.line_start, s.line_end,
       (SELECT count(*) FROM paragraphs p WHERE p.section_id = s.section_id) AS paragraphs,
       (SELECT string_agg(p.text, ' ¶ ' ORDER BY p.line_start) FROM paragraphs p
         WHERE p.section_id = s.section_id) AS text
FROM sections s
JOIN documents d ON d.doc_id = s.doc_id
WHERE d.kind = 'convenio'
  AND lower(strip_accents(s.part)) = 'clausulas'
  AND s.title <> s.part
  AND ($doc = '' OR s.doc_id = $doc)
ORDER BY s.doc_id, s.ordinal
