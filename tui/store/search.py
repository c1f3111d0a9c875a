"""Full-text search over the prose, headings, exhibits and glossaries of a built database.

Why DuckDB's ``fts`` extension: the database is already DuckDB, so the index lives in the same
file, is built right after the tables (``search_index``), and is queried on the read-only connection
the explorer holds; BM25 ranks paragraphs of very different lengths fairly; and it ships the
Snowball *Spanish* stemmer (``hospital`` finds ``hospitales``) with accent and case folding
(``cesantia`` finds ``cesantía``). The extension is loaded from the ``duckdb-extension-fts`` wheel
with ``LOAD '<path>'`` and never ``INSTALL``-ed, so nothing is downloaded. Where it cannot be
loaded, search falls back to an accent- and case-insensitive substring scan (no stemming, rough
ranking) and says so in :attr:`Hits.notice`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import duckdb

from tui.store.search_index import INDEX_SCHEMA, SPANISH_STOPWORDS, load_fts
from tui.store.search_index import build_search_index as build_search_index  # re-exported

KINDS = ("paragraph", "section", "exhibit", "glossary")
FALLBACK_NOTICE = "full-text extension unavailable: plain accent-insensitive matching, without stemming"
MISSING_NOTICE = "this database has no search index; run `imss build` to add it"


_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]+)"')
_SNIPPET = 180
_CANDIDATES = 200
"""Rows read from the index before phrase filtering and paging."""


class SearchError(RuntimeError):
    """The search cannot run on this database; the message is one line for the user."""


@dataclass(slots=True)
class Hit:
    kind: str
    doc_id: str
    ref_id: str
    """paragraph_id, section_id, exhibit_id or the glossary acronym."""
    section_id: str | None
    title: str
    snippet: str
    """An excerpt with the matched words marked «like this»."""
    score: float
    line: int | None
    text: str = ""
    """The same excerpt unmarked; ``spans`` index into it."""
    spans: list[tuple[int, int]] = field(default_factory=list)


class Hits(list):
    """A list of :class:`Hit` with a ``notice`` when the answer is degraded (no index, no stemming)."""

    notice: str | None = None


_ACCENTED = "áàâäãåéèêëíìîïóòôöõúùûüñçýÿ"
_FOLD = str.maketrans(_ACCENTED, "aaaaaaeeeeiiiiooooouuuuncyy")


def fold(text: str) -> str:
    """Lower case without accents (``Cesantía`` -> ``cesantia``), as the index sees words.

    Keeps every character at its offset (so matches found in the folded text mark the original)
    unless a rare letter changes length when lower-cased or decomposed.
    """
    low = text.lower().translate(_FOLD)
    if low.isascii() or len(low) != len(text):
        return low
    return "".join(
        "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))[:1] or ch
        if not ch.isascii()
        else ch
        for ch in low
    )


def search(
    con: duckdb.DuckDBPyConnection,
    terms: str,
    doc: str | None = None,
    kind: str | None = None,
    limit: int = 20,
) -> Hits:
    """The best matches for ``terms``, best first; empty for an empty or stop-word-only query.

    Words are matched on their Spanish stem, ignoring case and accents; all words must occur
    (when no record has them all, any word will do). ``"quoted phrases"`` must occur as written
    (accents and case aside). Punctuation and SQL in ``terms`` are only text.

    Raises:
        SearchError: the database has no ``search_docs`` table (built by an older version).
    """
    hits = Hits()
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    words = [w for w in _WORD.findall(fold(terms or "")) if w not in SPANISH_STOPWORDS]
    if not words or limit <= 0:
        return hits
    if not _has_table(con, "search_docs"):
        raise SearchError(MISSING_NOTICE)
    phrases = [" ".join(_WORD.findall(fold(p))) for p in _PHRASE.findall(terms)]
    indexed = _has_table(con, "docs", INDEX_SCHEMA) and load_fts(con)
    if indexed:
        stems = _stems(con, words)
        rows = _bm25(con, sorted(stems), doc, kind, phrases, limit, conjunctive=True)
        if not rows and len(stems) > 1 and not phrases:
            rows = _bm25(con, sorted(stems), doc, kind, phrases, limit, conjunctive=False)
        labelled = _label_rows(con, fold(terms), doc, kind)
        if labelled:
            seen = {r[2] for r in labelled}
            rows = (labelled + [r for r in rows if r[2] not in seen])[:limit]
    else:
        hits.notice = FALLBACK_NOTICE
        rows = _scan(con, words, doc, kind, phrases, limit)
        stems = None
    marker = _Marker(con, words, stems)
    marker.prime([row[5] or "" for row in rows])
    hits.extend(_hit(row, marker) for row in rows)
    return hits


def _has_table(con: duckdb.DuckDBPyConnection, name: str, schema: str = "main") -> bool:
    # A failed zero-row select costs a tenth of a catalog query.
    try:
        con.execute(f'SELECT 1 FROM "{schema}"."{name}" LIMIT 0')
    except duckdb.CatalogException:
        return False
    return True


_COLUMNS = "d.kind, d.doc_id, d.ref_id, d.section_id, d.title, d.body, d.line"


def _filters(doc: str | None, kind: str | None, phrases: list[str]) -> tuple[str, list]:
    sql, params = "", []
    if doc is not None:
        sql, params = sql + " AND d.doc_id = ?", [*params, doc]
    if kind is not None:
        sql, params = sql + " AND d.kind = ?", [*params, kind]
    return sql, params


def _with_phrases(rows: list[tuple], phrases: list[str], limit: int) -> list[tuple]:
    """Keep rows whose text holds every phrase, word for word (case, accents, punctuation aside)."""
    if not phrases:
        return rows[:limit]
    kept = []
    for row in rows:
        words = " " + " ".join(_WORD.findall(fold(row[5] or ""))) + " "
        if all(f" {p} " in words for p in phrases):
            kept.append(row)
    return kept[:limit]


_BM25 = f"""
WITH q AS (SELECT DISTINCT unnest(string_split(?, ' ')) AS t),
qt AS (SELECT termid, df FROM {INDEX_SCHEMA}.dict JOIN q ON term = t),
tf AS (SELECT docid, termid, count(*) AS tf FROM {INDEX_SCHEMA}.terms
       WHERE termid IN (SELECT termid FROM qt) GROUP BY docid, termid),
hit AS (SELECT docid FROM tf GROUP BY docid HAVING count(*) >= ?),
scored AS (
    SELECT x.name AS id, sum(
        ln((st.num_docs - qt.df + 0.5) / (qt.df + 0.5) + 1)
        * tf.tf * 2.2 / (tf.tf + 1.2 * (0.25 + 0.75 * x.len / st.avgdl))) AS score
    FROM tf JOIN hit USING (docid) JOIN qt USING (termid) JOIN {INDEX_SCHEMA}.docs x USING (docid)
    CROSS JOIN {INDEX_SCHEMA}.stats st GROUP BY x.name
)
SELECT s.id, s.score FROM scored s JOIN search_entries d ON d.id = s.id WHERE true"""
"""Okapi BM25 (k1 = 1.2, b = 0.75, as the extension's ``match_bm25``) computed once for the
matching postings only; the extension's macro evaluates per row and is several times slower.
The filters read ``search_entries``, not the ``search_docs`` view: its join with the paragraphs'
texts would cost a scan of all of them."""


def _bm25(con, stems: list[str], doc, kind, phrases, limit: int, *, conjunctive: bool) -> list[tuple]:
    where, params = _filters(doc, kind, phrases)
    sql = f"{_BM25}{where} ORDER BY s.score DESC, s.id LIMIT ?"
    need = len(stems) if conjunctive else 1
    ranked = con.execute(sql, [" ".join(stems), need, *params, _CANDIDATES if phrases else limit]).fetchall()
    return _with_phrases(_fetch(con, ranked), phrases, limit)


_FETCH = """
WITH d AS (
    SELECT e.id, e.kind, e.doc_id, e.ref_id, e.section_id, e.title, e.line,
           coalesce(e.body, (SELECT p.text FROM paragraphs p WHERE p.paragraph_id = e.ref_id)) AS body
    FROM search_entries e WHERE e.id IN ({ids})
)
SELECT d.id, {columns} FROM d"""
"""The ranked records with their texts: the ``search_docs`` view, for these ids only (the view's
join would hash every paragraph's text: twice the time)."""


def _fetch(con, ranked: list[tuple[int, float]]) -> list[tuple]:
    """The records of ranked ids, in rank order: texts are read only for these rows."""
    if not ranked:
        return []
    ids = ",".join(str(int(i)) for i, _ in ranked)  # integers from the index, safe to inline
    rows = {r[0]: r[1:] for r in con.execute(_FETCH.format(ids=ids, columns=_COLUMNS)).fetchall()}
    return [(*rows[i], score) for i, score in ranked if i in rows]


_LABEL = re.compile(r"\b(cuadro|tabla|grafica)\s+((?:[ivxlc]+|\d+)(?:[.-]\d+)*)")


def _label_rows(con, folded: str, doc, kind) -> list[tuple]:
    """Exhibits named in the query (``Cuadro II.3``) come first, whatever BM25 says."""
    if kind not in (None, "exhibit"):
        return []
    rows = []
    for word, number in _LABEL.findall(folded):
        where, params = _filters(doc, "exhibit", [])
        sql = (
            f"SELECT {_COLUMNS}, 1e6 AS score FROM search_entries d "  # exhibits keep their body there
            f"WHERE starts_with(lower(strip_accents(d.title)), ?){where} ORDER BY d.id"
        )
        rows += con.execute(sql, [f"{word} {number}.", *params]).fetchall()
    return rows


def _scan(con, words: list[str], doc, kind, phrases, limit: int) -> list[tuple]:
    where, params = _filters(doc, kind, phrases)
    folded = "lower(strip_accents(d.body))"
    conds = " AND ".join(f"contains({folded}, ?)" for _ in words)
    score = " + ".join(
        f"(length({folded}) - length(replace({folded}, ?, ''))) / {max(1, len(w))}" for w in words
    )
    sql = (
        f"SELECT {_COLUMNS}, ({score}) * 1.0 / (1 + ln(1 + length(d.body))) AS score FROM search_docs d "
        f"WHERE {conds}{where} ORDER BY score DESC, d.id LIMIT ?"
    )
    rows = con.execute(sql, [*words, *words, *params, _CANDIDATES if phrases else limit]).fetchall()
    return _with_phrases(rows, phrases, limit)


def _stem_all(con, words: list[str]) -> list[tuple[str, str]]:
    """(word, Spanish stem) pairs in one statement (a string parameter: list parameters are slow)."""
    sql = "SELECT w, stem(w, 'spanish') FROM (SELECT unnest(string_split(?, ' ')) AS w)"
    return con.execute(sql, [" ".join(words)]).fetchall()


def _stems(con, words: list[str]) -> set[str]:
    return {s for _, s in _stem_all(con, words)}


class _Marker:
    """Finds the words of a text that match the query: same stem, or (no index) containing a term.

    Candidates come from one regex over the folded text (a Spanish stem is a prefix of the folded
    word), and only candidates are stemmed, so long exhibit texts cost little.
    """

    def __init__(self, con, words: list[str], stems: set[str] | None) -> None:
        self.con, self.stems = con, stems
        if stems is None:
            alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
            self.pattern = re.compile(rf"\w*(?:{alts})\w*")
        else:
            alts = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True) if s)
            self.pattern = re.compile(rf"\b(?:{alts or '(?!)'})\w*")
        self.cache: dict[str, bool] = {}

    def candidates(self, text: str) -> list[re.Match[str]]:
        folded = fold(text)
        return list(self.pattern.finditer(folded)) if len(folded) == len(text) else []

    def prime(self, texts: list[str]) -> None:
        new = {m.group(0) for t in texts for m in self.candidates(t)} - self.cache.keys()
        if self.stems is None:
            self.cache.update(dict.fromkeys(new, True))
        elif new:
            self.cache.update({w: s in self.stems for w, s in _stem_all(self.con, sorted(new))})

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = self.candidates(text)
        if any(m.group(0) not in self.cache for m in found):
            self.prime([text])
        return [m.span() for m in found if self.cache.get(m.group(0))]


def _hit(row: tuple, marker: _Marker) -> Hit:
    kind, doc_id, ref_id, section_id, title, body, line, score = row
    body = body or ""
    spans = marker.spans(body)
    text, spans = _excerpt(body, spans)
    return Hit(
        kind, doc_id, ref_id, section_id, title or "", _mark(text, spans), float(score), line, text, spans
    )


def _excerpt(body: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """About ``_SNIPPET`` characters around the first match, cut at word boundaries."""
    if len(body) <= _SNIPPET:
        return body, spans
    first = spans[0][0] if spans else 0
    a = max(0, first - _SNIPPET // 3)
    if a:
        a = body.find(" ", a) + 1 or a
    b = min(len(body), a + _SNIPPET)
    if b < len(body):
        b = body.rfind(" ", a, b) if body.rfind(" ", a, b) > first else b
    prefix, suffix = ("…" if a else ""), ("…" if b < len(body) else "")
    shift = len(prefix) - a
    inside = [(s + shift, e + shift) for s, e in spans if s >= a and e <= b]
    return prefix + body[a:b] + suffix, inside


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for s, e in spans:
        out.append(text[last:s] + "«" + text[s:e] + "»")
        last = e
    return "".join(out) + text[last:]
