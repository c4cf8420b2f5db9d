'use strict';
// Preloaded into every editor engine the tests run (node -r ./block-network.js): any attempt to
// open a network connection is refused and reported on stderr as "network HOST:PORT", so a test
// can assert that an engine loaded its schema offline instead of only that it happened to work.
const net = require('node:net');

function describe(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') {
    return `${first.host || first.hostname || first.path || 'localhost'}:${first.port ?? ''}`;
  }
  return args.filter((arg) => typeof arg !== 'function').join(':');
}

net.Socket.prototype.connect = function blockedConnect(...args) {
  const target = describe(args);
  process.stderr.write(`network ${target}\n`);
  process.nextTick(() => this.destroy(new Error(`network access blocked by the test: ${target}`)));
  return this;
};
