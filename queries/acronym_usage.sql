-- title: Acronyms used in the text, and where first
-- description: For each glossary entry, how many paragraphs of the same document use the acronym as a
-- description: word, and the first line; entries never used in the prose come last.
-- param: doc text "" "Document id; empty for every document"
-- choices doc: SELECT DISTINCT doc_id FROM glossary ORDER BY doc_id
WITH words AS (
    SELECT DISTINCT p.doc_id, p.paragraph_id, p.line_start, w.word
    FROM paragraphs p,
         unnest(regexp_extract_all(p.text, '[[:alnum:]/&-]+')) AS w(word)
    WHERE $doc = '' OR p.doc_id = $doc
)
SELECT g.doc_id, g.acronym, g.expansion,
       count(w.paragraph_id) AS paragraphs,
       min(w.line_start) AS first_line
FROM glossary g
LEFT JOIN words w ON w.doc_id = g.doc_id AND w.word = g.acronym
WHERE $doc = '' OR g.doc_id = $doc
GROUP BY g.doc_id, g.acronym, g.expansion
ORDER BY g.doc_id, paragraphs DESC, g.acronym
