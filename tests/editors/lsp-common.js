'use strict';
// What the drivers share: their command line, file URIs, and diagnostics as JSON lines.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

/**
 * `--name value` options (each takes a value) and the files after them.
 * @param {string[]} argv the arguments after the script
 * @param {string[]} known the option names the driver takes
 */
function parseArgs(argv, known) {
  const options = {};
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) {
      files.push(argv[i]);
      continue;
    }
    const name = argv[i].slice(2);
    if (!known.includes(name) || i + 1 >= argv.length) {
      throw new Error(`unknown option or missing value: ${argv[i]} (options: ${known.join(', ')})`);
    }
    options[name] = argv[++i];
  }
  if (files.length === 0) throw new Error('no document given');
  return { options, files };
}

function fileUri(file) {
  return pathToFileURL(path.resolve(file)).href;
}

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/**
 * One diagnostic as the line the tests read: the document as given on the command line, and
 * 1-based line and column, as celint reports them (LSP counts from 0).
 */
function diagnosticLine(file, diagnostic) {
  const { start, end } = diagnostic.range;
  return JSON.stringify({
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: SEVERITIES[diagnostic.severity] || 'error',
    message: diagnostic.message,
    source: diagnostic.source || '',
  });
}

module.exports = { parseArgs, fileUri, diagnosticLine };
