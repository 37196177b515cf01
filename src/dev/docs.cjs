// npm run docs: regenerate the function reference (docs/REFERENCE.md) from the built dist/functions.json.
'use strict';
const fs = require('fs');
const path = require('path');
const { referenceMarkdown, withReference } = require('./build/readme-reference.cjs');

const root = path.resolve(__dirname, '..', '..');
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const metadataFile = path.join(root, 'dist', 'functions.json');
if (!fs.existsSync(metadataFile)) {
  console.error('dist/functions.json is missing: run npm run build first.');
  process.exit(1);
}
const markdown = referenceMarkdown(read('dist/functions.json'), read('src/functions/metadata-fr.json'), read('src/functions/reference.json'));
const readmePath = path.join(root, 'docs', 'REFERENCE.md');
fs.writeFileSync(readmePath, withReference(fs.readFileSync(readmePath, 'utf8'), markdown));
console.log('docs/REFERENCE.md: function reference updated');
