-- title: Figures in the text that come from a table
-- description: Numbers quoted in a paragraph that are also printed in a table cell of the same
-- description: document, with the exhibit, row and column they match.
-- param: doc text "" "Document id; empty for every document"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
SELECT f.doc_id, f.line, f.raw, f.value, e.label, e.line_start AS exhibit_line,
       r.text AS row_label, h.name AS column_name, f.context
FROM fact_cells fc
JOIN facts f USING (fact_id)
JOIN exhibits e ON e.exhibit_id = fc.exhibit_id
LEFT JOIN exhibit_cells r ON r.exhibit_id = fc.exhibit_id AND r."row" = fc."row" AND r.col = 0
LEFT JOIN exhibit_columns h ON h.exhibit_id = fc.exhibit_id AND h.col = fc.col
WHERE $doc = '' OR f.doc_id = $doc
ORDER BY f.doc_id, f.line, e.line_start
