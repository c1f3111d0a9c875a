-- title: Documents and what was read from each
-- description: One row per document: kind, period and how many sections, paragraphs, exhibits
-- description: (and how many of them hold data), glossary entries and figures quoted in the text.
SELECT d.doc_id, d.kind, d.period, d.title,
       (SELECT count(*) FROM sections s WHERE s.doc_id = d.doc_id) AS sections,
       (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.doc_id) AS paragraphs,
       (SELECT count(*) FROM exhibits e WHERE e.doc_id = d.doc_id) AS exhibits,
       (SELECT count(*) FROM exhibits e WHERE e.doc_id = d.doc_id AND e.has_data) AS exhibits_with_data,
       (SELECT count(*) FROM glossary g WHERE g.doc_id = d.doc_id) AS glossary,
       (SELECT count(*) FROM facts f WHERE f.doc_id = d.doc_id) AS figures,
       d.n_lines AS lines
FROM documents d
ORDER BY d.kind, d.period, d.doc_id
