-- title: COVID-19 hospital conversion
-- description: Paragraphs about converting hospitals and beds for COVID-19 patients (reconversión
-- description: hospitalaria), with the figures each one quotes.
-- param: doc text "" "Document id; empty for every document"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
SELECT p.doc_id, s.number AS section, s.title AS section_title, p.line_start, p.line_end,
       (SELECT string_agg(f.raw, '; ' ORDER BY f.line, f.fact_id) FROM facts f
         WHERE f.paragraph_id = p.paragraph_id AND f.kind IN ('quantity', 'money', 'percent')) AS figures,
       p.text
FROM paragraphs p
LEFT JOIN sections s ON s.section_id = p.section_id
WHERE regexp_matches(lower(strip_accents(p.text)), 'reconver(sion|tir|tid[oa]s?|siones)')
  AND ($doc = '' OR p.doc_id = $doc)
ORDER BY p.doc_id, p.line_start
