"""Latency of ``celint server``: from ``didChange`` to the ``publishDiagnostics`` it causes.

Usage (from the repository root, after ``pip install -e '.[server]'``)::

    python bench/server.py            # 25 changes per case after 3 warm-up ones
    python bench/server.py --smoke    # 3 changes per case: proves the bench still runs

The client is pygls's, over stdio, as an editor's. Each case opens one document, then sends
whole-text changes that alternate between a clean body and the same body with one mistake
(a misspelt vendor type in every instance), and times each change until the diagnostics of
that document version arrive, checking that they are the expected ones. Cases: a 1 KB body in
JSON and in YAML (``corpus.py``'s first bodies) and a 200 KB exported array (``GET /instances``:
bodies from the corpus), each with the default debounce and with ``--debounce 0`` (what linting
costs alone). This is a measurement to quote, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import corpus
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from celint.server import DEBOUNCE_MS

CELINT = [sys.executable, "-m", "celint", "server"]
EXPORT_SIZE = 200 * 1024
MISTAKE = ("webhook", "webhok"), ("polling", "poling")


@dataclass(frozen=True)
class Case:
    """One document and the two texts its changes alternate between."""

    name: str
    path: Path
    clean: str
    broken: str


def _misspelt(text: str) -> str:
    """``text`` with every vendor type misspelt (one finding per body)."""
    for right, wrong in MISTAKE:
        text = text.replace(f'"{right}"', f'"{wrong}"').replace(f": {right}\n", f": {wrong}\n")
    return text


def exported_array(size: int) -> str:
    """A ``GET /instances`` export of at least ``size`` characters: corpus bodies in an array."""
    rng = random.Random(corpus.SEED)
    bodies: list[corpus.Body] = []
    while len(json.dumps(bodies, indent=2)) < size:
        bodies.append(corpus.body(rng, len(bodies)))
    return json.dumps(bodies, indent=2) + "\n"


def cases(folder: Path) -> list[Case]:
    texts = {
        "1 KB JSON body": ("qbo.json", corpus.text(0)),
        "1 KB YAML body": ("qbo.yaml", corpus.text(1)),
        "200 KB exported array (JSON)": ("instances.json", exported_array(EXPORT_SIZE)),
    }
    return [
        Case(name, folder / file, text, _misspelt(text)) for name, (file, text) in texts.items()
    ]


class Probe:
    """A pygls client that times each document version's diagnostics."""

    def __init__(self) -> None:
        self.client = LanguageClient("celint-bench", "1")
        self.waiting: dict[tuple[str, int | None], asyncio.Future[tuple[float, int]]] = {}

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            found = self.waiting.pop((params.uri, params.version), None)
            if found is not None and not found.done():
                found.set_result((time.perf_counter(), len(params.diagnostics)))

    def expect(self, uri: str, version: int) -> asyncio.Future[tuple[float, int]]:
        future: asyncio.Future[tuple[float, int]] = asyncio.get_running_loop().create_future()
        self.waiting[(uri, version)] = future
        return future

    async def start(self, *args: str, root: Path) -> None:
        await self.client.start_io(*CELINT, *args)
        capabilities = lsp.ClientCapabilities()
        await self.client.initialize_async(
            lsp.InitializeParams(capabilities=capabilities, root_uri=root.as_uri())
        )
        self.client.initialized(lsp.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def time_case(case: Case, debounce_ms: int, changes: int, warmup: int) -> list[float]:
    """Milliseconds from each ``didChange`` to its diagnostics, warm-up ones left out."""
    probe = Probe()
    await probe.start("--debounce", str(debounce_ms), root=case.path.parent)
    uri = case.path.as_uri()
    opened = probe.expect(uri, 1)
    item = lsp.TextDocumentItem(uri, case.path.suffix.lstrip("."), 1, case.clean)
    probe.client.text_document_did_open(lsp.DidOpenTextDocumentParams(item))
    await opened
    samples = []
    for number in range(warmup + changes):
        version = number + 2
        text = case.broken if number % 2 == 0 else case.clean
        arrived = probe.expect(uri, version)
        change = lsp.TextDocumentContentChangeWholeDocument(text)
        document = lsp.VersionedTextDocumentIdentifier(version, uri)
        sent = time.perf_counter()
        probe.client.text_document_did_change(lsp.DidChangeTextDocumentParams(document, [change]))
        received, count = await arrived
        if (count > 0) != (text is case.broken):
            raise SystemExit(f"bench: {case.name}: {count} findings for version {version}")
        if number >= warmup:
            samples.append((received - sent) * 1000)
    await probe.stop()
    return samples


def _cell(samples: list[float]) -> str:
    return f"{statistics.median(samples):.0f} ({min(samples):.0f}–{max(samples):.0f})"


async def run(folder: Path, changes: int, warmup: int) -> str:
    lines = [
        f"celint server, didChange → publishDiagnostics: medians of {changes} changes after"
        f" {warmup} warm-up, milliseconds (min–max)",
        "",
        f"| document | size | --debounce 0 | default debounce ({DEBOUNCE_MS} ms) |",
        "|---|---:|---:|---:|",
    ]
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases(folder):
        case.path.write_text(case.clean, encoding="utf-8")
        alone = await time_case(case, 0, changes, warmup)
        debounced = await time_case(case, DEBOUNCE_MS, changes, warmup)
        size = f"{len(case.clean.encode()) / 1024:.1f} KB"
        lines.append(f"| {case.name} | {size} | {_cell(alone)} | {_cell(debounced)} |")
        print(f"bench: {case.name} done", file=sys.stderr, flush=True)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="3 changes per case (for CI)")
    parser.add_argument("--changes", type=int, help="timed changes per case (default 25)")
    args = parser.parse_args(argv)
    changes = args.changes or (3 if args.smoke else 25)
    warmup = 1 if args.smoke else 3
    folder = Path(__file__).resolve().parent / "corpus" / "server"
    print(asyncio.run(run(folder, changes, warmup)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
