// Lints every Dockerfile of a directory with one of the npm linters, in one warm process, and
// prints Dockerfiles per second. Usage: node bench/peers.js NODE_MODULES LINTER DIRECTORY [WARM_UP] [ROUNDS]
// LINTER: dockerfile-utils | dockerfilelint | dockerlinter. Run by bench/compare.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, linter, directory, warmUpArg, roundsArg] = process.argv.slice(2);
const warmUp = Number(warmUpArg || 5);
const rounds = Number(roundsArg || 5);
const need = (name) => require(path.join(modules, name));

function lintFunction() {
  switch (linter) {
    case 'dockerfile-utils': {
      const utils = need('dockerfile-utils');
      return (content) => utils.validate(content).length;
    }
    case 'dockerfilelint': {
      const dockerfilelint = need('dockerfilelint');
      // configPath: where it looks for a .dockerfilelintrc; the corpus has none, so its defaults apply
      return (content) => dockerfilelint.run(directory, content).length;
    }
    case 'dockerlinter': {
      // app.js's lint() without printing or exiting; shellcheck off (it runs an external binary)
      const { parseToLines } = need('dockerlinter/lib/parser');
      const { directivesParser, getEscape, parseFromAliases } = need('dockerlinter/lib/directives');
      const { groupLinesByInstruction, groupByCommand, replaceArgAndEnv, getInlineIgnores } = need('dockerlinter/lib/groups');
      const lints = need('dockerlinter/lib/lints');
      const errors = need('dockerlinter/lib/errors');
      return (content) => {
        errors.cleanErrors();
        const lines = parseToLines(content);
        const inlineIgnores = getInlineIgnores(lines);
        const parserDirectives = directivesParser(lines);
        const escape = getEscape(parserDirectives);
        let groups = groupByCommand(groupLinesByInstruction(lines, escape));
        groups = replaceArgAndEnv(groups, escape);
        const aliases = parseFromAliases(groups);
        const parsedFile = { lines, parserDirectives, escape, groups, aliases, inlineIgnores };
        Object.keys(lints).forEach((name) => lints[name](parsedFile));
        return errors.getErrors().length;
      };
    }
    default:
      throw new Error('unknown linter ' + linter);
  }
}

const lint = lintFunction();
const contents = fs.readdirSync(directory).filter((f) => f.includes('Dockerfile')).sort()
  .map((f) => fs.readFileSync(path.join(directory, f), 'utf8'));
let findings = 0;
let failures = 0;
const lintAll = () => {
  for (const content of contents) {
    try {
      findings += lint(content);
    } catch (e) {
      failures++;
    }
  }
};
for (let i = 0; i < warmUp; i++) lintAll();
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) lintAll();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${linter} ${contents.length} files x ${rounds} rounds in ${seconds.toFixed(3)} s: `
  + `${Math.round(contents.length * rounds / seconds)} Dockerfiles/s (findings checksum ${findings}, files that threw ${failures})`);
