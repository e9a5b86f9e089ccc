// Decides whether the generated code is current: the stamp records the versions of the schema
// packages (every package tools/ocpp/schema-source.js reads), the versions of the generating
// libraries and a hash of this generator's own sources.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { schemaPackages } = require('./schema-source');

const stampFile = '.stamp.json';
const packagesThatShapeOutput = [...schemaPackages, 'ajv', 'ajv-formats', 'json-schema-to-typescript'];

function generatorHash() {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.js')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(__dirname, file)));
  }
  return hash.digest('hex');
}

function currentStamp() {
  return {
    generator: generatorHash(),
    packages: Object.fromEntries(packagesThatShapeOutput.map((name) => [name, require(`${name}/package.json`).version])),
  };
}

function isUpToDate(outDir, stamp, outputs) {
  try {
    const written = fs.readFileSync(path.join(outDir, stampFile), 'utf8');
    return written === JSON.stringify(stamp) && outputs.every((file) => fs.existsSync(path.join(outDir, file)));
  } catch {
    return false;
  }
}

function writeStamp(outDir, stamp) {
  fs.writeFileSync(path.join(outDir, stampFile), JSON.stringify(stamp));
}

module.exports = { currentStamp, isUpToDate, writeStamp };
