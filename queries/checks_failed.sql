-- title: Tables whose totals do not add up
-- description: Every total or percentage of a table that differs from the sum (or ratio) of its
-- description: parts beyond rounding, with the row label, the column and both figures.
-- param: doc text "" "Document id; empty for every document"
-- choices doc: SELECT DISTINCT doc_id FROM exhibits ORDER BY doc_id
SELECT e.doc_id, e.label, e.title, k."check",
       (SELECT c.text FROM exhibit_cells c
         WHERE c.exhibit_id = k.exhibit_id AND c."row" = k."row" AND c.col = 0 LIMIT 1) AS row_label,
       (SELECT c.name FROM exhibit_columns c
         WHERE c.exhibit_id = k.exhibit_id AND c.col = k.col LIMIT 1) AS column_name,
       k.expected, k.found, round(k.found - k.expected, 6) AS difference,
       e.line_start, e.line_end
FROM exhibit_checks k
JOIN exhibits e USING (exhibit_id)
WHERE $doc = '' OR e.doc_id = $doc
ORDER BY e.doc_id, e.line_start, k."row", k.col
