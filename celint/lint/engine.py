"""The pipeline: read → parse (with positions) → schema → rules → findings.

Each stage lives in its own module; this one wires them for one file, one text or one body
built in code, and turns rule findings into placed :class:`Diagnostic` objects.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from celint import pointer as jp
from celint import rules, secrets
from celint.config.options import DEFAULT_OPTIONS, LintOptions
from celint.elements import profiles as elements
from celint.io.read import DecodeError, decode, lenient, read_limited
from celint.lint import sniff, suppression
from celint.lint.cap import capped
from celint.model import NO_FIX, Diagnostic, FileReport, Finding, Rule, Source, Span
from celint.parse.document import Document, LineIndex, Located
from celint.parse.result import ParseProblem, ParseResult
from celint.rules.api import RuleContext
from celint.rules.reading.ce003_not_an_object import RULE as NOT_AN_OBJECT
from celint.rules.reading.ce004_unreadable_input import RULE as UNREADABLE_INPUT
from celint.schema import issues as schema_check
from celint.schema import registry as schemas
from celint.schema.keys import CONFIGURATION

JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")
SNIFF_BYTES = 64 * 1024


def is_json(source: Source) -> bool:
    """Read as JSON: by file name (``.json``), else, unless named YAML, by content (a text that
    starts like JSON). Parsing and fixing (which writes values in the file's syntax) both ask."""
    name = source.path.lower()
    return name.endswith(JSON_SUFFIXES) or (
        not name.endswith(YAML_SUFFIXES) and source.text.lstrip()[:1] in ("{", "[")
    )


def parse(
    source: Source, options: LintOptions = DEFAULT_OPTIONS, *, yaml_1_2: bool = True
) -> ParseResult:
    """Parse JSON with ``json`` and everything else with ruamel.yaml (see :func:`is_json`;
    ``yaml_1_2``: see :func:`~celint.parse.yaml_reader.load_yaml`)."""
    if is_json(source):
        from celint.parse.json_reader import load_json

        return load_json(source.text, options.max_depth, options.max_findings_per_rule)
    from celint.parse.yaml_reader import load_yaml

    return load_yaml(source.text, options.max_depth, options.max_alias_nodes, yaml_1_2=yaml_1_2)


def _problem_diagnostic(path: str, problem: ParseProblem) -> Diagnostic:
    rule = problem.rule
    return Diagnostic(
        path,
        rule.code,
        rule.name,
        rule.severity,
        problem.message,
        problem.pointer,
        problem.span,
        document=problem.document,
    )


def check_source(
    source: Source, options: LintOptions = DEFAULT_OPTIONS, *, quote: bool = False, cap: bool = True
) -> FileReport:
    """Lint every instance body (and configuration fragment) in one decoded input.

    With ``quote`` the report also carries the spans of every secret value, found by this
    parse, and (when there are findings) the text with them masked, for the formats that quote
    source lines and for diffs. The report says why the input was linted or skipped (``-v``).
    Without ``cap`` every finding is kept (the fixer plans every fix of a file at once; see
    :mod:`celint.lint.cap`).
    """
    report = FileReport(source.path)
    parsed = parse(source, options)
    if parsed.failed:
        if quote:
            report.secrets = tuple(_secret_spans(source.text, parsed, []))
        if options.all_documents or sniff.looks_like_instance_text(source.text):
            report.checked = True
            report.linted_reason = (
                sniff.LINTED_BY_ALL
                if options.all_documents
                else "does not parse, but looks like an instance body"
            )
            problems = [_problem_diagnostic(source.path, p) for p in parsed.problems]
            report.diagnostics = _finish(source.path, problems, options, source, cap=cap)
        else:
            report.skipped_reason = "does not parse and does not look like an instance body"
        return _quoted(report, source, quote)
    verdicts = [_verdict(document, options) for document in parsed.documents]
    if quote:
        report.secrets = tuple(_secret_spans(source.text, parsed, verdicts))
    found: list[Diagnostic] = []
    for document, verdict in zip(parsed.documents, verdicts, strict=True):
        if verdict.kind is not None:
            report.checked = True
            report.linted_reason = report.linted_reason or verdict.reason
            found.extend(lint_document(document, source.path, options, source.text, verdict.kind))
    if not report.checked:
        report.skipped_reason = verdicts[0].reason if verdicts else "no document"
        return report
    found.extend(_problem_diagnostic(source.path, p) for p in parsed.problems)
    unrecorded = parsed.unrecorded
    report.diagnostics = _finish(source.path, found, options, source, unrecorded, cap=cap)
    return _quoted(report, source, quote)


def _secret_spans(text: str, parsed: ParseResult, verdicts: list[sniff.Verdict]) -> list[Span]:
    """Every secret value's span, from this parse (a fragment seen as the body it configures);
    guessed from the text when the parse failed."""
    if not parsed.failed:
        return secrets.spans(map(_as_body, parsed.documents, verdicts), text)
    lines = LineIndex(text)
    return [lines.span(start, end) for start, end in secrets.guessed_ranges(text)]


def _verdict(document: Document, options: LintOptions) -> sniff.Verdict:
    """Sniffing's verdict on a document; with ``--all`` a document it would skip is a body."""
    found = sniff.verdict(document.value)
    if found.kind is None and options.all_documents:
        return sniff.Verdict(sniff.BODY, sniff.LINTED_BY_ALL)
    return found


class _FragmentAsBody:
    """A configuration fragment seen as the body it configures, ``{"configuration": ...}``,
    so that what knows bodies (secret fields, by pointer) knows the fragment too."""

    def __init__(self, document: Document) -> None:
        self.value = {CONFIGURATION: document.value}
        self._document = document

    def locations(self) -> dict[str, Located]:
        prefix = jp.join("", CONFIGURATION)
        return {prefix + pointer: found for pointer, found in self._document.locations().items()}


def _as_body(document: Document, verdict: sniff.Verdict) -> secrets.Located:
    return _FragmentAsBody(document) if verdict.kind == sniff.FRAGMENT else document


def _in_fragment(pointer: str) -> str:
    """A pointer into ``{"configuration": fragment}`` as a pointer into the fragment."""
    prefix = jp.join("", CONFIGURATION)
    return pointer[len(prefix) :] if pointer.startswith(prefix) else pointer


def _quoted(report: FileReport, source: Source, quote: bool) -> FileReport:
    """Keep the masked text of a report with findings when the caller quotes source lines."""
    if quote and report.diagnostics:
        report.quoted = secrets.mask(source.text, report.secrets)
    return report


def check_bytes(
    path: str, data: bytes, options: LintOptions = DEFAULT_OPTIONS, *, quote: bool = False
) -> FileReport:
    """Decode then lint. Input over the size limit or not decodable is CE004, under the same
    sniffing as a parse error; a binary file (NUL bytes) is skipped unless ``--all``."""
    if len(data) > options.max_file_size:
        message = (
            f"the file is larger than the {_size(options.max_file_size)} limit (max_file_size)"
        )
        return _unreadable(path, data, DecodeError(message, 0), options)
    try:
        source = decode(path, data)
    except DecodeError as exc:
        return _unreadable(path, data, exc, options)
    return check_source(source, options, quote=quote)


def _size(count: int) -> str:
    """A byte count as people write limits: ``5 MiB``, ``512 KiB``, ``100 bytes``."""
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale and count % scale == 0:
            return f"{count // scale} {unit}"
    return f"{count} bytes"


def _unreadable(path: str, data: bytes, error: DecodeError, options: LintOptions) -> FileReport:
    """CE004 at the offending byte's line and column, or a skip when sniffing says the input
    is not ours (binary, or text that does not look like an instance body)."""
    report = FileReport(path)
    if not options.all_documents:
        if error.binary:
            report.skipped_reason = "binary file"
            return report
        if not sniff.looks_like_instance_text(lenient(data[:SNIFF_BYTES])):
            report.skipped_reason = f"unreadable and not like an instance body ({error})"
            return report
    before = lenient(data[: error.offset])
    line, column = LineIndex(before).position(len(before))
    span = Span(line, column, line, column + 1, len(before), len(before) + 1)
    report.checked = True
    report.linted_reason = (
        sniff.LINTED_BY_ALL
        if options.all_documents
        else "unreadable, but looks like an instance body"
    )
    problem = _problem_diagnostic(path, ParseProblem(UNREADABLE_INPUT, str(error), span))
    report.diagnostics = _finish(path, [problem], options)
    return report


def lint_document(
    document: Document,
    path: str,
    options: LintOptions = DEFAULT_OPTIONS,
    text: str | None = None,
    kind: str | None = None,
) -> list[Diagnostic]:
    """Schema and rules over one document; each finding placed by its pointer.

    ``kind`` is sniffing's verdict (computed when not given; a document sniffing would skip is
    linted as a body). An exported array of instances (``GET /instances``) is linted item by
    item, each item's pointers under ``/N``; a configuration fragment as the configuration of
    a body, its findings placed in the fragment. With ``text`` (the document's source),
    findings inside a string that holds JSON are placed on their true line and column.
    """
    value = document.value
    kind = kind or sniff.verdict(value).kind or sniff.BODY
    if kind == sniff.FRAGMENT:
        prefix = jp.join("", CONFIGURATION)
        aliases = {prefix + at: prefix + original for at, original in document.aliases.items()}
        found = [
            (rule, finding._replace(pointer=_in_fragment(finding.pointer)))
            for rule, finding in _findings(
                {CONFIGURATION: value}, options, "", aliases, fragment=True
            )
        ]
    else:
        bodies = enumerate(value) if sniff.is_exported_array(value) else [(None, value)]
        found = [
            pair
            for index, body in bodies
            for pair in _findings(
                body, options, "" if index is None else jp.join("", index), document.aliases
            )
        ]
    if text is not None and found:  # a clean body has nothing to place: no JSON-in-string map
        from celint.parse import embedded

        embedded.nest_json_strings(document, text, (finding.pointer for _, finding in found))
    return [_place(path, document, rule, finding) for rule, finding in found]


def _findings(
    body: Any,
    options: LintOptions,
    root: str,
    aliases: Mapping[str, str],
    *,
    fragment: bool = False,
) -> list[tuple[Rule, Finding]]:
    """Run every rule on one body; a specific rule's finding replaces a generic one on the same
    value, and no finding quotes a value that holds a secret. A body that is not a mapping is
    one CE003 finding."""
    if not isinstance(body, dict):
        kind = schema_check.describe(body)
        message = f"an instance body must be an object (a mapping), found {kind}"
        return [(NOT_AN_OBJECT, Finding(root, message))]
    rendering = None
    if options.environment is not None:  # --env only: other runs never load the renderer
        from celint.lint import env

        rendering = env.render(body, options.environment, root)
    if rendering is not None:
        body = rendering.body
    profiles = options.profiles
    key = elements.element_key(body)
    profile = profiles.get(key) if key else None
    issues = schema_check.check(body, profile.schema if profile else schemas.INSTANCE)
    context = RuleContext(
        body,
        options,
        profiles,
        issues,
        root,
        frozenset(rendering.substituted) if rendering else frozenset(),
        tuple(rendering.missing) if rendering else (),
        fragment=fragment,
    )
    found = [
        (rule, finding)
        for rule, check in rules.checks_for(context.configuration)
        for finding in check(context)
    ]
    if rendering is not None:
        found = [(rule, rendering.guard(finding)) for rule, finding in found]
    bearing = secrets.aliased(aliases) | (rendering.secret_bearing if rendering else frozenset())
    found = [(rule, _unquoted(rule, finding, bearing)) for rule, finding in found]
    specific = {finding.pointer for rule, finding in found if not rule.generic}
    return [
        (rule, finding)
        for rule, finding in found
        if not (rule.generic and finding.pointer in specific)
    ]


def _unquoted(rule: Rule, finding: Finding, bearing: frozenset[str]) -> Finding:
    """A finding on a value that holds a secret (reached through a YAML alias of a secret
    field, or rendered from a variable that fills one), worded without the value; and no
    suggestion or fix that would print a URL's password."""
    pointer = finding.pointer
    if any(pointer == p or pointer.startswith(p + "/") for p in bearing):
        message = f"{rule.summary}; the value is not shown: it holds a secret"
        return finding._replace(message=message, suggestion=None, fix=NO_FIX)
    if secrets.url_password(finding.suggestion) is not None:
        # The corrected value would be printed (suggestion, SARIF fix) with the password in it.
        return finding._replace(suggestion=None, fix=NO_FIX)
    return finding


def _place(path: str, document: Document, rule: Rule, finding: Finding) -> Diagnostic:
    fixable = rule.fixable and finding.fix is not NO_FIX
    return Diagnostic(
        path=path,
        code=rule.code,
        rule=rule.name,
        severity=finding.severity or rule.severity,
        message=finding.message,
        pointer=finding.pointer,
        span=document.span(finding.pointer, key=finding.on_key),
        suggestion=finding.suggestion,
        fixable=fixable,
        document=document.index,
        fix=finding.fix if fixable else None,
        evidence=finding.evidence,
    )


def _finish(
    path: str,
    found: list[Diagnostic],
    options: LintOptions,
    source: Source | None = None,
    unrecorded: dict[str, int] | None = None,
    *,
    cap: bool = True,
) -> list[Diagnostic]:
    """The selected findings that no suppression silences (plus CE005 for suppressions that
    silence nothing), in report order, at most ``max_findings_per_rule`` of a rule unless
    ``cap`` is off (``unrecorded``: see :func:`celint.lint.cap.capped`)."""
    yaml_text = source.text if source is not None and not is_json(source) else None
    selected = [d for d in found if options.enabled(d.code)]
    kept = suppression.apply(path, yaml_text, selected, options)
    ordered = sorted((d for d in kept if options.enabled(d.code)), key=Diagnostic.sort_key)
    return capped(ordered, options.max_findings_per_rule, unrecorded) if cap else ordered


def lint_text(
    text: str, path: str = "<text>", options: LintOptions = DEFAULT_OPTIONS
) -> list[Diagnostic]:
    """Lint a JSON or YAML text (the format is told by ``path``'s suffix, else by content)."""
    return check_source(Source(path, text.removeprefix("\ufeff")), options).diagnostics


def lint_path(
    path: str | os.PathLike[str], options: LintOptions = DEFAULT_OPTIONS
) -> list[Diagnostic]:
    """Lint one file on disk (a FIFO or device raises ``OSError`` rather than blocking)."""
    data = read_limited(os.fspath(path), options.max_file_size)
    return check_bytes(str(path), data, options).diagnostics


def lint_data(
    body: Any, options: LintOptions = DEFAULT_OPTIONS, path: str = "<data>"
) -> list[Diagnostic]:
    """Lint a body built in code, before it is posted: findings carry pointers, no positions."""
    document = Document(body, dict)
    return _finish(path, lint_document(document, path, options), options)
