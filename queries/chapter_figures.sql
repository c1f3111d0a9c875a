-- title: Every figure in a chapter or section
-- description: Numbers quoted in the text and numbers in the tables of one chapter or section,
-- description: in reading order. The section is given by its printed number (I, II.3, PRIMERA...).
-- param: section text "I" "Chapter or section number as printed (I, II.3, PRIMERA)"
-- param: doc text "" "Document id; empty for every document"
-- param: kind text "" "Only figures of this kind (money, percent, quantity, year, date, identifier, table); empty for all"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
-- choices kind: SELECT DISTINCT kind FROM facts UNION SELECT 'table' ORDER BY 1
WITH target AS (
    SELECT doc_id, number, line_start, line_end FROM sections
    WHERE upper(rtrim(trim(number), '.')) = upper(rtrim(trim($section), '.'))
      AND ($doc = '' OR doc_id = $doc)
),
prose AS (
    SELECT f.doc_id, t.number AS section, f.line, 'text' AS source, f.kind, f.value, f.unit, f.raw,
           f.context AS context
    FROM facts f JOIN target t ON f.doc_id = t.doc_id AND f.line BETWEEN t.line_start AND t.line_end
    WHERE $kind = '' OR f.kind = $kind
),
tables AS (
    SELECT e.doc_id, t.number, c.line, e.label, 'table', c.value, NULL, c.text,
           concat_ws(' | ', r.text, h.name)
    FROM exhibit_cells c
    JOIN exhibits e USING (exhibit_id)
    JOIN target t ON e.doc_id = t.doc_id AND e.line_start BETWEEN t.line_start AND t.line_end
    LEFT JOIN exhibit_cells r ON r.exhibit_id = c.exhibit_id AND r."row" = c."row" AND r.col = 0
    LEFT JOIN exhibit_columns h ON h.exhibit_id = c.exhibit_id AND h.col = c.col
    WHERE c.col > 0 AND c.value IS NOT NULL AND $kind IN ('', 'table')
)
SELECT * FROM prose
UNION ALL
SELECT * FROM tables
ORDER BY doc_id, line, source
