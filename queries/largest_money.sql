-- title: The largest money amounts in a report
-- description: Amounts of money quoted in the text (pesos unless another currency is named),
-- description: largest first, with the section and the sentence around each.
-- param: doc text "" "Document id; empty for every document"
-- param: top int 25 "How many amounts to show"
-- choices doc: SELECT DISTINCT doc_id FROM facts WHERE kind = 'money' ORDER BY doc_id
SELECT f.doc_id, f.value, f.unit, f.raw, f.line,
       s.number AS section, s.title AS section_title, f.context
FROM facts f
LEFT JOIN sections s ON s.section_id = f.section_id
WHERE f.kind = 'money' AND ($doc = '' OR f.doc_id = $doc)
ORDER BY f.value DESC NULLS LAST, f.doc_id, f.line
LIMIT $top
