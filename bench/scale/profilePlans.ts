/**
 * PROFILE of the statements behind the benchmarked questions: the operators Neo4j chose, total
 * db hits and rows. A hot statement should start from an index seek (or the full-text index
 * procedure), never from a label or all-nodes scan.
 */
import type { Driver } from 'neo4j-driver';
import type { NamedQuery } from '../../src/db/executor.js';

export interface PlanProfile {
  readonly statement: string;
  /** Operators from the top of the plan down, e.g. `NodeUniqueIndexSeek`. */
  readonly operators: string[];
  readonly dbHits: number;
  readonly rows: number;
  /** Operators that find nodes through an index. */
  readonly seeks: string[];
  /** Operators that read a whole label, index, node store or relationship type. */
  readonly scans: string[];
}

interface ProfiledPlan {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: ProfiledPlan[];
}

const seekPattern = /IndexSeek|ByIdSeek|ProcedureCall/;
const scanPattern = /LabelScan|IndexScan|AllNodesScan|AllRelationshipsScan|RelationshipTypeScan/;

export async function profileStatement(
  driver: Driver,
  statement: NamedQuery,
  parameters: Record<string, unknown>,
): Promise<PlanProfile> {
  const session = driver.session();
  try {
    const result = await session.run(`PROFILE ${statement.cypher}`, parameters);
    const plan = result.summary.profile as unknown as ProfiledPlan | false;
    if (!plan) throw new Error(`No profile came back for ${statement.name}`);
    const operators: string[] = [];
    let dbHits = 0;
    const visit = (node: ProfiledPlan) => {
      operators.push(node.operatorType.replace(/@.*$/, ''));
      dbHits += Number(node.dbHits);
      node.children.forEach(visit);
    };
    visit(plan);
    return {
      statement: statement.name,
      operators,
      dbHits,
      rows: Number(plan.rows),
      seeks: operators.filter((operator) => seekPattern.test(operator)),
      scans: operators.filter((operator) => scanPattern.test(operator)),
    };
  } finally {
    await session.close();
  }
}
