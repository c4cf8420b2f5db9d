"""Build celint's element profiles from the public-docs catalogue and the reviewed overrides.

``python scripts/build_elements.py`` reads ``../shared/catalogue/catalogue.json`` (the facts the
public developer-portal docs state about 158 elements, each with its ``src`` line) and
``schemas/elements/overrides.yaml`` (human decisions), and writes two files:

- ``schemas/elements/catalogue.json``: one JSON object keyed by element key, each value one
  profile in the format of ``schemas/elements/profile.format.json``, one element per line
  so a reader can slice one element out of it;
- ``schemas/elements/catalogue.index.json``: where each element's profile sits in that file
  (byte offset and length), its name and hub, the aliases of element keys and the hand-made
  profiles that win over a generated one (QuickBooks: ``quickbooks.profile.json``).

Why an index: a run that touches one element reads the index and ``json.loads`` one slice of
the data file instead of parsing every element (see :func:`read_profile`).

Every fact carries ``trust`` so that a rule derives its severity in one place: ``confirmed``
(an override) and ``stated`` (stated, closed, uncontradicted) may raise errors,
``documented`` and ``contradicted`` warnings, ``inferred`` and ``unstated`` at most infos.

``--check`` exits 1 when the committed files are stale; ``--summary`` prints the Markdown
table for the README. The output is deterministic: sorted keys, compact separators.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CATALOGUE = REPO.parent / "shared" / "catalogue" / "catalogue.json"
ELEMENTS_DIR = REPO / "schemas" / "elements"
DEFAULT_OVERRIDES = ELEMENTS_DIR / "overrides.yaml"
DATA_NAME = "catalogue.json"
INDEX_NAME = "catalogue.index.json"
#: Hand-made profiles: they win over the generated profile of the same element.
HANDMADE = {"quickbooks": "quickbooks.profile.json"}
FORMAT = 1

#: Trust levels, strongest first, and the highest severity each allows a rule to raise.
TRUST_SEVERITY = {
    "confirmed": "error",
    "stated": "error",
    "documented": "warning",
    "contradicted": "warning",
    "inferred": "info",
    "unstated": "info",
}
TRUST_ORDER = tuple(TRUST_SEVERITY)
#: The strongest trust an ``unmarked`` row may carry: the docs do not say it is required.
UNMARKED_CAP = "documented"

#: Authentication type names that are literal ``authentication.type`` values.
AUTH_TYPES = ("apiKey", "basic", "custom", "oauth1", "oauth2", "token")
POLL_KEYS = ("event.objects", "event.poller.configuration", "event.poller.urls")
PLATFORM_SEPARATOR = "|"
_KEY = re.compile(r"[A-Za-z0-9_.\-]+")
_PARAMETER_RESOURCE = re.compile(r'^event\.poller\.configuration": "\{\\?"([^"\\]+)\\?"')
_COPIED_RESPONSE = re.compile(r"example response at (\S+):(\d+) names element key '([^']+)'")
_PLACEHOLDER_SEGMENT = re.compile(r"\{[^{}/]+\}")
#: Lines of an example response around the line that names the element key: its element block.
_RESPONSE_BEFORE, _RESPONSE_AFTER = 5, 15

Json = dict[str, Any]


# -- evidence ---------------------------------------------------------------------------------


def src_of(evidence: Mapping[str, Any]) -> str:
    """``path:line``, or ``path:line via page:line`` when the text came from a shared include:
    the including page is where a user finds it."""
    via = evidence.get("via")
    return f"{evidence['src']} via {via}" if via else str(evidence["src"])


def _src_key(src: str) -> tuple[str, int, str]:
    path, _, rest = src.partition(":")
    line, _, via = rest.partition(" ")
    return (path, int(line) if line.isdigit() else 0, via)


def srcs(evidence: Iterable[Mapping[str, Any]]) -> list[str]:
    """Unique sources, ordered by file and line (numerically) so the output is stable."""
    return sorted({src_of(item) for item in evidence}, key=_src_key)


def weakest(*levels: str) -> str:
    """The weakest of some trust levels: a fact is no surer than its least sure part."""
    return max(levels, key=TRUST_ORDER.index)


def cap(level: str, ceiling: str) -> str:
    """``level``, but no stronger than ``ceiling``."""
    return weakest(level, ceiling)


class CopiedResponses:
    """Example responses copied from another element's page (the catalogue's warnings): the
    element block of such a response says nothing about this element, so its lines are dropped
    as evidence for the name, hub, elementId and default authentication."""

    def __init__(self, warnings: Iterable[str]) -> None:
        self.windows: list[tuple[str, int, int, str]] = []
        for warning in warnings:
            found = _COPIED_RESPONSE.search(warning)
            if found:
                path, line, other = found.group(1), int(found.group(2)), found.group(3)
                self.windows.append((path, line - _RESPONSE_BEFORE, line + _RESPONSE_AFTER, other))

    def copied_from(self, evidence: Mapping[str, Any]) -> str | None:
        """The element key whose response this evidence line sits in, or None."""
        path, line, _ = _src_key(str(evidence["src"]))
        for window_path, start, end, other in self.windows:
            if path == window_path and start <= line <= end:
                return other
        return None

    def keep(self, evidence: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """The evidence that is not inside a copied response."""
        return [item for item in evidence if self.copied_from(item) is None]


def pick(
    candidates: Sequence[tuple[Any, Sequence[Mapping[str, Any]]]], copied: CopiedResponses
) -> Json | None:
    """One fact from competing values: drop copied-response evidence, keep the value with the
    most evidence (the catalogue's own choice on a tie); ``contradicted`` when another value
    keeps evidence too, else ``stated``. None when nothing is left."""
    merged: dict[Any, list[Mapping[str, Any]]] = {}
    for value, evidence in candidates:
        merged.setdefault(value, []).extend(copied.keep(evidence))
    kept = [(value, evidence) for value, evidence in merged.items() if evidence]
    if not kept:
        return None
    best = max(range(len(kept)), key=lambda i: (len(kept[i][1]), -i))
    value, evidence = kept[best]
    fact: Json = {"value": value, "trust": "stated", "src": srcs(evidence)}
    others = [(v, e) for i, (v, e) in enumerate(kept) if i != best]
    if others:
        fact["trust"] = "contradicted"
        fact["conflicts"] = [{"value": v, "src": srcs(e)} for v, e in others]
    return fact


# -- identity ---------------------------------------------------------------------------------


def _as_id(value: Any) -> Any:
    """Element ids are numbers; a conflicting id the catalogue kept as a string, too."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def build_identity(entry: Mapping[str, Any], copied: CopiedResponses) -> Json:
    """Key, name, hub, elementId and the other keys the element's pages name."""
    key = entry["key"]
    other_keys: Json = {}
    for conflict in entry.get("key_conflicts", []):
        other_keys[conflict["value"]] = {
            "relation": "unresolved",
            "trust": "contradicted",
            "src": srcs(conflict["evidence"]),
        }
    identity: Json = {
        "key": {
            "value": key,
            "trust": "contradicted" if other_keys else "stated",
            "src": srcs(entry["key_evidence"]),
        }
    }
    if other_keys:
        identity["otherKeys"] = other_keys
    name = entry["name"]
    name_candidates: list[tuple[Any, list[Mapping[str, Any]]]] = [
        (name["value"], list(name["evidence"]))
    ]
    tile = entry.get("catalogue_tile")
    if tile and tile["value"] == name["value"]:
        name_candidates[0][1].append(tile)
    elif tile:
        name_candidates.append((tile["value"], [tile]))
    name_candidates += [(c["value"], c["evidence"]) for c in name.get("conflicts", [])]
    for field, candidates in (
        ("name", name_candidates),
        ("hub", _candidates(entry.get("hub"))),
        ("elementId", _candidates(entry.get("elementId"), _as_id)),
    ):
        fact = pick(candidates, copied)
        if fact is not None:
            identity[field] = fact
    return identity


def _candidates(
    fact: Mapping[str, Any] | None, convert: Callable[[Any], Any] = lambda value: value
) -> list[tuple[Any, Sequence[Mapping[str, Any]]]]:
    """The catalogue's value and its conflicting values, each with its evidence."""
    if not fact or fact.get("value") is None:
        return []
    found = [(convert(fact["value"]), fact["evidence"])]
    found += [(convert(c["value"]), c["evidence"]) for c in fact.get("conflicts", [])]
    return found


# -- authentication ---------------------------------------------------------------------------


def env_name(element: str, key: str) -> str:
    """``${ZENDESK_OAUTH_API_KEY}``: the environment reference ``celint init`` writes for a
    value it cannot know (scaffold.py builds the same prefix from the element key)."""

    def part(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper()

    return "${" + part(element) + "_" + part(key) + "}"


_TYPES = ("boolean", "number", "object", "string")


def _key_fact(row: Mapping[str, Any], seen: str) -> Json:
    """A parameter-table row as a key fact. Only an explicit marker is ``stated``: an
    ``unmarked`` row says the key exists, not that it is required."""
    required = row.get("required", "unmarked")
    trust = "documented" if required == "unmarked" else "stated"
    fact: Json = {"required": required, "seen": seen, "trust": trust, "src": [src_of(row)]}
    if row.get("type") in _TYPES:
        fact["type"] = row["type"]
    for field in ("default", "ui"):
        if row.get(field) is not None:
            fact[field] = row[field]
    if row.get("enum"):
        fact["enum"] = list(row["enum"])
    return fact


def _flow_keys(
    rows: Sequence[Mapping[str, Any]],
    examples: Sequence[Mapping[str, Any]],
    notes: list[str],
    where: str,
) -> Json:
    """Table rows and example-body keys of one section (configuration or providerData) of a
    flow, as ``{key: fact}``. ``event.*`` keys are the events schema's, not the flow's.

    When the flow has example bodies and a table row's key is not in them, the docs disagree
    (UI names for API names, typos such as ``pasword``): the example's key is preferred and
    the table's is ``contradicted`` (an optional row may simply be left out of an example).
    """
    example_keys: dict[str, list[Mapping[str, Any]]] = {}
    for item in examples:
        example_keys.setdefault(item["api"], []).append(item)
    keys: Json = {}
    for row in rows:
        api = row["api"]
        if api.startswith("event."):
            continue
        if not _KEY.fullmatch(api):
            notes.append(f"{where}: dropped the table row {api!r} ({src_of(row)}): not a key")
            continue
        in_example = api in example_keys and row.get("in_example_body") is not False
        fact = _key_fact(row, "both" if in_example else "table")
        if in_example:
            fact["src"] = sorted(set(fact["src"]) | set(srcs(example_keys[api])), key=_src_key)
        elif example_keys and fact["required"] != "optional":
            fact["trust"] = "contradicted"
        keys[api] = fact
    for api, items in example_keys.items():
        if api in keys or api.startswith("event."):
            continue
        if not _KEY.fullmatch(api):
            notes.append(f"{where}: dropped the example key {api!r} ({src_of(items[0])})")
            continue
        optional = any(item.get("placeholder_says_optional") for item in items)
        keys[api] = {
            "required": "optional" if optional else "unmarked",
            "seen": "example",
            "trust": "documented",
            "src": srcs(items),
        }
    return dict(sorted(keys.items()))


def _type_value(flow: str, section: Mapping[str, Any]) -> Json | None:
    """The literal ``authentication.type`` the flow's examples write, when they write one:
    contradicted when they disagree, or when it is not the flow's own name."""
    values = [
        item
        for item in section.get("example_configuration_keys", [])
        if item["api"] == "authentication.type" and item.get("value")
    ]
    if not values:
        return None
    spelled = sorted({item["value"] for item in values})
    fact: Json = {"value": spelled[0], "trust": "stated", "src": srcs(values)}
    if len(spelled) > 1:
        fact["trust"] = "contradicted"
        fact["conflicts"] = [
            {"value": v, "src": srcs(i for i in values if i["value"] == v)} for v in spelled[1:]
        ]
    if spelled[0].lower() != flow.lower() and flow != "unnamed":
        fact["trust"] = "contradicted"
    return fact


def _init(element: str, flow: str, flow_fact: Mapping[str, Any]) -> Json:
    """The starter values of a flow for ``celint init``: the documented keys (not the optional
    ones, not a table key its examples spell otherwise), literal where the docs give the one
    value, else an environment reference (so no secret is ever written)."""
    configuration: Json = {}
    for key, fact in flow_fact["configuration"].items():
        if fact["required"] == "optional" or fact["trust"] == "contradicted":
            continue
        if key == "authentication.type":
            type_value = flow_fact.get("typeValue")
            if type_value:
                configuration[key] = type_value["value"]
            elif flow in AUTH_TYPES:
                configuration[key] = flow
            continue
        enum = fact.get("enum") or []
        if len(enum) == 1:
            configuration[key] = enum[0]
        elif fact.get("default") is not None:
            configuration[key] = str(fact["default"])
        else:
            configuration[key] = env_name(element, key)
    provider = {key: env_name(element, key) for key in flow_fact["providerData"]}
    result: Json = {"configuration": configuration}
    if provider:
        result["providerData"] = provider
    return result


def build_authentication(
    entry: Mapping[str, Any], copied: CopiedResponses, notes: list[str]
) -> Json:
    """Accepted ``authentication.type`` values, the default flow and each flow's keys."""
    auth = entry["authentication"]
    documented = {
        name: kept
        for name, items in auth.get("documented", {}).items()
        if (kept := copied.keep(items))
    }
    flows: Json = {}
    for flow, section in auth.get("types", {}).items():
        evidence = documented.get(flow, []) + auth.get("inferred", {}).get(flow, [])
        has_table = section.get("configuration") or section.get("providerData")
        source = "table" if has_table else "examples"
        where = f"authentication flow {flow}"
        flow_fact: Json = {
            "source": source,
            # Named by the docs: stated; named only from an example body's shape: inferred;
            # a flow the docs give no name is still what its examples document.
            "trust": "stated"
            if documented.get(flow)
            else ("documented" if flow == "unnamed" else "inferred"),
            "src": srcs(evidence)
            or srcs(section.get("example_configuration_keys", [])[:1])
            or srcs(section.get("configuration", [])[:1]),
            "configuration": _flow_keys(
                section.get("configuration", []),
                section.get("example_configuration_keys", []),
                notes,
                where,
            ),
            "providerData": _flow_keys(
                section.get("providerData", []),
                section.get("example_providerData_keys", []),
                notes,
                where,
            ),
        }
        if not flow_fact["src"]:
            flow_fact["src"] = srcs(section.get("body", [])[:1])
        type_value = _type_value(flow, section)
        if type_value:
            flow_fact["typeValue"] = type_value
        flows[flow] = flow_fact

    result: Json = {"flows": flows, "types": _types_fact(auth, documented, flows, notes)}
    default = _default_fact(auth, documented, flows)
    if default is not None:
        result["default"] = default
    return result


def _types_fact(
    auth: Mapping[str, Any],
    documented: Mapping[str, list[Mapping[str, Any]]],
    flows: Mapping[str, Any],
    notes: list[str],
) -> Json:
    """The accepted ``authentication.type`` values (CE302's enum). Stated only when the
    overview's Authentication row names every one and nothing disagrees: a type named
    without a flow, an example value that is none of them, an example response's type the
    overview does not name. Named only from example shapes: inferred."""
    names = {name for name in documented if name in AUTH_TYPES}
    names |= {flow for flow in flows if flow in AUTH_TYPES}
    inferred = auth.get("inferred", {})
    if "oauth" in documented:
        notes.append(
            "authentication: the docs name an 'oauth' type without saying which version "
            f"({', '.join(srcs(documented['oauth']))})"
        )
    evidence = [item for name in names for item in documented.get(name, [])]
    evidence += [item for name in names for item in inferred.get(name, [])]
    found = set(srcs(evidence))
    for flow in names - {name for name in names if documented.get(name) or inferred.get(name)}:
        found |= set(flows[flow]["src"])  # a flow the docs name only by its table or examples
    fact: Json = {"value": sorted(names), "src": sorted(found, key=_src_key)}
    if not names:
        fact["trust"] = "unstated"
        return fact
    literal = {
        value: items
        for value, items in auth.get("authentication_type_values", {}).items()
        if " " not in value
    }
    for value in auth.get("authentication_type_values", {}):
        if " " in value:
            notes.append(
                f"authentication: the example value {value!r} is a placeholder for a choice"
            )
    spellings = sorted(
        v for v in literal if v not in names and v.lower() in {n.lower() for n in names}
    )
    if spellings:
        fact["spellings"] = spellings
    overview = {
        name
        for name, items in documented.items()
        if any(item.get("kind") == "overview Authentication row" for item in items)
    }
    response = {
        name
        for name, items in documented.items()
        if any(item.get("kind") == "example response element.authentication.type" for item in items)
    }
    unknown_literals = [v for v in literal if v.lower() not in {n.lower() for n in names}]
    if not documented.keys() & names:
        fact["trust"] = "inferred"
    elif (
        auth.get("documented_without_flow")
        or unknown_literals
        or (overview and response and not response <= overview)
    ):
        fact["trust"] = "contradicted"
    elif overview and names <= overview:
        fact["trust"] = "stated"  # the overview's Authentication row lists them all
    else:
        fact["trust"] = "documented"
    return fact


def _default_fact(
    auth: Mapping[str, Any],
    documented: Mapping[str, list[Mapping[str, Any]]],
    flows: Mapping[str, Any],
) -> Json | None:
    """The flow a body without ``authentication.type`` gets: what an example response gives
    as the element's type (documented: responses are often copied), else the only flow
    (inferred), else nothing."""
    value = auth.get("default_type")
    if value:
        evidence = [
            item
            for item in documented.get(value, [])
            if item.get("kind") == "example response element.authentication.type"
        ]
        if evidence:
            trust = "documented" if value in flows else "contradicted"
            return {"value": value, "trust": trust, "src": srcs(evidence)}
    if len(flows) == 1:
        (only,) = flows
        return {"value": only, "trust": "inferred", "src": list(flows[only]["src"])}
    return None


# -- events -----------------------------------------------------------------------------------

_STRONG_EVENT_KINDS = ("overview Events row", "events page heading", "events page sentence")


def _support(value: Any, evidence: Sequence[Mapping[str, Any]], none: Sequence[Any]) -> Json:
    """Polling or webhooks: ``null`` in the catalogue is unstated, not unsupported. Support
    named only by an example caption (often copied) is documented, not stated."""
    if value is None:
        return {"value": "unstated", "trust": "unstated", "src": []}
    if value is False:
        trust = "contradicted" if evidence else "stated"
        return {"value": "unsupported", "trust": trust, "src": srcs(none)}
    strong = any(item.get("kind") in _STRONG_EVENT_KINDS for item in evidence)
    trust = "stated" if strong else "documented"
    if none:
        trust = "contradicted"
    return {"value": "supported", "trust": trust, "src": srcs(evidence)}


def _resource_pattern(name: str) -> str | None:
    """A resource with a placeholder segment (``calendars/{calendarId}/changed-events``)
    names a family of resources: the regular expression a rule matches them with."""
    if not _PLACEHOLDER_SEGMENT.search(name):
        return None
    parts = _PLACEHOLDER_SEGMENT.split(name)
    return "^" + "[^/]+".join(re.escape(part) for part in parts) + "$"


def _resources(events: Mapping[str, Any], profile: Mapping[str, Any]) -> Json | None:
    """The poll resources, one per name ignoring case (the example body's spelling first).
    A closed list is stated only when nothing contradicts it: the catalogue's flags (case
    variants, resources the list does not name), a suspect mention, or an events-table row
    that names a resource the list does not (a table copied from another element)."""
    groups: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    suspects: dict[str, list[str]] = {}
    for resource in events.get("resources", []):
        for source in resource["sources"]:
            groups.setdefault(resource["name"].lower(), []).append((resource["name"], source))
        if resource.get("suspect"):
            suspects.setdefault(resource["name"].lower(), []).extend(resource["suspect"])
    listed = set(groups)
    contradicted = bool(events.get("resource_flags")) or bool(suspects)
    for row in events.get("parameters", []):
        found = _PARAMETER_RESOURCE.match(row["api"])
        if found:
            name = found.group(1)
            if name.lower() not in listed:
                contradicted = True  # the events table names a resource the list does not
            groups.setdefault(name.lower(), []).append(
                (name, {**row, "kind": "events parameter row"})
            )
    if not groups:
        return None
    items: Json = {}
    case_variants = False
    for lowered in sorted(groups):
        spelled = groups[lowered]
        from_examples = [
            name for name, source in spelled if source.get("kind", "").startswith("event.")
        ]
        name = from_examples[0] if from_examples else spelled[0][0]
        item: Json = {"src": srcs(source for _, source in spelled)}
        others = sorted({n for n, _ in spelled if n != name})
        if others:
            item["spellings"] = others
            case_variants = True
        urls = sorted({str(source["url"]) for _, source in spelled if source.get("url")})
        if urls:
            item["url"] = urls[0]
        pattern = _resource_pattern(name)
        if pattern:
            item["pattern"] = pattern
        if lowered in suspects:
            item["suspect"] = "; ".join(sorted(set(suspects[lowered])))
        items[name] = item
    closed = bool(profile.get("poll_resources_closed_list"))
    open_evidence = events.get("resources_open_ended_evidence", [])
    if closed and not contradicted:
        trust = "stated"
    elif closed:
        trust = "contradicted"
    else:
        trust = "documented"
    listing = [
        source
        for spelled in groups.values()
        for _, source in spelled
        if source.get("kind") in ("resource list bullet", "single-resource sentence")
    ]
    everything = [source for spelled in groups.values() for _, source in spelled]
    # Where the list starts (closed), or why it is open; else the first mention.
    list_src = (srcs(open_evidence) if not closed else []) or srcs(listing or everything)[:1]
    return {
        "closed": closed,
        "caseSensitive": not case_variants,
        "trust": trust,
        "src": list_src,
        "items": items,
    }


def _poll_keys(events: Mapping[str, Any]) -> Json:
    """Which configuration keys carry the resources (``event.poller.urls``,
    ``event.poller.configuration``, ``event.objects``): stated when both the events table and
    an example use the key. ``event.poller.urls`` says whether it lists names or the
    ``name|url`` pairs DocuSign's and ShareFile's examples show."""
    found: dict[str, list[Mapping[str, Any]]] = {key: [] for key in POLL_KEYS}
    in_table: set[str] = set()
    in_examples: set[str] = set(events.get("poll_config_keys_in_examples", {}))
    for row in events.get("parameters", []):
        if row["api"] in found:
            found[row["api"]].append(row)
            in_table.add(row["api"])
    for item in events.get("evidence", {}).get("polling", []):
        for key in POLL_KEYS:
            if item.get("kind") == f"example {key}":
                found[key].append(item)
                in_examples.add(key)
    for resource in events.get("resources", []):
        for source in resource["sources"]:
            if source.get("kind") == "event.poller.urls token":
                found["event.poller.urls"].append(source)
                in_examples.add("event.poller.urls")
            elif source.get("kind") == "event.poller.configuration key":
                found["event.poller.configuration"].append(source)
                in_examples.add("event.poller.configuration")
    for example in events.get("poller_urls_examples", []):
        found["event.poller.urls"].append(example)
        in_examples.add("event.poller.urls")
    polling = events.get("evidence", {}).get("polling", [])
    # The catalogue counts the key in example bodies without a line: point at the example
    # bodies of the events page, else at the page's polling evidence.
    example_bodies = [
        item for item in polling if str(item.get("kind", "")).startswith("example ")
    ] or list(polling)
    result: Json = {}
    for key in POLL_KEYS:
        if key not in in_table and key not in in_examples:
            continue
        evidence = found[key] or example_bodies
        result[key] = {
            "trust": "stated" if key in in_table and key in in_examples else "documented",
            "src": srcs(evidence),
        }
    urls = result.get("event.poller.urls")
    if urls is not None:
        formats = {
            item["format"]
            for items in events.get("poller_urls_separator", {}).values()
            for item in items
        }
        urls["items"] = "name-url-pairs" if "name|url pairs" in formats else "names"
    return result


def _separator(events: Mapping[str, Any], notes: list[str]) -> Json:
    """The separator of ``event.poller.urls``: stated where the element's own examples show
    ``|``; examples that lost it (QuickBooks) are not evidence against it."""
    seen = events.get("poller_urls_separator", {})
    shown = seen.get(PLATFORM_SEPARATOR, [])
    lost = [item for name, items in seen.items() if name != PLATFORM_SEPARATOR for item in items]
    if lost:
        notes.append(
            "events: event.poller.urls examples lost their separator "
            f"({', '.join(srcs(lost))}); they are not evidence against '|'"
        )
    if shown:
        return {"value": PLATFORM_SEPARATOR, "trust": "stated", "src": srcs(shown)}
    # The element's docs show no separator: '|' is the platform's, which only the override
    # file's platform-wide decision (defaults) can confirm.
    return {"value": PLATFORM_SEPARATOR, "trust": "unstated", "src": []}


def build_events(entry: Mapping[str, Any], notes: list[str]) -> Json:
    """Polling and webhook support, the poll resources and how a body names them."""
    events = entry["events"]
    evidence = events.get("evidence", {})
    none = evidence.get("none", [])
    result: Json = {
        "polling": _support(events.get("polling"), evidence.get("polling", []), none),
        "webhooks": _support(events.get("webhooks"), evidence.get("webhooks", []), none),
    }
    if events.get("weak_evidence_only"):
        notes.append("events: the only evidence is an example caption, often copied")
    resources = _resources(events, entry.get("profile", {}))
    if resources is not None:
        result["resources"] = resources
    poll_keys = _poll_keys(events)
    if poll_keys:
        result["pollKeys"] = poll_keys
    if result["polling"]["value"] != "unsupported":
        result["separator"] = _separator(events, notes)
    return result


# -- profiles ---------------------------------------------------------------------------------


def build_profile(entry: Mapping[str, Any]) -> Json:
    """One element's profile from its catalogue entry, before any override."""
    notes = list(entry.get("warnings", []))
    copied = CopiedResponses(entry.get("warnings", []))
    profile: Json = {
        "format": FORMAT,
        "origin": "generated",
        "identity": build_identity(entry, copied),
        "authentication": build_authentication(entry, copied, notes),
        "events": build_events(entry, notes),
    }
    if notes:
        profile["notes"] = notes
    return profile


class OverrideError(ValueError):
    """An override entry that does not apply: a missing fact, an unknown element or field."""


def _resolve(document: Json, pointer: str, create: bool) -> tuple[Json, str]:
    """The parent object and last name of a JSON Pointer (RFC 6901) into a profile."""
    if not pointer.startswith("/"):
        raise OverrideError(f"{pointer!r} is not a JSON Pointer")
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]
    node = document
    for part in parts[:-1]:
        if part not in node:
            if not create:
                raise OverrideError(f"{pointer!r}: no {part!r}")
            node[part] = {}
        node = node[part]
    return node, parts[-1]


_DECISION_FIELDS = {"elements", "pointer", "set", "rename", "create", "trust", "reason", "src"}


def check_decision(decision: Mapping[str, Any], default: bool) -> None:
    """Refuse a malformed entry loudly: a misspelt field would otherwise be ignored."""
    unknown = set(decision) - _DECISION_FIELDS
    if unknown:
        raise OverrideError(f"override {decision.get('pointer')!r}: unknown {sorted(unknown)}")
    reason = decision.get("reason")
    if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
        raise OverrideError(f"override {decision.get('pointer')!r}: reason must be one line")
    if decision.get("trust", "confirmed") not in TRUST_SEVERITY:
        raise OverrideError(f"override {decision.get('pointer')!r}: unknown trust")
    if default == ("elements" in decision):
        where = "a default names no elements" if default else "a decision names its elements"
        raise OverrideError(f"override {decision.get('pointer')!r}: {where}")


def apply_override(profile: Json, decision: Mapping[str, Any]) -> None:
    """Apply one reviewed decision to one profile: ``rename`` moves a fact (merging it with a
    fact already under the new name), ``set`` corrects or adds fields (creating the fact when
    ``create`` is true), neither confirms it as it is. The fact becomes ``confirmed`` unless
    the entry gives another ``trust``; an ``unmarked`` key stays at ``documented`` at most (a
    decision about a key's name is not one about its being required). It keeps the reason and
    gains the entry's sources."""
    pointer = decision["pointer"]
    create = bool(decision.get("create"))
    parent, name = _resolve(profile, pointer, create)
    if name not in parent and not create:
        raise OverrideError(f"{pointer!r}: no such fact")
    fact = parent.setdefault(name, {})
    if "rename" in decision:
        new = decision["rename"]
        fact = parent.pop(name)
        already = parent.get(new)
        if already is not None:
            fact["src"] = sorted(set(fact["src"]) | set(already["src"]), key=_src_key)
            if already.get("seen") != fact.get("seen"):
                fact["seen"] = "both"
        fact["renamedFrom"] = name
        parent[new] = fact
        parent_sorted = dict(sorted(parent.items()))
        parent.clear()
        parent.update(parent_sorted)
    for field, value in decision.get("set", {}).items():
        fact[field] = value
    trust = decision.get("trust", "confirmed")
    if fact.get("required") == "unmarked":
        trust = cap(trust, UNMARKED_CAP)
    fact["trust"] = trust
    fact["reason"] = decision["reason"].strip()
    extra = [str(s) for s in decision.get("src", [])]
    fact["src"] = sorted(set(fact.get("src", [])) | set(extra), key=_src_key)


def apply_overrides(profiles: Json, overrides: Mapping[str, Any]) -> None:
    """Every decision of the override file, in order, on every element it names; defaults
    (platform-wide decisions) apply to every profile that has the fact and is not already
    surer of it."""
    for decision in overrides.get("defaults", []):
        check_decision(decision, default=True)
        for profile in profiles.values():
            try:
                parent, name = _resolve(profile, decision["pointer"], create=False)
            except OverrideError:
                continue
            if name in parent and parent[name].get("trust") not in ("stated", "confirmed"):
                apply_override(profile, decision)
    for decision in overrides.get("decisions", []):
        check_decision(decision, default=False)
        for element in decision["elements"]:
            if element not in profiles:
                raise OverrideError(f"override for unknown element {element!r}")
            apply_override(profiles[element], decision)


def resolve_other_keys(profiles: Json) -> None:
    """An unresolved other key that is another element's key (or alias) was copied from that
    element's pages; the key is then no longer contradicted by it."""
    owners = {key: key for key in profiles}
    for key, profile in profiles.items():
        for other, fact in profile["identity"].get("otherKeys", {}).items():
            if fact["relation"] == "alias":
                owners.setdefault(other, key)
    for key, profile in profiles.items():
        identity = profile["identity"]
        others = identity.get("otherKeys", {})
        for other, fact in others.items():
            if fact["relation"] == "unresolved" and other in owners and owners[other] != key:
                fact["relation"] = "copied"
                fact["trust"] = "inferred"
        unresolved = [o for o, f in others.items() if f["relation"] == "unresolved"]
        if identity["key"]["trust"] == "contradicted" and not unresolved:
            aliases = [o for o, f in others.items() if f["relation"] == "alias"]
            identity["key"]["trust"] = "contradicted" if aliases else "stated"


def build_profiles(catalogue: Mapping[str, Any], overrides: Mapping[str, Any]) -> Json:
    """Every element's profile, overrides applied, keyed by element key."""
    profiles = {key: build_profile(entry) for key, entry in catalogue["elements"].items()}
    apply_overrides(profiles, overrides)
    resolve_other_keys(profiles)
    for key, profile in profiles.items():
        # After the overrides: init follows a corrected key name or enum.
        for flow, flow_fact in profile["authentication"]["flows"].items():
            flow_fact["init"] = _init(key, flow, flow_fact)
    return dict(sorted(profiles.items()))


# -- output -----------------------------------------------------------------------------------


def _dump(value: Any) -> str:
    """Compact, sorted, deterministic JSON."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _lines(entries: Mapping[str, Any]) -> tuple[bytes, dict[str, list[int]]]:
    """A JSON object written one member per line (small diffs, compact lines) and where each
    member's value sits: ``[byte offset, byte length]``."""
    chunks: list[bytes] = []
    at: dict[str, list[int]] = {}
    offset = 0
    last = len(entries) - 1
    for number, (key, value) in enumerate(entries.items()):
        head = (("{" if number == 0 else "") + _dump(key) + ":").encode("utf-8")
        body = _dump(value).encode("utf-8")
        tail = b"}\n" if number == last else b",\n"
        at[key] = [offset + len(head), len(body)]
        chunks += (head, body, tail)
        offset += len(head) + len(body) + len(tail)
    return b"".join(chunks) or b"{}\n", at


def configuration_keys(profiles: Mapping[str, Any]) -> list[str]:
    """Every configuration key some element's flow documents, sorted."""
    return sorted(
        {
            key
            for profile in profiles.values()
            for flow in _flows(profile)
            for key in flow["configuration"]
        }
    )


def names_its_element(key: str, element: str) -> bool:
    """True when a configuration key names the element it belongs to in one of its dotted
    segments (``zendesk.subdomain``, ``crm.autotask.password`` for ``autotaskcrm``,
    ``dynamics.tenant`` for ``dynamicscrmadfs``): such a key marks an instance body, while bare
    words (``username``, ``port``) and generic names (``base.url``, ``db.host``) are what any
    application's own configuration holds."""
    segments = key.lower().split(".")[:-1]
    return any(len(s) >= 3 and (element.startswith(s) or s.startswith(element)) for s in segments)


def specific_keys(profiles: Mapping[str, Any]) -> list[str]:
    """The configuration keys that name their element (see :func:`names_its_element`), sorted:
    what sniffing counts as a platform key without reading any profile."""
    return sorted(
        {
            key
            for element, profile in profiles.items()
            for flow in _flows(profile)
            for key in flow["configuration"]
            if names_its_element(key, element)
        }
    )


def render(profiles: Mapping[str, Any], catalogue: Mapping[str, Any]) -> tuple[bytes, bytes]:
    """The data file (one element per line, compact) and its index: where each profile sits,
    its name and hub (enough for ``celint elements``), the aliases, the hand-made files, and
    the configuration keys the profiles document (all of them, and those that name their
    element), so that sniffing a document reads no profile."""
    data, at = _lines(profiles)
    aliases = {
        other: key
        for key, profile in profiles.items()
        for other, fact in profile["identity"].get("otherKeys", {}).items()
        if fact["relation"] == "alias"
    }
    elements = {
        key: {
            "at": at[key],
            "name": profile["identity"].get("name", {}).get("value"),
            "hub": profile["identity"].get("hub", {}).get("value"),
        }
        for key, profile in profiles.items()
    }
    index = {
        "format": FORMAT,
        "data": DATA_NAME,
        "source": catalogue.get("source", {}),
        "handmade": HANDMADE,
        "aliases": dict(sorted(aliases.items())),
        "configurationKeys": configuration_keys(profiles),
        "specificKeys": specific_keys(profiles),
        "elements": elements,
    }
    head = _dump({k: v for k, v in index.items() if k != "elements"})[:-1]
    listing, _ = _lines(elements)
    return data, (head + ',"elements":\n').encode("utf-8") + listing[:-1] + b"}\n"


def read_profile(key: str, directory: Path = ELEMENTS_DIR) -> Json | None:
    """One element's profile read lazily: the index, then one slice of the data file. A
    hand-made profile wins. The reference reader for the package's loader."""
    index = json.loads((directory / INDEX_NAME).read_text(encoding="utf-8"))
    key = index["aliases"].get(key, key)
    profile: Json
    if key in index["handmade"]:
        profile = json.loads((directory / index["handmade"][key]).read_text(encoding="utf-8"))
        return profile
    place = index["elements"].get(key)
    if place is None:
        return None
    start, length = place["at"]
    with (directory / index["data"]).open("rb") as handle:
        handle.seek(start)
        profile = json.loads(handle.read(length))
    return profile


def load_overrides(path: Path) -> Json:
    """The override file (YAML, plain data only)."""
    from ruamel.yaml import YAML

    loaded = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return loaded or {}


# -- summary ----------------------------------------------------------------------------------


def _facts(node: Any) -> Iterable[Mapping[str, Any]]:
    if isinstance(node, dict):
        if "trust" in node:
            yield node
        for value in node.values():
            yield from _facts(value)


def _strongest(facts: Iterable[Mapping[str, Any] | None]) -> str | None:
    levels = [fact["trust"] for fact in facts if fact]
    return min(levels, key=TRUST_ORDER.index) if levels else None


def _flows(profile: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    flows: Mapping[str, Mapping[str, Any]] = profile["authentication"]["flows"]
    return flows.values()


def _event(profile: Mapping[str, Any], kind: str, value: str) -> Mapping[str, Any] | None:
    fact: Mapping[str, Any] = profile["events"][kind]
    return fact if fact["value"] == value else None


#: The summary's rows: what, and the trust of that fact for one element (None: it has none).
SUMMARY_ROWS: tuple[tuple[str, Any], ...] = (
    ("element key", lambda p: p["identity"]["key"]["trust"]),
    (
        "authentication types named",
        lambda p: (
            p["authentication"]["types"]["trust"] if p["authentication"]["types"]["value"] else None
        ),
    ),
    (
        "a flow from a parameter table",
        lambda p: _strongest(f for f in _flows(p) if f["source"] == "table"),
    ),
    (
        "required configuration keys",
        lambda p: _strongest(
            k for f in _flows(p) for k in f["configuration"].values() if k["required"] == "required"
        ),
    ),
    (
        "required providerData keys",
        lambda p: _strongest(
            k for f in _flows(p) for k in f["providerData"].values() if k["required"] == "required"
        ),
    ),
    ("polling supported", lambda p: _strongest([_event(p, "polling", "supported")])),
    ("webhooks supported", lambda p: _strongest([_event(p, "webhooks", "supported")])),
    (
        "events documented as not supported",
        lambda p: _strongest([_event(p, "polling", "unsupported")]),
    ),
    (
        "events not stated",
        lambda p: (
            "unstated"
            if _event(p, "polling", "unstated") and _event(p, "webhooks", "unstated")
            else None
        ),
    ),
    ("poll resources", lambda p: _strongest([p["events"].get("resources")])),
    (
        "a closed resource list",
        lambda p: _strongest(
            [p["events"]["resources"]] if p["events"].get("resources", {}).get("closed") else []
        ),
    ),
    ("event.poller.urls separator", lambda p: _strongest([p["events"].get("separator")])),
    (
        "other keys named (aliases, copies)",
        lambda p: _strongest(p["identity"].get("otherKeys", {}).values()),
    ),
)


def with_handmade(profiles: Mapping[str, Any], directory: Path = ELEMENTS_DIR) -> Json:
    """The profiles celint uses: a hand-made profile wins over the generated one."""
    used = dict(profiles)
    for key, name in HANDMADE.items():
        path = directory / name
        if path.is_file():
            used[key] = json.loads(path.read_text(encoding="utf-8"))
    return used


def summary(profiles: Mapping[str, Any], overrides: Mapping[str, Any]) -> str:
    """The Markdown table for the README: how many elements have each fact, by how sure we are
    of it (an element with several such facts counts at its strongest)."""
    header = "| fact | elements | " + " | ".join(TRUST_ORDER) + " |"
    lines = [header, "|---" + "|---:" * (len(TRUST_ORDER) + 1) + "|"]
    for what, trust_of in SUMMARY_ROWS:
        levels = [trust_of(profile) for profile in profiles.values()]
        counts = [sum(1 for level in levels if level == wanted) for wanted in TRUST_ORDER]
        total = sum(counts)
        lines.append(f"| {what} | {total} | " + " | ".join(map(str, counts)) + " |")
    facts = [fact for profile in profiles.values() for fact in _facts(profile)]
    by_level = ", ".join(
        f"{sum(1 for f in facts if f['trust'] == level)} {level}" for level in TRUST_ORDER
    )
    defaults = {d["reason"].strip() for d in overrides.get("defaults", [])}
    from_defaults = sum(1 for f in facts if f.get("reason") in defaults)
    decisions = len(overrides.get("decisions", []))
    handmade = sum(1 for p in profiles.values() if p["origin"] == "handmade")
    lines += [
        "",
        f"{len(profiles)} element profiles ({handmade} hand-made), {len(facts)} facts: {by_level}.",
        f"Reviewed in overrides.yaml: {decisions} decisions and {len(defaults)} platform-wide "
        f"default ({from_defaults} facts set by the default).",
    ]
    return "\n".join(lines) + "\n"


def committed_summary(directory: Path = ELEMENTS_DIR) -> str:
    """The summary of the committed profiles (what the README shows; the same as ``--summary``
    while they are fresh, and it needs no catalogue)."""
    profiles = json.loads((directory / DATA_NAME).read_text(encoding="utf-8"))
    return summary(with_handmade(profiles, directory), load_overrides(directory / "overrides.yaml"))


# -- command line -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or ``--check``, or ``--summary``) the generated profiles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--catalogue", type=Path, default=DEFAULT_CATALOGUE, help="the docs catalogue to read"
    )
    parser.add_argument(
        "--overrides", type=Path, default=DEFAULT_OVERRIDES, help="the reviewed decisions"
    )
    parser.add_argument(
        "--out", type=Path, default=ELEMENTS_DIR, help="where catalogue.json and its index go"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when the files are stale")
    parser.add_argument("--summary", action="store_true", help="print the README table")
    args = parser.parse_args(argv)

    catalogue = json.loads(args.catalogue.read_text(encoding="utf-8"))
    overrides = load_overrides(args.overrides)
    profiles = build_profiles(catalogue, overrides)
    if args.summary:
        sys.stdout.write(summary(with_handmade(profiles, args.out), overrides))
        return 0
    outputs = dict(zip((DATA_NAME, INDEX_NAME), render(profiles, catalogue), strict=True))
    if args.check:
        stale = [
            name
            for name, content in outputs.items()
            if not (args.out / name).is_file() or (args.out / name).read_bytes() != content
        ]
        for name in stale:
            print(
                f"{args.out / name} is stale: run python scripts/build_elements.py", file=sys.stderr
            )
        return 1 if stale else 0
    for name, content in outputs.items():
        (args.out / name).write_bytes(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
