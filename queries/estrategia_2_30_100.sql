-- title: Progress of the Estrategia 2·30·100
-- description: Figures quoted in sections about the strategy (its name printed 2·30·100, 2•30•100 or
-- description: 2:30·100) and in any paragraph that names it: hospitals, beds, consulting rooms, staff...
-- param: kind text "" "Only figures of this kind (money, percent, quantity...); empty for all but years and dates"
-- choices kind: SELECT DISTINCT kind FROM facts ORDER BY kind
WITH pattern AS (SELECT '2\s*[·•:.-]\s*30\s*[·•:.-]\s*100' AS re),
about AS (
    SELECT s.doc_id, s.line_start, s.line_end FROM sections s, pattern
    WHERE regexp_matches(s.title, pattern.re)
)
SELECT f.doc_id, s.number AS section, s.title AS section_title, f.line, f.kind, f.value, f.unit,
       f.raw, f.context
FROM facts f
JOIN paragraphs p ON p.paragraph_id = f.paragraph_id
LEFT JOIN sections s ON s.section_id = f.section_id
CROSS JOIN pattern
WHERE (CASE WHEN $kind = '' THEN f.kind NOT IN ('year', 'date', 'identifier') ELSE f.kind = $kind END)
  AND (regexp_matches(p.text, pattern.re)
       OR EXISTS (SELECT 1 FROM about a
                  WHERE a.doc_id = f.doc_id AND f.line BETWEEN a.line_start AND a.line_end))
ORDER BY f.doc_id, f.line, f.fact_id
