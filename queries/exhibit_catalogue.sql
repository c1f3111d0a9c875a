-- title: Catalogue of exhibits
-- description: Every table and chart with its title, size, the database table holding its data
-- description: (query it with SELECT * FROM <table_name>) and what could not be read.
-- param: doc text "" "Document id; empty for every document"
-- param: kind text "" "table or chart; empty for both"
-- choices doc: SELECT doc_id FROM documents ORDER BY doc_id
-- choices kind: SELECT DISTINCT kind FROM exhibits ORDER BY kind
SELECT e.doc_id, e.label, e.kind, e.title, e.subtitle, e.n_rows, e.n_cols, e.table_name,
       e.line_start, e.line_end, e.problems
FROM exhibits e
WHERE ($doc = '' OR e.doc_id = $doc) AND ($kind = '' OR e.kind = $kind)
ORDER BY e.doc_id, e.line_start
