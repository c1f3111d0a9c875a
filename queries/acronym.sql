-- title: What an acronym stands for
-- description: Glossary entries (Siglas y acrónimos) of every document whose acronym is the one given,
-- description: or whose expansion contains it as a word or phrase; exact acronyms first.
-- param: acronym text "UMF" "An acronym (UMF) or words of its expansion (medicina familiar)"
WITH q AS (SELECT lower(strip_accents(trim($acronym))) AS t)
SELECT g.acronym, g.expansion, g.doc_id, g.line_start
FROM glossary g CROSS JOIN q
WHERE q.t <> ''
  AND (lower(strip_accents(g.acronym)) = q.t OR contains(lower(strip_accents(g.expansion)), q.t))
ORDER BY (lower(strip_accents(g.acronym)) = q.t) DESC, g.acronym, g.doc_id
