"""Text helpers of the explorer: sort keys and trails that fit the screen."""


def test_labels_sort_by_their_numbers():
    from tui.ui.text import natural

    labels = ["10 Tumores malignos", "2 Diabetes mellitus", "1 Enfermedades del corazón", "Árbol", "arce"]
    assert sorted(labels, key=natural) == [
        "1 Enfermedades del corazón",
        "2 Diabetes mellitus",
        "10 Tumores malignos",
        "Árbol",  # as "arbol": accents and case aside
        "arce",
    ]


def test_a_long_trail_keeps_its_end():
    from tui.ui.text import fit_trail

    parts = ["Informe de Labores 2019-2020", "II Dirección de Prestaciones Médicas", "II.1.2 Hospitales"]
    assert fit_trail(parts, 200) == " › ".join(parts)
    assert fit_trail(parts, 60) == "… › II Dirección de Prestaciones Médicas › II.1.2 Hospitales"
    assert fit_trail(parts, 10) == "… › II.1.2 Hospitales"  # the last part, even if cut by the screen
