#!/usr/bin/env node
'use strict';
// Validate JSON documents with vscode-json-languageservice, the engine of VS Code's JSON
// support, wired the way VS Code wires it: schemas load through schemaRequestService, and a
// relative schema path (a "$schema" key) resolves against the document's URI.
//
//   node json-service.js [--schema SCHEMA.json] BODY.json...
//
// --schema: associate that schema with every document, as a json.schemas setting does; without
//           it a document names its own with a "$schema" key, relative to its own path.
// Prints one JSON line per diagnostic on stdout, and "request URI" on stderr for each schema the
// service asks for. Only file: URIs are served; the network is blocked (block-network.js).
require('./block-network.js');
const fs = require('node:fs');
const { fileURLToPath } = require('node:url');
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');
const { parseArgs, fileUri, diagnosticLine } = require('./lsp-common.js');

async function main() {
  const { options, files } = parseArgs(process.argv.slice(2), ['schema']);
  const service = getLanguageService({
    schemaRequestService: (uri) => {
      process.stderr.write(`request ${uri}\n`);
      if (!uri.startsWith('file://')) return Promise.reject(`offline: ${uri} is not fetched`);
      return fs.promises.readFile(fileURLToPath(uri), 'utf8');
    },
    workspaceContext: {
      resolveRelativePath: (relative, resource) => new URL(relative, resource).href,
    },
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: options.schema ? [{ uri: fileUri(options.schema), fileMatch: ['*'] }] : [],
  });
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const document = TextDocument.create(fileUri(file), 'json', 1, text);
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document), {
      comments: 'error',
      trailingCommas: 'error',
      schemaValidation: 'error',
      schemaRequest: 'error',
    });
    for (const diagnostic of diagnostics) {
      process.stdout.write(diagnosticLine(file, diagnostic) + '\n');
    }
  }
}

main().catch((error) => {
  process.stderr.write(`json-service.js: ${error.stack || error}\n`);
  process.exit(2);
});
