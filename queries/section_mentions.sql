-- title: Sections that mention a term
-- description: Sections whose paragraphs contain a word or phrase (case and accents ignored),
-- description: with how many paragraphs mention it and the first of them.
-- param: term text "dengue" "Word or phrase to find (case and accents ignored)"
-- param: doc text "" "Document id; empty for every document"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
SELECT p.doc_id, s.number AS section, s.title AS section_title,
       count(*) AS paragraphs,
       min(p.line_start) AS first_line,
       left(arg_min(p.text, p.line_start), 240) AS first_mention
FROM paragraphs p
LEFT JOIN sections s ON s.section_id = p.section_id
WHERE trim($term) <> ''
  AND contains(lower(strip_accents(p.text)), lower(strip_accents(trim($term))))
  AND ($doc = '' OR p.doc_id = $doc)
GROUP BY p.doc_id, p.section_id, s.number, s.title
ORDER BY p.doc_id, first_line
