"""Reading an `ordito-plan` file from disk into plain Python data, refusing what is unsafe to read.

A file is JSON (RFC 8259) or YAML 1.1 read with PyYAML's safe loader, chosen by its extension
(`.json`, `.yaml`, `.yml`) or, for any other name, by its first character. Nothing here knows the
format's fields: `ordito.interop.plan_format` checks those.
"""

import json
from pathlib import Path
from typing import Any

import yaml

from ordito.interop.report import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024

# libyaml's loader is about ten times faster than the pure-Python one; both are "safe" loaders.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PlanFileError(Exception):
    """The file cannot be read as a document; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def plan_file_read(path: Path) -> Any:
    """Return the document in `path` as dicts, lists and scalars.

    Raises
    ------
    PlanFileError
        When the file is missing, larger than 50 MiB, not UTF-8, not valid JSON or YAML, nested
        too deeply, or uses YAML aliases.
    """
    text = decoded(read_limited(path))
    is_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() not in {".yaml", ".yml"} and text.lstrip()[:1] in {"{", "["}
    )
    try:
        document = parsed_json(text) if is_json else parsed_yaml(text)
    except RecursionError:
        raise PlanFileError(Problem("", "the file nests lists or mappings too deeply")) from None
    if not is_json:
        refuse_shared_containers(document)
    return document


def read_limited(path: Path) -> bytes:
    # The size is checked before reading, and the read is bounded too: a device or a file that
    # grows while being read cannot make the importer swallow more than the limit.
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError(Problem("", too_large_message()))
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PlanFileError(Problem("", "no such file")) from None
    except IsADirectoryError:
        raise PlanFileError(Problem("", "this is a directory, not a file")) from None
    except OSError as error:
        raise PlanFileError(Problem("", f"cannot read the file: {error.strerror}")) from None
    if len(data) > MAX_FILE_BYTES:
        raise PlanFileError(Problem("", too_large_message()))
    return data


def too_large_message() -> str:
    return (
        f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, the most an import reads"
    )


def decoded(data: bytes) -> str:
    try:
        # "utf-8-sig" also accepts (and drops) the byte-order mark some editors write.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanFileError(
            Problem(
                "",
                f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} at offset "
                f"{error.start} cannot be decoded",
            )
        ) from None


def parsed_json(text: str) -> Any:
    def refuse_constant(name: str) -> None:
        raise ValueError(f"{name} is not a JSON number")

    try:
        return json.loads(text, parse_constant=refuse_constant)
    except json.JSONDecodeError as error:
        raise PlanFileError(
            Problem(f"line {error.lineno}, column {error.colno}", f"not valid JSON: {error.msg}")
        ) from None
    except ValueError as error:
        raise PlanFileError(Problem("", f"not valid JSON: {error}")) from None


def parsed_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = " ".join(part for part in (error.context, error.problem) if part)
        raise PlanFileError(Problem(where, f"not valid YAML: {reason}")) from None
    except yaml.YAMLError as error:
        raise PlanFileError(Problem("", f"not valid YAML: {error}")) from None


def refuse_shared_containers(document: Any) -> None:
    """Refuse YAML aliases (`*name`) of lists and mappings.

    An alias makes two places share one object, so a small file can stand for an exponentially
    large document (the "billion laughs" attack); the format never needs them.
    """
    seen: set[int] = set()
    stack = [document]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict | list):
            continue
        if id(node) in seen:
            raise PlanFileError(
                Problem("", "the file uses YAML aliases (*name); write each record out in full")
            )
        seen.add(id(node))
        stack.extend(node.values() if isinstance(node, dict) else node)
