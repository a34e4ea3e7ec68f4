// Lints Cypher with Neo4j's own language support (the parser and semantic analysis behind
// Neo4j's tools), offline. Usage: node lint.mjs [FILE|DIR ...]; without arguments it checks
// graph/schema.cypher and graph/queries/*.cypher. Exits 1 when any statement has an error.
//
// File conventions (shared with src/ChainGraph.Storage.Neo4j/Cypher/CypherCatalog.cs):
// - a statement ends with ';' at the end of a line, or at the end of the file;
// - schema.cypher may hold many statements, every other file exactly one;
// - each parameter a statement uses is declared in a comment line "// $name: what it is";
//   an undeclared $parameter is an error.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const targets = process.argv.length > 2
  ? process.argv.slice(2).map((p) => resolve(p))
  : [join(root, 'graph/schema.cypher'), join(root, 'graph/queries')];

const files = targets.flatMap((target) => {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) {
    console.error(`${target}: no such file or folder`);
    process.exit(2);
  }
  return stat.isDirectory()
    ? readdirSync(target).filter((f) => f.endsWith('.cypher')).sort().map((f) => join(target, f))
    : [target];
});

let errors = 0;
let statements = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  const found = split(readFileSync(file, 'utf8'));
  if (basename(file) !== 'schema.cypher' && found.length !== 1) {
    report(name, 1, 1, 'error', `holds ${found.length} statements; a query file holds exactly one`);
    errors++;
  }
  for (const statement of found) {
    statements++;
    const parameters = Object.fromEntries(statement.parameters.map((p) => [p, null]));
    const { diagnostics } = lintCypherQuery(statement.text, { parameters }, { consoleCommandsEnabled: false });
    for (const d of diagnostics) {
      const severity = d.severity === 1 ? 'error' : 'warning';
      if (d.severity === 1) errors++;
      report(name, statement.line + d.range.start.line, d.range.start.character + 1, severity, d.message);
    }
  }
}
console.log(`${statements} statements in ${files.length} files: ${errors} errors`);
process.exit(errors > 0 ? 1 : 0);

function report(file, line, column, severity, message) {
  console.log(`${file}:${line}:${column}: ${severity}: ${message}`);
}

// Splits a file into statements with their first line (1-based) and declared parameters.
function split(text) {
  const result = [];
  let lines = [];
  let first = 1;
  text.split(/\r?\n/).forEach((line, index) => {
    if (lines.length === 0) first = index + 1;
    lines.push(line);
    if (line.trimEnd().endsWith(';')) flush();
  });
  flush();
  return result;

  function flush() {
    const body = lines.filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    if (body.length > 0) {
      const parameters = lines.map((l) => /^\s*\/\/\s*\$(\w+)\s*:/.exec(l)?.[1]).filter(Boolean);
      // The trailing ';' separates statements in the file; it is not part of what Neo4j receives.
      const statement = lines.join('\n').replace(/;\s*$/, '');
      result.push({ text: statement, line: first, parameters });
    }
    lines = [];
  }
}
