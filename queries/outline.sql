-- title: Outline of a document
-- description: Chapters, sections and clauses in reading order, indented by level, with their lines
-- description: and how many paragraphs and exhibits each holds directly.
-- param: doc text "" "Document id; empty for every document"
-- param: max_level int 2 "Deepest level to show (1 = chapters only)"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
SELECT s.doc_id, s.part,
       repeat('  ', s.level - 1) || trim(coalesce(s.number || ' ', '') || s.title) AS heading,
       s.level, s.line_start, s.line_end,
       (SELECT count(*) FROM paragraphs p WHERE p.section_id = s.section_id) AS paragraphs,
       (SELECT count(*) FROM exhibits e WHERE e.section_id = s.section_id) AS exhibits
FROM sections s
WHERE s.level <= $max_level AND ($doc = '' OR s.doc_id = $doc)
ORDER BY s.doc_id, s.ordinal
