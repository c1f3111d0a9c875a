"""Pilot tests of the explorer on a small database built at test time."""

from __future__ import annotations

import ui_fixtures
from ui_fixtures import sync

from tui.ui.app import Settings, make_app
from tui.ui.screens.exhibit import ExhibitScreen
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.data_grid import DataGrid
from tui.ui.widgets.outline_tree import OutlineTree
from tui.ui.widgets.section_reader import SectionReader

small_db = ui_fixtures.small_db


async def settle(pilot, seconds: float = 0.05) -> None:
    """Let workers finish and their messages be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ready(pilot) -> MainScreen:
    for _ in range(100):
        await settle(pilot)
        if isinstance(pilot.app.screen, MainScreen) and pilot.app.screen.shown is not None:
            return pilot.app.screen
    raise AssertionError(f"main screen never ready: {pilot.app.screen}")


def app_for(db):
    return make_app(db, Settings())


async def open_section(pilot, screen: MainScreen, section_id: str):
    from tui.ui.messages import Target

    screen.navigate(Target("section", section_id, section_id.split(":")[0]))
    await settle(pilot)
    return screen.query_one(SectionReader)


async def open_table(pilot, db) -> tuple[ExhibitScreen, DataGrid]:
    screen = await ready(pilot)
    view = await open_section(pilot, screen, "ilpa-2022:s2")
    view.highlighted = next(i for i, b in enumerate(view.blocks) if b.kind == "exhibit")
    await pilot.press("enter")
    await settle(pilot)
    ex = pilot.app.screen
    assert isinstance(ex, ExhibitScreen)
    return ex, ex.query_one(DataGrid)


def texts(view: SectionReader) -> list[str]:
    return [str(view.get_option_at_index(i).prompt).strip() for i in range(view.option_count)]


@sync
async def test_opens_on_first_document(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        tree = screen.query_one(OutlineTree)
        titles = [str(n.label) for n in tree.root.children]
        assert titles[0].startswith("Informe de prueba (2022)")
        assert titles[1].startswith("Plan de prueba")
        assert "5§ 1▤ 1◔" in titles[0]  # counts: sections, tables, charts
        assert str(screen.query_one("#breadcrumb").render()) == "Informe de prueba"


@sync
async def test_keyboard_outline_to_section_and_breadcrumb(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("down", "right", "right", "enter")  # doc -> I -> I.1
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s2"
        assert "Informe de prueba › I Cobertura › I.1 Afiliación" in str(
            screen.query_one("#breadcrumb").render()
        )
        view = screen.query_one(SectionReader)
        assert view.has_focus
        body = texts(view)
        assert body[0] == "I.1 Afiliación"
        assert any(t.startswith("Al cierre de 2022") for t in body)
        # the exhibits sit between paragraphs by line: table (line 28) after the paragraph of line 25
        kinds = [b.kind for b in view.blocks]
        assert kinds == ["heading", "paragraph", "paragraph", "exhibit", "paragraph", "exhibit", "footnote"]
        assert "no data in the source" in body[5]


@sync
async def test_type_ahead_jumps(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        tree = screen.query_one(OutlineTree)
        await pilot.press("p", "l")
        await settle(pilot)
        assert tree.cursor_node.data.ref == "plan-2023"
        await pilot.pause(1.1)  # the typed prefix is forgotten
        await pilot.press("i", "i")
        await settle(pilot)
        assert tree.cursor_node.data.ref.endswith(":s4")  # "II Servicios médicos"


@sync
async def test_next_previous_section_and_history(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await open_section(pilot, screen, "ilpa-2022:s2")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s3"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s1"
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s2"
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s3"
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s1"


@sync
async def test_exhibit_grid_formats_sorts_filters(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        ex, grid = await open_table(pilot, small_db)
        assert grid.data.columns == ["Región", "2019", "2020", "2021", "2022", "Año base"]
        assert grid.visible_display()[0] == ["Norte", "1,200.00", "1,250.50", "1,300.00", "1,410.25", "1990"]
        assert grid.visible_display()[3][1:3] == ["4,500.00", "4,670.50"]  # printed 4'500.00
        assert grid.table.fixed_columns == 1
        # the failed check is marked and explained
        assert grid.data.marks[(3, 4)].startswith("check 'column total': expected 5,061, found 5,060")
        grid.table.focus()
        grid.move_to(0, 4)
        await pilot.press("s")
        assert [r[0] for r in grid.visible_display()] == ["Sur", "Norte", "Centro", "Total"]
        await pilot.press("s")
        assert [r[0] for r in grid.visible_display()] == ["Centro", "Norte", "Sur", "Total"]  # total last
        await pilot.press("s")
        assert [r[0] for r in grid.visible_display()] == ["Norte", "Centro", "Sur", "Total"]
        await pilot.press("f", *"sur", "enter")
        assert [r[0] for r in grid.visible_display()] == ["Sur"]
        assert grid.table.has_focus
        assert grid.cursor_cell() == (2, 4)  # filtering keeps the cursor's row and column
        await pilot.press("f", "escape")
        assert len(grid.visible_display()) == 4 and grid.cursor_cell() == (2, 4)
        await pilot.press("g")
        await settle(pilot)
        assert ex.query_one("#exhibit-views").current == "chart"


@sync
async def test_copy_cell_row_table(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        ex, grid = await open_table(pilot, small_db)
        grid.move_to(1, 2)
        await pilot.press("y")
        assert pilot.app.clipboard == "2,600.00"
        await pilot.press("Y")
        assert pilot.app.clipboard == "Centro\t2,500.00\t2,600.00\t2,555.50\t2,700.00\t1991"
        await pilot.press("T")
        lines = pilot.app.clipboard.split("\n")
        assert lines[0] == "Región\t2019\t2020\t2021\t2022\tAño base" and len(lines) == 5


@sync
async def test_chart_source_and_cited_in(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        ex, grid = await open_table(pilot, small_db)
        grid.move_to(0, 2)
        await pilot.press("g")
        await settle(pilot)
        chart = ex.query_one("ChartView")
        assert ex.query_one("#exhibit-views").current == "chart"
        assert chart.series[0].endswith("(without the total row)")
        assert chart.series[1] == ["Norte", "Centro", "Sur"]
        assert chart.series[2] == [1250.5, 2600.0, 820.0]
        await pilot.press("l")
        assert chart.kind == "line"
        await pilot.press("v")
        assert ex.query_one("#exhibit-views").current == "source"
        source = ex.query_one("#source")
        assert source.option_count == 9  # lines 28..36
        assert str(source.get_option_at_index(0).prompt).startswith("28 │ línea de origen 28")
        await pilot.press("v")
        assert ex.query_one("#exhibit-views").current == "chart"
        await pilot.press("i", "enter")
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        view = main.query_one(SectionReader)
        assert view.current_block().ref == "ilpa-2022:p2"
        await pilot.press("less_than_sign")  # back to the exhibit
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExhibitScreen)


@sync
async def test_chart_without_data_says_so(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        from tui.ui.messages import Target

        screen.navigate(Target("exhibit", "ilpa-2022:grafica-i-1", "ilpa-2022"))
        await settle(pilot)
        ex = pilot.app.screen
        assert ex.query_one("#exhibit-views").current == "cited"
        caption = str(ex.query_one("#exhibit-caption").render())
        assert "data of this chart is not in the source" in caption
        assert "Fuente: IMSS." in caption
        cited = ex.query_one("#cited")
        assert cited.option_count == 1 and cited.has_focus
        assert "La Gráfica I.1 muestra" in str(cited.get_option_at_index(0).prompt)


@sync
async def test_number_opens_fact_and_its_cell(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        view = await open_section(pilot, screen, "ilpa-2022:s2")
        view.focus()
        view.highlighted = 1
        await pilot.press("right")  # first link: the number 5,061.0
        assert view.current_link().kind == "fact"
        await pilot.press("right")
        assert view.current_link().kind == "exhibit"  # then the reference to Cuadro I.1
        await pilot.press("left", "enter")
        await settle(pilot)
        fact = pilot.app.screen
        assert type(fact).__name__ == "FactScreen"
        assert fact.detail.value == 5061.0
        assert fact.detail.cells[0].linked and fact.detail.cells[0].exhibit_id == "ilpa-2022:cuadro-i-1"
        assert {c.doc_id for c in fact.detail.cells} == {"ilpa-2022", "plan-2023"}
        await pilot.press("enter")
        await settle(pilot)
        ex = pilot.app.screen
        assert isinstance(ex, ExhibitScreen)
        assert ex.query_one(DataGrid).cursor_cell() == (3, 4)


@sync
async def test_reference_link_opens_exhibit(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        view = await open_section(pilot, screen, "ilpa-2022:s2")
        view.focus()
        view.highlighted = 4  # "La Gráfica I.1 muestra…"
        await pilot.press("enter", "enter")  # first Enter selects the reference, the second opens it
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExhibitScreen)
        assert pilot.app.screen.target.ref == "ilpa-2022:grafica-i-1"


@sync
async def test_slow_exhibit_read_shows_loading_then_fills(small_db):
    from tui.ui.messages import Target

    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        target = Target("exhibit", "ilpa-2022:cuadro-i-1", "ilpa-2022")
        screen._show_exhibit(target, None, loaded=False)  # what the slow-read timer does
        await pilot.pause()
        ex = pilot.app.screen
        assert isinstance(ex, ExhibitScreen)
        assert ex.waiting and ex.query_one("#exhibit-body").loading
        screen._fetch_exhibit(target)
        await settle(pilot)
        assert pilot.app.screen is ex and not ex.waiting
        assert ex.detail is not None and ex.detail.info.exhibit_id == target.ref
        assert not ex.query_one("#exhibit-body").loading
        assert ex.query_one(DataGrid).table.row_count == len(ex.detail.texts)
        await pilot.press("escape")
        await settle(pilot)
        chart = Target("exhibit", "ilpa-2022:grafica-i-1", "ilpa-2022")
        screen.navigate(chart)
        await settle(pilot)
        assert pilot.app.screen is ex and ex.target == chart
        await pilot.press("escape")
        await settle(pilot)
        node = screen.query_one(OutlineTree).cursor_node
        assert node is not None and node.data.ref == chart.ref  # shown in the outline on return


@sync
async def test_stepping_where_there_is_nothing_says_why(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        view = await open_section(pilot, screen, "ilpa-2022:s2")
        view.focus()
        view.highlighted = next(i for i, b in enumerate(view.blocks) if b.kind == "footnote")
        await pilot.press("right")
        await pilot.pause()
        assert view.link_index is None
        assert any("no number or reference" in n.message for n in pilot.app._notifications)


@sync
async def test_history_ends_say_so(small_db):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert any("Nothing later in the history" in n.message for n in pilot.app._notifications)


@sync
async def test_long_section_is_added_in_chunks_and_reaches_a_deep_paragraph():
    from textual.app import App

    from tui.store.reader import ParagraphView, SectionText
    from tui.ui.widgets import section_reader

    paras = [ParagraphView(f"d:p{i}", "d:s1", 3 * i, 3 * i + 1, f"Párrafo {i}.") for i in range(100)]
    content = SectionText("d", "d:s1", paras, [], [])

    class Host(App):
        def compose(self):
            yield section_reader.SectionReader()

    async with Host().run_test(size=(80, 20)) as pilot:
        view = pilot.app.query_one(section_reader.SectionReader)
        view.show(content, "Sección", [], paragraph_id="d:p60")
        assert section_reader.FIRST_BLOCKS < view.option_count < 101  # the first part only, at once
        assert view.current_block().ref == "d:p60"
        for _ in range(20):
            await pilot.pause(0.02)
        assert view.option_count == 101  # heading + 100 paragraphs, in order
        assert str(view.get_option_at_index(100).prompt).startswith("Párrafo 99")
        view.show(SectionText("d", "d:s2", paras[:3], [], []), "Otra", [])
        for _ in range(10):
            await pilot.pause(0.02)
        assert view.option_count == 4  # chunks of the previous section never arrive late


@sync
async def test_sections_read_again_come_from_memory(small_db, monkeypatch):
    from tui.store import reader

    reads = []
    real = reader.load_section
    monkeypatch.setattr(reader, "load_section", lambda *a: reads.append(a[2]) or real(*a))
    monkeypatch.setattr(reader, "load_library", lambda con: None)  # as if not read yet
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await open_section(pilot, screen, "ilpa-2022:s2")
        await open_section(pilot, screen, "ilpa-2022:s3")
        n = len(reads)
        assert n and screen.library is None
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s2" and len(reads) == n  # back: no second read
        assert "Afiliación" in str(screen.query_one("#breadcrumb").render())


@sync
async def test_a_large_database_keeps_reading_sections_one_by_one(small_db, monkeypatch):
    monkeypatch.setattr("tui.ui.screens.main.LIBRARY_MAX_PARAGRAPHS", 1)
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await settle(pilot, 0.2)
        assert screen.library is None
        await open_section(pilot, screen, "ilpa-2022:s2")
        assert screen.shown.ref == "ilpa-2022:s2"


@sync
async def test_sections_open_from_the_library_once_read(small_db, monkeypatch):
    from tui.store import reader

    reads = []
    real = reader.load_section
    monkeypatch.setattr(reader, "load_section", lambda *a: reads.append(a[2]) or real(*a))
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await settle(pilot, 0.2)
        assert screen.library is not None
        reads.clear()  # the first document's front matter, read before the library
        await open_section(pilot, screen, "ilpa-2022:s2")
        await open_section(pilot, screen, "ilpa-2022:s5")
        assert reads == []  # no query: the text came from the library
        texts = [str(screen.query_one(SectionReader).get_option_at_index(i).prompt) for i in range(2)]
        assert texts[0].startswith("II.1 Consultas")


@sync
async def test_exhibit_given_up_for_a_section_is_not_shown(small_db):
    from tui.ui.messages import Target

    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        screen.navigate(Target("exhibit", "ilpa-2022:cuadro-i-1", "ilpa-2022"))
        screen.navigate(Target("section", "ilpa-2022:s3", "ilpa-2022"))  # before the exhibit is read
        await settle(pilot, 0.3)
        assert pilot.app.screen is screen and screen.shown.ref == "ilpa-2022:s3"


@sync
async def test_q_quits_unless_typing_ahead_and_the_footer_says_how(small_db):
    app = app_for(small_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        tree = screen.query_one(OutlineTree)
        assert tree.has_focus
        footer = str(screen.query_one("#key-footer").render())
        assert footer.rstrip().endswith("^q quit")
        await pilot.press("p", "q")  # a prefix being typed: q is one more letter of it
        await settle(pilot)
        assert tree.typed == "pq" and app.is_running
        await pilot.pause(1.1)  # the typed prefix is forgotten
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


@sync
async def test_chunks_wait_while_covered_and_stop_when_another_place_is_asked_for():
    from textual.app import App
    from textual.screen import Screen

    from tui.store.reader import ParagraphView, SectionText
    from tui.ui.widgets import section_reader

    paras = [ParagraphView(f"d:p{i}", "d:s1", 3 * i, 3 * i + 1, f"Párrafo {i}.") for i in range(100)]
    content = SectionText("d", "d:s1", paras, [], [])

    class Main(Screen):
        def compose(self):
            yield section_reader.SectionReader()

        def on_screen_resume(self) -> None:  # as the main screen does
            self.query_one(section_reader.SectionReader).resume_filling()

    class Host(App):
        CSS = "SectionReader { height: 1fr; max-height: 100%; }"  # as in the main screen

        def on_mount(self):
            self.push_screen(Main())

    async with Host().run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        view = pilot.app.screen.query_one(section_reader.SectionReader)
        await pilot.pause()  # laid out: the first part fills the height only
        view.show(content, "Sección", [])
        first = view.option_count
        assert first < 50
        pilot.app.push_screen(Screen())  # before the first chunk, as an exhibit opened at once
        for _ in range(10):
            await pilot.pause(0.02)
        assert view.option_count == first  # held while covered
        pilot.app.pop_screen()
        for _ in range(20):
            await pilot.pause(0.02)
        assert view.option_count == 101  # all there once it is on top again
        view.show(content, "Sección", [])
        first = view.option_count
        view.stop_filling()  # e.g. the main screen reading the next section
        for _ in range(10):
            await pilot.pause(0.02)
        assert view.option_count == first < 101


@sync
async def test_exhibit_screen_built_ahead_while_the_user_pauses(small_db):
    from tui.ui.screens.main import WARM_UP_SECONDS

    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        focused = pilot.app.focused
        assert not pilot.app.is_screen_installed("exhibit")
        await pilot.pause(WARM_UP_SECONDS * 3)
        assert pilot.app.is_screen_installed("exhibit")
        built = pilot.app.get_screen("exhibit")
        assert built.query_one(DataGrid) is not None  # composed, never shown
        assert pilot.app.screen is screen and len(pilot.app.screen_stack) == 2
        assert pilot.app.focused is focused
        ex, _ = await open_table(pilot, small_db)
        assert ex is built


@sync
async def test_label_column_widens_with_the_terminal():
    from textual.app import App, ComposeResult

    class GridApp(App):
        def compose(self) -> ComposeResult:
            yield DataGrid(id="g")

    label = "Hospital General de Zona con Medicina Familiar No. 1 Tlaxcala"
    columns = ["Unidad", *(f"Periodo {y}" for y in range(2015, 2021))]
    rows = [[label, *[1_234_567.5] * 6], ["Otra", *[2.0] * 6]]

    def frozen(grid) -> int:
        return grid.table.columns[next(iter(grid.table.columns))].width

    app = GridApp()
    async with app.run_test(size=(200, 50)) as pilot:
        grid = app.query_one(DataGrid)
        grid.load(columns, rows, [False, *[True] * 6])
        await pilot.pause()
        assert frozen(grid) == len(label)  # room enough: the whole label
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert frozen(grid) == 28  # the numbers first
        await pilot.resize_terminal(150, 30)
        await pilot.pause()
        assert 28 < frozen(grid) < len(label)


def test_caption_puts_source_and_checks_before_long_notes():
    from types import SimpleNamespace

    from tui.ui.screens.exhibit import NOTES_SHOWN, _caption

    detail = SimpleNamespace(
        info=SimpleNamespace(label="Cuadro I.1", title="Título"),
        subtitle="(personas)",
        source="IMSS.",
        problems=None,
        checks=[object()],
        texts=[["a"]],
        notes="Nota larga. " * 60,
    )
    lines = _caption(detail).plain.split("\n")
    assert lines[1:4] == ["(personas)", "Source: IMSS.", "1 consistency check(s) failed: marked in red"]
    assert lines[4].startswith("Notes: Nota larga.") and lines[4].endswith("… (v: source lines)")
    assert len(lines[4]) < NOTES_SHOWN + 30


@sync
async def test_back_from_an_exhibit_returns_to_the_paragraph_left(small_db):
    from tui.ui.messages import Target

    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await open_section(pilot, screen, "ilpa-2022:s2")
        view = screen.query_one(SectionReader)
        view.highlighted = next(i for i, b in enumerate(view.blocks) if b.ref == "ilpa-2022:p3")
        screen.navigate(Target("exhibit", "ilpa-2022:cuadro-i-1", "ilpa-2022"))
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExhibitScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.shown.ref == "ilpa-2022:s2" and view.current_block().ref == "ilpa-2022:p3"
