import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';

/*
 * A static guard against Cypher injection: every value from outside must reach Neo4j as a
 * parameter ($id), never as text spliced into a statement. This test parses src/**\/*.ts with
 * the TypeScript compiler, finds every Cypher template literal and string concatenation, and
 * requires each `${…}` inside it to be one of:
 *
 *  - a literal, or a nested template / `cond ? a : b` whose parts are themselves allowed;
 *  - a vocabulary constant: `Label.X`, `Rel.X` (src/db/graphVocabulary.ts) or
 *    `fullTextIndexes.<index>.name|label` (src/db/databaseSchema.ts);
 *  - an expression named in `allowList` below for its file. Each entry says where the value
 *    comes from; every one was traced by reading the code to constants of graphVocabulary, to a
 *    constant table indexed by a validated key, or to a validated integer.
 *
 * Helper functions whose parameters end up in Cypher (`nodeById(variable, parameter)`,
 * `typedProperties(variable)`…) are listed in `literalParameters`, and every call to them must
 * pass string literals there (or a parameter of the same kind of helper).
 *
 * A template is Cypher when its text has a clause keyword (MATCH, MERGE, CREATE, UNWIND, CALL,
 * RETURN, WHERE, SET…) anywhere in src/, or, in src/db (where all Cypher lives), any Cypher
 * syntax: a node or relationship pattern, a $parameter, IN/AND/OR/NOT, `n.prop`, or an
 * interpolation right after `:` (a label) or `x.` (a property key).
 *
 * A new `${input.id}` (or `'…' + id + '…'`) in a statement fails this test. If it is really a
 * constant, add it to `allowList` with the reason, after checking where every value comes from.
 */

interface AllowedExpressions {
  /** Path from the project root. */
  readonly file: string;
  /** Expression texts as written (whitespace collapsed). */
  readonly expressions: readonly string[];
  /** Where the values come from, and why they cannot carry input. */
  readonly why: string;
}

const allowList: readonly AllowedExpressions[] = [
  {
    file: 'src/db/connectionQuery.ts',
    expressions: ['variable', 'parameter'],
    why: 'nodeById(variable, parameter): a Cypher variable and a $parameter name; every call passes literals (literalParameters).',
  },
  {
    file: 'src/db/connectionQuery.ts',
    expressions: ['label'],
    why: 'nodeById maps over identifiedLabels, the constant list of graphVocabulary.',
  },
  {
    file: 'src/db/connectionQuery.ts',
    expressions: ["nodeById('a', 'fromId')", "nodeById('b', 'toId')"],
    why: 'nodeById with literal arguments builds UNIONs of MATCH by constant label and $parameter.',
  },
  {
    file: 'src/db/connectionQuery.ts',
    expressions: ['maxHops'],
    why: 'A variable-length bound cannot be a parameter. shortestPaths throws unless it is an integer 1..8, and Query.connection refuses anything else with BAD_USER_INPUT first.',
  },
  {
    file: 'src/db/databaseSchema.ts',
    expressions: ['label', 'label.toLowerCase()'],
    why: 'databaseSchemaStatements maps over identifiedLabels (constants).',
  },
  {
    file: 'src/db/databaseSchema.ts',
    expressions: ['index.name', 'index.label', 'properties', 'property'],
    why: 'Iterates Object.values(fullTextIndexes), a constant table; properties are its constant property names joined as `n.<name>`.',
  },
  {
    file: 'src/db/existingNodes.ts',
    expressions: ['label'],
    why: 'Typed NodeLabel: missingReferences takes it from NodeReferences that src/editing builds with Label.X; existingNodes gets group.label of a write plan (see writeGraphPlan.ts).',
  },
  {
    file: 'src/db/exportQueries.ts',
    expressions: ['variable'],
    why: 'Cypher variable names of typedProperties/hasStringId/ownedBy/inScope; every call passes a literal (literalParameters).',
  },
  {
    file: 'src/db/exportQueries.ts',
    expressions: ['label', 'other', 'labels', "earlier.join(' AND ')"],
    why: 'NodeScope.labels (KnownLabel[]): src/export/graphStream.ts builds it from knownLabels = Object.values(Label), or from parseSelection, which returns the knownLabels entry equal to --label and refuses anything else.',
  },
  {
    file: 'src/db/exportQueries.ts',
    expressions: ['ids', 'hasStringId(variable)'],
    why: 'ids is the constant fragment ` AND <variable>.id IN $ids` or empty; the ids themselves are the $ids parameter.',
  },
  {
    file: 'src/db/exportQueries.ts',
    expressions: [
      "hasStringId('n')",
      "typedProperties('n')",
      "typedProperties('r')",
      "ownedBy(scope, index, 'n')",
      "ownedBy(scope, index, 'a')",
      "inScope(scope, 'b')",
    ],
    why: 'Fragment builders called with literal variable names; their own templates are checked here too.',
  },
  {
    file: 'src/db/readStatements.ts',
    expressions: ['label', 'rel'],
    why: 'nodesById(label: NodeLabel) is called by the loaders with Label.X; attributionsOf looks { rel, label } up in the constant attributionOwnerRel by an AttributionOwner key written in the resolvers.',
  },
  {
    file: 'src/db/readStatements.ts',
    expressions: ['attributionProjection'],
    why: 'A module constant built from Rel.X.',
  },
  {
    file: 'src/db/readStatements.ts',
    expressions: ['ownerLabel', 'type', 'otherLabel', 'pattern'],
    why: 'neighbours(ownerLabel: NodeLabel, type: RelType, direction, otherLabel: NodeLabel): every loaders.neighbours call in src/graphql passes Label.X and Rel.X; pattern is one of two templates of those, chosen by direction.',
  },
  {
    file: 'src/db/importGraph.ts',
    expressions: ['label'],
    why: 'findNodeLabels iterates knownLabels (constants).',
  },
  {
    file: 'src/db/importGraph.ts',
    expressions: ["extra.join(':')", 'primary', 'extraLabels'],
    why: 'ImportNode.labels: src/export/validateImport.ts checkLabels refuses unknown labels and returns knownLabels.filter(...), i.e. the constants themselves.',
  },
  {
    file: 'src/db/importGraph.ts',
    expressions: ['fromLabel', 'toLabel', 'type'],
    why: 'type: validateImport takes knownTypes.find(candidate === raw.type) and refuses the rest; end labels come from validated node labels or from findNodeLabels (knownLabels).',
  },
  {
    file: 'src/db/listQueries.ts',
    expressions: ['match'],
    why: 'pageOf(match): the callers pass template literals of this file (checked here).',
  },
  {
    file: 'src/db/listQueries.ts',
    expressions: ['sortKey'],
    why: 'sortKeys[page.orderBy] from the constant sortKeys tables; sortRequest refuses other fields with BAD_USER_INPUT and pageOf throws on an unknown key.',
  },
  {
    file: 'src/db/listQueries.ts',
    expressions: ['before', 'after'],
    why: "Destructured from the literal pairs ['<', 'DESC'] or ['>', 'ASC'] chosen by a boolean.",
  },
  {
    file: 'src/db/timelineQuery.ts',
    expressions: ['claimsOrActor'],
    why: 'One of two template literals of this file (checked here), chosen by which key the scope has.',
  },
  {
    file: 'src/db/draftStore.ts',
    expressions: ['draftProjection'],
    why: 'A module constant: the projection of a Draft node, a literal template.',
  },
  {
    file: 'src/db/matchCandidates.ts',
    expressions: ['claimProjection'],
    why: 'A module constant built from Label.X and Rel.X (its template is checked here too).',
  },
  {
    file: 'src/db/databaseSchema.ts',
    expressions: ['fingerprintIndex.name', 'fingerprintIndex.label', 'fingerprintIndex.property'],
    why: 'fingerprintIndex is a constant object of this file (name, Label.Source, a property name).',
  },
  {
    file: 'src/db/reuseQueries.ts',
    expressions: ['fingerprintIndex.name', 'sourceProjection'],
    why: 'fingerprintIndex.name is a constant of databaseSchema.ts; sourceProjection a literal template of this file.',
  },
  {
    file: 'src/db/bulkQueries.ts',
    expressions: ['label', 'type', 'fromLabel', 'toLabel'],
    why: "Labels and types of the GraphWritePlan groups a bulk load was made from (planSeedLoad: Label.X and Rel.X only), carried by BulkCsvBuilder's property fixes (src/ingest/bulk/).",
  },
  {
    file: 'src/db/writeGraphPlan.ts',
    expressions: ['label', 'fromLabel', 'toLabel', 'type'],
    why: 'Groups of a GraphWritePlan: planSeedLoad and src/editing build them only from Label.X, Rel.X and claimRelationTypes[type], where type is a ClaimRelationType enum value GraphQL has validated.',
  },
  {
    file: 'src/db/writeGraphPlan.ts',
    expressions: [
      'snapshotNode(fromLabel)',
      'snapshotNode(label)',
      "keptStateProperties.map((key) => `.${key}`).join(', ')",
    ],
    why: 'keptStateProperties is a constant list of property names (revisionSnapshots.ts); snapshotNode (revisionSnapshots.ts, checked there) with the labels of a GraphWritePlan group, which come from Label.X (see the entry above).',
  },
  {
    file: 'src/db/revisionSnapshots.ts',
    expressions: [
      'property',
      'variable',
      'type',
      "linkSnapshotMap(label, 'n')",
      "unsnapshottedProperties.map((key) => `old.${key}`).join(', ')",
      'key',
    ],
    why: 'property and type iterate the constant snapshotLinks table (Rel.X values); variable is a literal Cypher variable at every call; key iterates the constant unsnapshottedProperties list; label is a Label.X of a write plan or a correction.',
  },
  {
    file: 'src/db/correctionQueries.ts',
    expressions: [
      'label',
      "linkSnapshotMap(label, 'n')",
      'snapshotNode(label)',
      'link.fromLabel',
      'link.type',
      'link.toLabel',
      'change.moveTo.type',
      'linkSnapshot',
      'linkIdentityOfR',
    ],
    why: 'label: NodeLabel from the constant kinds table of src/editing/correctRecords.ts or Label.Attribution; LinkAddress fields come only from citationLink/claimRelationLink (src/editing/retractions.ts): Rel.CITES, Label.X and claimRelationTypes[type] for a GraphQL-validated ClaimRelationType; moveTo.type likewise; linkSnapshot and linkIdentityOfR are module constants.',
  },
  {
    file: 'src/db/correctionQueries.ts',
    expressions: ['type', 'from', 'to'],
    why: "linkIdentity builds the identity string a link's revisions are filed under; it is not Cypher: it is sent as the $linkId parameter.",
  },
  {
    file: 'src/db/revisionQueries.ts',
    expressions: [
      'label',
      "withLinkSnapshot(label, 'n')",
      'link.fromLabel',
      'link.type',
      'link.toLabel',
      'linkIdentityOfR',
    ],
    why: 'linkIdentityOfR is a constant fragment of correctionQueries.ts; label is Label.X at every call (historyResolvers); LinkAddress fields are Rel.CITES, Label.X or claimRelationTypes values mapped from a stored relation type (historyResolvers.relationType).',
  },
  {
    file: 'src/db/importGraph.ts',
    expressions: [
      "linkSnapshotMap(primary ?? '', 'n')",
      "unsnapshottedProperties.map((key) => `old.${key} = null`).join(', ')",
      'key',
    ],
    why: 'primary is a validated import label (knownLabels, see above); key iterates the constant unsnapshottedProperties list.',
  },
];

/** Helpers whose parameters (by index) are spliced into Cypher: calls must pass literals. */
const literalParameters: readonly { name: string; indexes: readonly number[] }[] = [
  { name: 'nodeById', indexes: [0, 1] },
  { name: 'typedProperties', indexes: [0] },
  { name: 'hasStringId', indexes: [0] },
  { name: 'ownedBy', indexes: [2] },
  { name: 'inScope', indexes: [1] },
];

const CLAUSE =
  /\b(MATCH|MERGE|CREATE|UNWIND|CALL|RETURN|DETACH|DELETE|FOREACH|LOAD CSV|REMOVE|SET|WHERE|WITH)\b/;
const SYNTAX =
  /\(\s*\w*\s*:|\]-|-\[|<-|->|\$\w|\b(IN|AND|OR|NOT|IS NULL|IS NOT NULL)\b|valueType\(|\b[a-z]\w*\.\w/;

/** A `${…}` (or `+` operand) in Cypher that is not known to be constant. */
interface Finding {
  readonly file: string;
  readonly line: number;
  readonly expression: string;
}

/** The outcome of scanning some sources. */
interface Scan {
  readonly findings: Finding[];
  /** `file: expression` of every allow-list entry used. */
  readonly used: Set<string>;
  /** How many Cypher templates and concatenations were checked. */
  cypherCount: number;
  /** Calls to literalParameters helpers that pass something else. */
  readonly badCalls: Finding[];
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function literalText(node: ts.TemplateExpression): { chunks: string[]; text: string } {
  const chunks = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return { chunks, text: chunks.join('') };
}

/** Is this template Cypher? */
function isCypherTemplate(node: ts.TemplateExpression, inDb: boolean): boolean {
  const { chunks, text } = literalText(node);
  if (CLAUSE.test(text)) return true;
  if (!inDb) return false;
  if (SYNTAX.test(text)) return true;
  // An interpolation right after `:` is a label; right after `x.` a property key.
  return chunks.slice(0, -1).some((chunk) => /:\s*$/.test(chunk) || /\b[a-z]\w*\.$/.test(chunk));
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current)
  )
    current = current.expression;
  return current;
}

/** Operands of a chain of `+`. */
function plusOperands(node: ts.Expression): ts.Expression[] {
  const inner = unwrap(node);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...plusOperands(inner.left), ...plusOperands(inner.right)];
  return [inner];
}

const isStringLiteral = (node: ts.Expression) =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** Scans TypeScript sources (path relative to the project root → text). */
function scan(sources: ReadonlyMap<string, string>): Scan {
  const result: Scan = { findings: [], used: new Set(), cypherCount: 0, badCalls: [] };
  const allowed = new Map<string, Set<string>>();
  for (const entry of allowList) {
    const set = allowed.get(entry.file) ?? new Set<string>();
    for (const expression of entry.expressions) set.add(collapse(expression));
    allowed.set(entry.file, set);
  }
  const helperNames = new Map(literalParameters.map((helper) => [helper.name, helper.indexes]));

  for (const [file, text] of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const inDb = file.startsWith('src/db/');
    const lineOf = (node: ts.Node) =>
      source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

    /** Checks one interpolated value; reports what is not known to be constant. */
    const check = (raw: ts.Expression) => {
      const expression = unwrap(raw);
      if (isStringLiteral(expression) || ts.isNumericLiteral(expression)) return;
      if (ts.isTemplateExpression(expression)) {
        for (const span of expression.templateSpans) check(span.expression);
        return;
      }
      if (ts.isConditionalExpression(expression)) {
        check(expression.whenTrue);
        check(expression.whenFalse);
        return;
      }
      const written = collapse(expression.getText(source));
      if (/^(Label|Rel)\.[A-Za-z_]+$/.test(written)) return;
      if (/^fullTextIndexes\.[A-Za-z_]+\.(name|label)$/.test(written)) return;
      if (allowed.get(file)?.has(written)) {
        result.used.add(`${file}: ${written}`);
        return;
      }
      result.findings.push({ file, line: lineOf(expression), expression: written });
    };

    /** The name of the function (declaration or const arrow) a node is in, with its parameters. */
    const enclosingFunction = (node: ts.Node) => {
      for (let current = node.parent; current; current = current.parent) {
        if (ts.isFunctionDeclaration(current) && current.name)
          return { name: current.name.text, parameters: current.parameters };
        if (
          (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) &&
          ts.isVariableDeclaration(current.parent) &&
          ts.isIdentifier(current.parent.name)
        )
          return { name: current.parent.name.text, parameters: current.parameters };
      }
      return undefined;
    };

    const visit = (node: ts.Node) => {
      if (ts.isTemplateExpression(node) && isCypherTemplate(node, inDb)) {
        result.cypherCount++;
        for (const span of node.templateSpans) check(span.expression);
      }
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
        !(
          ts.isBinaryExpression(node.parent) &&
          node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken
        )
      ) {
        const operands = plusOperands(node);
        const literals = operands.filter(isStringLiteral).map((operand) => operand.getText(source));
        if (literals.some((literal) => CLAUSE.test(literal))) {
          result.cypherCount++;
          for (const operand of operands) if (!isStringLiteral(operand)) check(operand);
        }
      }
      // `cypher:` given a variable or a call: where it comes from must be allowed.
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'cypher'
      ) {
        const value = unwrap(node.initializer);
        if (
          !isStringLiteral(value) &&
          !ts.isTemplateExpression(value) &&
          !ts.isBinaryExpression(value)
        )
          check(value);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const indexes = helperNames.get(node.expression.text);
        for (const index of indexes ?? []) {
          const argument = node.arguments[index];
          if (argument === undefined || isStringLiteral(unwrap(argument))) continue;
          // A helper may pass on its own literal-only parameter (inScope → hasStringId).
          const caller = enclosingFunction(node);
          const callerIndexes = caller ? helperNames.get(caller.name) : undefined;
          const passedOn =
            ts.isIdentifier(argument) &&
            caller !== undefined &&
            callerIndexes !== undefined &&
            caller.parameters.some(
              (parameter, position) =>
                ts.isIdentifier(parameter.name) &&
                parameter.name.text === argument.text &&
                callerIndexes.includes(position),
            );
          if (!passedOn)
            result.badCalls.push({
              file,
              line: lineOf(node),
              expression: collapse(node.getText(source)),
            });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return result;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const show = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.file}:${finding.line}  \${${finding.expression}}`);

describe('no input is spliced into Cypher (static check of src/)', () => {
  const sources = new Map(
    sourceFiles(path.join(projectRoot, 'src')).map((file) => [
      path.relative(projectRoot, file).split(path.sep).join('/'),
      readFileSync(file, 'utf8'),
    ]),
  );
  const result = scan(sources);

  it('finds the Cypher of src/db (the scan is not silently empty)', () => {
    expect(result.cypherCount).toBeGreaterThan(40);
  });

  it('interpolates only literals, vocabulary constants and allow-listed constant expressions', () => {
    expect(show(result.findings)).toEqual([]);
  });

  it('calls the fragment helpers only with literal variable names', () => {
    expect(show(result.badCalls)).toEqual([]);
  });

  it('has no stale allow-list entry (each one is still used where it is listed)', () => {
    const stale = allowList.flatMap((entry) =>
      entry.expressions
        .map((expression) => `${entry.file}: ${collapse(expression)}`)
        .filter((key) => !result.used.has(key)),
    );
    expect(stale).toEqual([]);
  });

  it('fails on a new ${input} in a statement, in concatenation, and on a helper called with input', () => {
    const injected = scan(
      new Map([
        [
          'src/db/example.ts',
          [
            "import { Label } from './graphVocabulary.js';",
            'export const a = (input: { id: string }) =>',
            "  `MATCH (n:${Label.Claim} {id: '${input.id}'}) RETURN n`;",
            "export const b = (id: string) => 'MATCH (n {id: \"' + id + '\"}) DETACH DELETE n';",
            'export const c = (label: string) => `n:${label}`;',
            'export const d = (field: string) => `n.${field} = $value`;',
            'export const e = (args: { text: string }) => ({ name: "x", cypher: args.text });',
            'const nodeById = (variable: string, parameter: string) => `MATCH (${variable}) WHERE ${variable}.id = $${parameter}`;',
            'export const f = (who: string) => nodeById(who, "id");',
          ].join('\n'),
        ],
      ]),
    );
    expect(show(injected.findings)).toEqual([
      'src/db/example.ts:3  ${input.id}',
      'src/db/example.ts:4  ${id}',
      'src/db/example.ts:5  ${label}',
      'src/db/example.ts:6  ${field}',
      'src/db/example.ts:7  ${args.text}',
      'src/db/example.ts:8  ${variable}',
      'src/db/example.ts:8  ${variable}',
      'src/db/example.ts:8  ${parameter}',
    ]);
    expect(show(injected.badCalls)).toEqual(['src/db/example.ts:9  ${nodeById(who, "id")}']);
  });
});
