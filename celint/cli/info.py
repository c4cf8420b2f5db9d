"""The commands that describe celint rather than run it: rules, explain, elements, schema, init."""

from __future__ import annotations

import click

from celint.errors import UsageError


@click.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules_command(output_format: str) -> None:
    """List every rule: code, name, default severity, whether --fix can fix it.

    \b
    Example:
      celint rules --format json | jq '.[] | select(.fixable)'
    """
    from celint.report.rule_docs import rules_json, rules_markdown, rules_text

    render = {"text": rules_text, "json": rules_json, "markdown": rules_markdown}[output_format]
    from celint.rules import summaries

    click.echo(render(summaries()), nl=False)


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def elements(output_format: str) -> None:
    """List the elements celint knows: key, name, hub, auth types, event types, and how many
    of its facts are confirmed or stated by the docs (the rest only warn).

    \b
    Examples:
      celint elements
      celint elements --format json | jq '.[] | select(.resources_closed)'
    """
    from celint.elements.listing import as_json, as_text, rows

    found = rows()
    click.echo((as_json if output_format == "json" else as_text)(found), nl=False)


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain one rule (by code or name): what it checks, why, an example and the fix.

    \b
    Examples:
      celint explain CE208
      celint explain poller-urls-concatenated
    """
    from celint.report.rule_docs import doc_url, explain_text
    from celint.rules import lookup

    found = lookup(rule)
    if found is None:
        raise UsageError(_not_one_rule(rule))
    click.echo(explain_text(found) + f"\nDocs: {doc_url(found.code)}")


#: How many of the rules a partial word matches ``celint explain`` names in its one line.
SHOWN_MATCHES = 5


def _not_one_rule(word: str) -> str:
    """Why ``word`` explains nothing: the rules it partly matches (``vendor-type``: the three
    vendor-type rules), else the closest code or name."""
    from celint.rules import matching, resolve_selector

    found = matching(word)
    if not found:
        try:
            resolve_selector(word)
        except ValueError as exc:
            return str(exc)
    names = [f"{r.code} {r.name}" for r in found[:SHOWN_MATCHES]]
    more = len(found) - len(names)
    if more:
        names.append(f"one of {more} more (see `celint rules`)")
    choices = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"{word!r} names no single rule; did you mean {choices}?"


@click.command()
@click.option("--element", metavar="KEY", help="The element whose schema to print (quickbooks).")
@click.option("-o", "--output", metavar="FILE", help="Write the schema to FILE instead of stdout.")
def schema(element: str | None, output: str | None) -> None:
    """Print an editor-ready JSON Schema: one self-contained file, loadable offline.

    Every $ref points inside the file, and the messages are the ones editors show
    (yaml-language-server, VS Code). The same files ship in schemas/dist/.

    \b
    Examples:
      celint schema > instance.schema.json
      celint schema --element quickbooks -o schemas/quickbooks.schema.json
    """
    from celint.elements.profiles import profiles
    from celint.elements.schemas import document
    from celint.schema.editor import render

    if element is not None and element not in profiles():
        from celint.suggest import closest

        guess = closest(element, profiles())
        hint = f"; did you mean {guess!r}?" if guess else "; `celint elements` lists them"
        raise UsageError(f"no schema for element {element!r}{hint}")
    text = render(document(element))
    if output is None:
        click.echo(text, nl=False)
        return
    from celint.errors import InputError
    from celint.io.write import write_output

    try:
        write_output(output, text.encode("utf-8"))
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"celint: wrote {output}", err=True)


@click.command()
@click.option(
    "--element",
    default="quickbooks",
    show_default=True,
    metavar="KEY",
    help="The element key (quickbooks, or any other element's key).",
)
@click.option(
    "--events",
    type=click.Choice(["polling", "webhook", "none"]),
    help="How the instance receives events (default: what the element's docs support, polling "
    "first; a type they say it does not support is refused).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["yaml", "json"]),
    help="Body format (default: from -o's suffix, else yaml; JSON has no comments).",
)
@click.option("-o", "--output", metavar="FILE", help="Write the body to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="With -o: overwrite FILE if it exists.")
def init(
    element: str, events: str | None, output_format: str | None, output: str | None, force: bool
) -> None:
    """Print a commented instance body to start from; it passes `celint check` as it is.

    Secrets are ${VAR} environment references.

    \b
    Examples:
      celint init > instances/qbo-prod.yaml
      celint init --events webhook -o instances/qbo-staging.json
      celint init --element hubspot --events none --format json
    """
    from celint.elements import scaffold

    chosen = output_format or ("json" if (output or "").lower().endswith(".json") else "yaml")
    text = scaffold.body(element, events, chosen)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w" if force else "x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise UsageError(f"{output} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise UsageError(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"celint: wrote {output}; then run: celint check --env {output}", err=True)


COMMANDS = (rules_command, explain, elements, schema, init)
