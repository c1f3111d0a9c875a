-- title: Exhibits per chapter and document
-- description: Tables (Cuadro/Tabla) and charts (Gráfica) counted per top-level section, with their labels.
-- param: doc text "" "Document id; empty for every document"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
SELECT e.doc_id,
       coalesce(c.number, '') AS chapter,
       coalesce(c.title, '(outside any chapter)') AS chapter_title,
       count(*) FILTER (WHERE e.kind = 'table') AS tables,
       count(*) FILTER (WHERE e.kind = 'chart') AS charts,
       count(*) FILTER (WHERE e.has_data) AS with_data,
       string_agg(e.label, ', ' ORDER BY e.line_start) AS labels
FROM exhibits e
LEFT JOIN sections c
       ON c.doc_id = e.doc_id AND c.level = 1 AND e.line_start BETWEEN c.line_start AND c.line_end
WHERE $doc = '' OR e.doc_id = $doc
GROUP BY e.doc_id, c.section_id, c.number, c.title
ORDER BY e.doc_id, min(e.line_start)
