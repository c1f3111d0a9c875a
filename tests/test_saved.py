"""Saved query files: header parsing, errors naming file and line, parameters, user folders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui import config
from tui.store.saved import (
    Param,
    ParamError,
    QueryFileError,
    bind,
    convert,
    find_query,
    load_queries,
    parse_assignments,
    parse_file,
    parse_text,
)

GOOD = """-- title: Sections that mention a term
-- description: First line of the description.
-- description: Second line.
-- Free comment: not a header key, ignored.
-- param: term text "dengue" "Word to find"
-- param: top int 10 "How many"
-- param: since date 2024-01-01 "First day"
-- choices term: SELECT DISTINCT acronym FROM glossary
SELECT '$notparam' AS s, "$alsonot" AS t -- $comment
FROM paragraphs WHERE contains(text, $term) AND line_start > $top AND $since IS NOT NULL
/* $block */ LIMIT $top
"""


def test_header_fields() -> None:
    q = parse_text("mentions", GOOD, Path("q/mentions.sql"))
    assert q.title == "Sections that mention a term"
    assert q.description == "First line of the description. Second line."
    assert [(p.name, p.type, p.default, p.help) for p in q.params] == [
        ("term", "text", "dengue", "Word to find"),
        ("top", "int", "10", "How many"),
        ("since", "date", "2024-01-01", "First day"),
    ]
    assert q.param("term").choices_sql == "SELECT DISTINCT acronym FROM glossary"
    assert q.param("top").choices_sql is None
    assert q.sql == GOOD


def test_bind_defaults_and_given_values() -> None:
    q = parse_text("mentions", GOOD, Path("mentions.sql"))
    assert bind(q, {}) == {"term": "dengue", "top": 10, "since": dt.date(2024, 1, 1)}
    assert bind(q, {"top": "3", "term": "cama"}) == {"term": "cama", "top": 3, "since": dt.date(2024, 1, 1)}


def test_bind_rejects_unknown_name_and_bad_value() -> None:
    q = parse_text("mentions", GOOD, Path("mentions.sql"))
    with pytest.raises(ParamError, match=r"has no parameter 'limit' \(parameters: term, top, since\)"):
        bind(q, {"limit": "3"})
    with pytest.raises(ParamError, match=r"'top' must be an int \(e\.g\. 42\), not 'ten'"):
        bind(q, {"top": "ten"})
    with pytest.raises(ParamError, match="'since' must be a date"):
        bind(q, {"since": "31/12/2024"})


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("-- title: x\n-- param: a text\nSELECT $a", 2, "2 fields, not 4"),
        ('-- param: a txt "" "h"\nSELECT $a', 1, "unknown type 'txt'"),
        ('-- param: 1a text "" "h"\nSELECT 1', 1, "bad parameter name '1a'"),
        ('-- param: n int abc "h"\nSELECT $n', 1, "bad default: parameter 'n' must be an int"),
        ('-- param: a text "" "h"\n-- param: a text "" "h"\nSELECT $a', 2, "declared twice"),
        ('-- param: a text "x "h"\nSELECT $a', 1, "bad quoting"),
        ("-- parm: a text\nSELECT 1", 1, "unknown header line '-- parm:'"),
        ("-- choices b: SELECT 1\nSELECT 1", 1, "choices for 'b', which is not a declared parameter"),
        ('-- param: a text "" "h"\n-- choices a:\nSELECT $a', 2, "needs a SELECT"),
        ("-- title: only a header\n", 2, "no SQL after the header"),
        ("-- title: t\nSELECT 1\nFROM t\nWHERE x = $ghost", 4, "$ghost is used but not declared"),
        ('-- param: a text "" "h"\nSELECT 1', 2, "'a' is declared but $a is not used"),
        ('SELECT 1\n-- param: a text "" "h"\n', 2, "must come in the header"),
    ],
)
def test_bad_header_names_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(QueryFileError) as err:
        parse_text("bad", text, Path("mine/bad.sql"))
    assert str(err.value).startswith(f"mine/bad.sql:{line}: ")
    assert message in str(err.value)


def test_title_defaults_to_name_and_capitalised_comments_are_free() -> None:
    q = parse_text("plain", "-- Note: any comment\nSELECT 1", Path("plain.sql"))
    assert (q.title, q.params, q.description) == ("plain", [], "")


def test_convert_types() -> None:
    assert convert(Param("b", "bool", "no", ""), "Sí") is True
    assert convert(Param("b", "bool", "no", ""), "false") is False
    assert convert(Param("f", "float", "0", ""), "1_000.5") == 1000.5
    with pytest.raises(ParamError, match="must be a bool"):
        convert(Param("b", "bool", "no", ""), "maybe")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_int_parameters_round_trip(n: int) -> None:
    assert convert(Param("n", "int", "0", ""), f" {n} ") == n


def test_parse_assignments() -> None:
    assert parse_assignments(["term=a=b", "doc="]) == {"term": "a=b", "doc": ""}
    with pytest.raises(ParamError, match="NAME=VALUE"):
        parse_assignments(["term"])


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.sql"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_folder_beside_shipped_and_overriding(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    _write(shipped, "a", "-- title: shipped a\nSELECT 1")
    _write(shipped, "b", "-- title: shipped b\nSELECT 2")
    _write(user, "b", "-- title: my b\nSELECT 3")
    _write(user, "c", "-- title: my c\nSELECT 4")
    _write(user, "broken", '-- param: x int nope "h"\nSELECT $x')
    queries, errors = load_queries(shipped, user)
    assert [(q.name, q.title, q.origin) for q in queries] == [
        ("a", "shipped a", "shipped"),
        ("b", "my b", "user"),
        ("c", "my c", "user"),
    ]
    assert len(errors) == 1 and errors[0].startswith(f"{user / 'broken.sql'}:1: bad default")
    assert find_query("b", shipped, user).title == "my b"
    assert find_query("a", shipped, user).origin == "shipped"
    assert find_query("zzz", shipped, user) is None
    with pytest.raises(QueryFileError):
        find_query("broken", shipped, user)


def test_missing_user_folder_is_reported(tmp_path: Path) -> None:
    _, errors = load_queries(tmp_path, tmp_path / "nowhere")
    assert errors == [f"{tmp_path / 'nowhere'}: queries folder not found"]


def test_find_query_does_not_leave_its_folders(tmp_path: Path) -> None:
    _write(tmp_path, "secret", "SELECT 1")
    assert find_query("../secret", tmp_path / "sub") is None


def test_not_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.sql"
    path.write_bytes("-- title: acción\nSELECT 1".encode("latin-1"))
    with pytest.raises(QueryFileError, match="latin.sql:1: not UTF-8"):
        parse_file(path)


def test_every_shipped_query_parses() -> None:
    queries, errors = load_queries(config.shipped_queries_dir())
    assert errors == []
    assert len(queries) >= 12
    for q in queries:
        assert q.title != q.name and q.description, q.name
        assert all(p.help for p in q.params), q.name
