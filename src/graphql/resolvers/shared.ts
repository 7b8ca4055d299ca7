import type { NodeProperties } from '../../db/graphReader.js';
import { AppError } from '../../errors/appError.js';

/** The TimeExpression stored under `<prefix>Raw`, `…Value`… on a node, or null if absent. */
export function timeExpression(node: Record<string, unknown>, prefix: string) {
  const value = node[`${prefix}Value`];
  if (typeof value !== 'string') return null;
  return {
    raw: node[`${prefix}Raw`] ?? null,
    value,
    precision: node[`${prefix}Precision`],
    basis: node[`${prefix}Basis`],
    from: node[`${prefix}From`],
    to: node[`${prefix}To`],
  };
}

/** The Provenance of a node. */
export function provenance(node: NodeProperties) {
  return {
    enteredBy: node.enteredBy,
    enteredVia: node.enteredVia,
    enteredAt: node.enteredAt,
    updatedBy: node.updatedBy ?? null,
    updatedAt: node.updatedAt ?? null,
    updatedVia: node.updatedVia ?? null,
    revision: node.revision ?? 1,
  };
}

/** Drops nulls (ids whose node vanished between two reads of one request). */
export function present<T>(values: readonly (T | null)[]): T[] {
  return values.filter((value): value is T => value !== null);
}

/** Validates a page size: 1..100, so no request can ask for the whole graph at once. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  const value = first ?? 20;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new AppError('BAD_USER_INPUT', `"${argument}" must be between 1 and 100; got ${value}.`, {
      field: argument,
    });
  }
  return value;
}

/** Cursors are opaque to clients: base64url of the last id on the page. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeCursor`, refusing anything else with BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]{3}-[a-z0-9-]+$/.test(id) || encodeCursor(id) !== cursor) {
    throw new AppError('BAD_USER_INPUT', '"after" is not a cursor returned by this API.', {
      field: 'after',
    });
  }
  return id;
}
