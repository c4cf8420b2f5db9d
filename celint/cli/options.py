"""The options of ``celint check``, declared once, and a reader for the command lines that need
no more than that.

click builds the ``check`` command from :data:`CHECK` (:mod:`celint.cli.check`): its ``--help``,
its error messages and every spelling it accepts. But importing click costs more than the
interpreter's own start-up, and a pre-commit hook on one staged file is nothing but start-up,
so :func:`read` takes the plain spellings (``--name value``, ``--name=value``, ``-j N``, ``-q``,
``-v``, ``--``, paths) and gives up on anything else: ``--help``, a cluster such as ``-qv``, an
unknown option, a value click would refuse. Then click reads the command line, with its
messages. ``tests/test_cli_options.py`` checks that whatever :func:`read` accepts, click reads
the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from celint.report import FORMATS

#: The kinds of option (see :class:`Option`).
FLAG, TEXT, MULTIPLE = "flag", "text", "multiple"
CHOICE, COUNT, SWITCH = "choice", "count", "switch"


class Option(NamedTuple):
    """One option: its spellings, the parameter it sets and how it reads its value.

    ``kind`` is ``flag`` (on when given), ``text`` (one value, the last one wins), ``multiple``
    (every value, in order), ``choice`` (one of ``choices``), ``count`` (a whole number, 0 or
    more) or ``switch`` (``flags`` holds the on and the off spelling; unset is None).
    """

    flags: tuple[str, ...]
    dest: str
    help: str
    kind: str = FLAG
    choices: tuple[str, ...] = ()
    metavar: str | None = None
    default: Any = None
    show_default: bool = False

    def value(self, text: str) -> Any:
        """The value ``text`` gives this option, or None when click would refuse it (or read it
        differently, as an option name)."""
        if text.startswith("-") and text != "-":
            return None
        if self.kind == CHOICE:
            return text if text in self.choices else None
        if self.kind == COUNT:
            return int(text) if text.isascii() and text.isdigit() else None
        return text


CHECK: tuple[Option, ...] = (
    Option(
        ("--format",),
        "output_format",
        "Output format.",
        CHOICE,
        tuple(FORMATS),
        default="text",
        show_default=True,
    ),
    Option(
        ("-o", "--output-file"),
        "output_file",
        "Write the --format report to FILE (atomically) instead of standard output.",
        TEXT,
        metavar="FILE",
    ),
    Option(
        ("--output-format",),
        "output_formats",
        "Also write the findings in FORMAT to FILE, such as sarif:celint.sarif (repeatable; "
        "the terminal still gets --format).",
        MULTIPLE,
        metavar="FORMAT:FILE",
    ),
    Option(
        ("--select",),
        "select",
        "Only these rules: codes, names or prefixes, comma-separated (CE2,CE401).",
        MULTIPLE,
        metavar="RULES",
    ),
    Option(
        ("--extend-select",),
        "extend_select",
        "Add these rules to the selection (of --select or the configuration).",
        MULTIPLE,
        metavar="RULES",
    ),
    Option(("--ignore",), "ignore", "Skip these rules (same forms).", MULTIPLE, metavar="RULES"),
    Option(
        ("--extend-ignore",),
        "extend_ignore",
        "Skip these rules too, besides --ignore or the configuration's ignore.",
        MULTIPLE,
        metavar="RULES",
    ),
    Option(
        ("--fail-on",),
        "fail_on",
        "Lowest severity that makes the exit code 1.  [default: warning]",
        CHOICE,
        ("error", "warning", "info"),
    ),
    Option(("--exit-zero",), "exit_zero", "Exit 0 even when there are findings."),
    Option(("--all",), "all_documents", "Treat every document as an instance body (no sniffing)."),
    Option(
        ("--stdin-filename",),
        "stdin_filename",
        "Name (and format) for input read from -.",
        TEXT,
        metavar="NAME",
    ),
    Option(
        ("--color", "--no-color"),
        "color",
        "Colour the output (default: on a terminal or when FORCE_COLOR is set; never when "
        "NO_COLOR is set).",
        SWITCH,
    ),
    Option(
        ("--fix",),
        "fix",
        "Apply the safe fixes, write the files (standard input: the fixed text to stdout, the "
        "report to stderr), report the rest.",
    ),
    Option(
        ("--diff",), "diff", "Print the fixes as a unified diff; write nothing (exit 1 if any)."
    ),
    Option(
        ("--show-fixes",),
        "show_fixes",
        "With --fix: list each applied fix (file, line, code, before → after).",
    ),
    Option(
        ("--exit-non-zero-on-fix",),
        "exit_non_zero_on_fix",
        "With --fix: exit 1 when anything was fixed, even if nothing is left.",
    ),
    Option(
        ("--env",),
        "use_env",
        "Substitute ${VAR} references from the environment first: lint the body as it will "
        "be posted (an unset variable is CE405; secrets are never printed).",
    ),
    Option(
        ("--config",),
        "config_file",
        "Read settings from FILE (celint.toml, or a pyproject.toml with [tool.celint]).",
        TEXT,
        metavar="FILE",
    ),
    Option(("--no-config",), "no_config", "Ignore configuration files."),
    Option(
        ("--no-cache",),
        "no_cache",
        "Lint every file afresh: neither read nor write the cache (.celint_cache/, or the "
        "configured cache-dir).",
    ),
    Option(
        ("--statistics",),
        "statistics",
        "Count findings per rule instead of listing them (--format text or json).",
    ),
    Option(
        ("--baseline",),
        "baseline",
        "Report only findings that FILE does not record.",
        TEXT,
        metavar="FILE",
    ),
    Option(
        ("--write-baseline",),
        "write_baseline",
        "Record today's findings in FILE, then report none; with --baseline, prune instead: "
        "keep the entries that still match, add nothing.",
        TEXT,
        metavar="FILE",
    ),
    Option(
        ("--jobs", "-j"),
        "jobs",
        "Lint in N processes (0: automatic; same output either way).",
        COUNT,
        metavar="N",
        default=0,
    ),
    Option(("-q", "--quiet"), "quiet", "Print findings only, no summary line."),
    Option(
        ("-v", "--verbose"),
        "verbose",
        "Also say why each file was linted or skipped, which doc page each finding from the "
        "element catalogue rests on, and which baseline entries are stale.",
    ),
)

#: The parameter that collects the paths of ``check`` and ``validate``.
PATHS = "paths"


def _defaults(options: Sequence[Option]) -> dict[str, Any]:
    found: dict[str, Any] = {PATHS: ()}
    for option in options:
        found[option.dest] = () if option.kind == MULTIPLE else option.default
        if option.kind == FLAG:
            found[option.dest] = False
    return found


def _spellings(options: Sequence[Option]) -> dict[str, tuple[Option, Any]]:
    """Each spelling, with its option and, for flags and switches, the value it sets."""
    found: dict[str, tuple[Option, Any]] = {}
    for option in options:
        if option.kind == SWITCH:
            found[option.flags[0]], found[option.flags[1]] = (option, True), (option, False)
        else:
            found.update((flag, (option, True)) for flag in option.flags)
    return found


def read(args: Sequence[str], options: Sequence[Option] = CHECK) -> dict[str, Any] | None:
    """The parameters (``dest`` → value, and ``paths``) of a command's arguments when they use
    only the plain spellings; None when click must read them."""
    spellings = _spellings(options)
    found = _defaults(options)
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths.extend(rest)
            break
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in spellings:
            return None
        option, setting = spellings[name]
        if option.kind in (FLAG, SWITCH):
            if equals:
                return None
            found[option.dest] = setting
            continue
        text = attached if equals else next(rest, None)
        value = None if text is None else option.value(text)
        if value is None:
            return None
        found[option.dest] = (*found[option.dest], value) if option.kind == MULTIPLE else value
    if not all(paths):  # an empty path: click's to read
        return None
    found[PATHS] = tuple(paths)
    return found
