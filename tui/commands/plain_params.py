"""Typer parameters read without pydantic: ``imss sql`` must start fast in scripts and cron."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def install_plain_coercion() -> None:
    """Read plain ``str``, ``bool``, ``Path`` and ``list[str]`` parameters without pydantic.

    Typer 0.29 builds a pydantic TypeAdapter for every parameter it processes, and importing
    pydantic costs ~0.27 s, more than the rest of an ``imss sql`` run. Parameters with a parser,
    path checks or any other type keep Typer's own coercion. A no-op if Typer's internals moved.
    """
    try:
        import typer.core as core
        from typer._coercion import RuntimeParam
    except ImportError:
        return
    original = getattr(core, "build_runtime_param", None)
    if original is None or getattr(original, "imss_plain", False):
        return

    class Plain(RuntimeParam):
        def _coerce_value(self, value, param, ctx):
            if isinstance(value, list | tuple):
                return [_plain_str(v) for v in value]
            if self.annotation is bool:
                return _plain_bool(value, param, ctx)
            return Path(_plain_str(value)) if self.annotation is Path else _plain_str(value)

    def build(descriptor):
        if _is_plain(descriptor.annotation, descriptor.parameter_info) and descriptor.file_annotation is None:
            return Plain(descriptor.parameter_info, descriptor.annotation)
        return original(descriptor)

    build.imss_plain = True
    core.build_runtime_param = build


def _is_plain(annotation, info) -> bool:
    if getattr(info, "parser", None) is not None:
        return False
    if annotation is Path:
        flags = ("exists", "resolve_path", "allow_dash", "path_type")
        return not any(getattr(info, f, None) for f in flags)
    return annotation in (str, bool) or annotation == list[str]


def _plain_bool(value, param, ctx) -> bool:
    if isinstance(value, bool):
        return value
    text = _plain_str(value).strip().lower()
    if text in ("1", "true", "t", "yes", "y", "on"):
        return True
    if text in ("0", "false", "f", "no", "n", "off"):
        return False
    raise typer.BadParameter(f"{value!r} is not a valid boolean.", ctx=ctx, param=param)


def _plain_str(value) -> str:
    return value.decode(sys.getfilesystemencoding()) if isinstance(value, bytes) else str(value)
