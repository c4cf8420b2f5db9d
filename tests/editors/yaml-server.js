#!/usr/bin/env node
'use strict';
// Validate YAML (or JSON) documents with yaml-language-server, spoken to the way an editor does:
// LSP over stdio (initialize, the settings through workspace/configuration, didOpen), then the
// diagnostics it publishes for each document. A modeline's relative schema path resolves
// against the document's own path.
//
//   node yaml-server.js [--root DIR] [--schemas JSON] BODY.yaml...
//
// --root:    the workspace folder, default the current one; relative yaml.schemas paths resolve
//            against it.
// --schemas: the yaml.schemas setting as a user writes it in VS Code,
//            e.g. '{"./schemas/dist/quickbooks.schema.json": ["instances/*.yaml"]}'.
// Prints one JSON line per diagnostic on stdout. The server runs with block-network.js
// preloaded; its "network HOST:PORT" lines, and the server's log messages ("log ..."), go to
// stderr. Exit 2 when the server does not publish for every document.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs, fileUri, diagnosticLine } = require('./lsp-common.js');

const SERVER = require.resolve('yaml-language-server/out/server/src/server.js');
// The server validates 200 ms after a change, and publishes again when its settings change:
// the diagnostics are the last ones published once it has been quiet this long.
const QUIET_MS = 400;
const TIMEOUT_MS = 30000;

let parsed;
try {
  parsed = parseArgs(process.argv.slice(2), ['root', 'schemas']);
} catch (error) {
  process.stderr.write(`yaml-server.js: ${error.message}\n`);
  process.exit(2);
}
const { options, files } = parsed;
const root = path.resolve(options.root || '.');
const documents = new Map(files.map((file) => [fileUri(file), file]));
const settings = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    schemas: options.schemas ? JSON.parse(options.schemas) : {},
    schemaStore: { enable: false }, // else the server downloads the schemastore.org catalogue
    kubernetesCRDStore: { enable: false },
    format: { enable: false },
  },
  http: { proxy: '', proxyStrictSSL: false },
};

const server = spawn(
  process.execPath,
  ['-r', path.join(__dirname, 'block-network.js'), SERVER, '--stdio'],
  { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
);
server.stderr.on('data', (chunk) => process.stderr.write(chunk));

let nextId = 1;
const pending = new Map();
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}
const notify = (method, params) => send({ method, params });

let buffer = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buffer.subarray(0, headerEnd).toString('ascii');
    const length = Number(/Content-Length: *(\d+)/i.exec(header)[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headerEnd + 4 + length);
    receive(JSON.parse(body));
  }
});

let opened = false;
let finished = false;
let quietTimer = null;
const published = new Map(); // document URI -> the diagnostics last published for it

function configurationItem(item) {
  if (item.section === 'yaml') return settings.yaml;
  if (item.section === 'http') return settings.http;
  return null; // '[yaml]', 'editor', a document's scoped settings: nothing set
}

function openDocuments() {
  opened = true;
  for (const [uri, file] of documents) {
    const text = fs.readFileSync(file, 'utf8');
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }
}

function receive(message) {
  if (message.id !== undefined && message.method === undefined) {
    const resolve = pending.get(message.id);
    pending.delete(message.id);
    if (resolve) resolve(message.result);
    return;
  }
  if (message.method === 'workspace/configuration') {
    send({ id: message.id, result: message.params.items.map(configurationItem) });
    // The settings are in (the server pulls them after "initialized"): open the documents now,
    // so that they are validated against the configured schemas.
    if (!opened && message.params.items.some((item) => item.section === 'yaml')) openDocuments();
  } else if (message.id !== undefined) {
    send({ id: message.id, result: null }); // client/registerCapability and the like
  } else if (message.method === 'textDocument/publishDiagnostics') {
    if (!documents.has(message.params.uri)) return;
    published.set(message.params.uri, message.params.diagnostics);
    clearTimeout(quietTimer);
    if (published.size === documents.size) quietTimer = setTimeout(finish, QUIET_MS);
  } else if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
    process.stderr.write(`log ${message.params.message}\n`);
  }
}

async function finish() {
  finished = true;
  clearTimeout(overall);
  let lines = '';
  for (const [uri, file] of documents) {
    for (const diagnostic of published.get(uri)) lines += diagnosticLine(file, diagnostic) + '\n';
  }
  await Promise.race([request('shutdown', null), new Promise((r) => setTimeout(r, 1000))]);
  notify('exit', null);
  server.kill();
  process.stdout.write(lines, () => process.exit(0));
}

const overall = setTimeout(() => {
  const missing = [...documents.keys()].filter((uri) => !published.has(uri));
  process.stderr.write(`yaml-server.js: nothing published for ${missing.join(', ')} in ${TIMEOUT_MS} ms\n`);
  server.kill();
  process.exit(2);
}, TIMEOUT_MS);

server.on('exit', (code, signal) => {
  if (!finished) {
    process.stderr.write(`yaml-server.js: the server exited (${code ?? signal}) before publishing\n`);
    process.exit(2);
  }
});

request('initialize', {
  processId: process.pid,
  rootUri: fileUri(root),
  workspaceFolders: [{ uri: fileUri(root), name: path.basename(root) }],
  capabilities: {
    workspace: { configuration: true, workspaceFolders: true },
    textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown', 'plaintext'] } },
  },
}).then(() => notify('initialized', {}));
