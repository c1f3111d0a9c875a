-- title: Compare an indicator across the annual reports
-- description: Figures about one indicator in every annual report (informe), oldest first: numbers
-- description: quoted in a sentence that names it, and table cells whose row label or table title names it.
-- param: term text "consultas de Medicina Familiar" "Indicator wording, e.g. cirugías, camas, plazas (case and accents ignored)"
WITH reports AS (SELECT doc_id, period FROM documents WHERE kind = 'informe'),
needle AS (SELECT lower(strip_accents(trim($term))) AS t),
prose AS (
    SELECT r.period, f.doc_id, 'text' AS source, f.line, f.value, f.unit, f.raw, f.context AS context
    FROM facts f JOIN reports r USING (doc_id) CROSS JOIN needle
    WHERE needle.t <> '' AND f.kind IN ('quantity', 'money', 'percent')
      AND contains(lower(strip_accents(f.context)), needle.t)
),
cells AS (
    SELECT r.period, e.doc_id, e.label, c.line, c.value, NULL, c.text,
           concat_ws(' | ', e.title, lbl.text, col.name)
    FROM exhibit_cells c
    JOIN exhibits e USING (exhibit_id)
    JOIN reports r ON r.doc_id = e.doc_id
    LEFT JOIN exhibit_cells lbl ON lbl.exhibit_id = c.exhibit_id AND lbl."row" = c."row" AND lbl.col = 0
    LEFT JOIN exhibit_columns col ON col.exhibit_id = c.exhibit_id AND col.col = c.col
    CROSS JOIN needle
    WHERE needle.t <> '' AND c.col > 0 AND c.value IS NOT NULL
      AND (contains(lower(strip_accents(coalesce(lbl.text, ''))), needle.t)
           OR contains(lower(strip_accents(coalesce(e.title, ''))), needle.t))
)
SELECT * FROM prose
UNION ALL
SELECT * FROM cells
ORDER BY period, doc_id, line, source
