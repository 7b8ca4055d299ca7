import { bookmarkManager, Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../errors/appError.js';
import { toPlain } from './toPlain.js';

/** Parameters of a Cypher statement; values, never spliced into the text. */
export type CypherParameters = Record<string, unknown>;

/** A Cypher statement with a name for logs and error messages. */
export interface NamedQuery {
  readonly name: string;
  readonly cypher: string;
}

/** A write transaction's handle: run statements that commit or roll back together. */
export interface WriteScope {
  run(query: NamedQuery, parameters?: CypherParameters): Promise<Record<string, unknown>[]>;
}

/**
 * The only code that talks to the driver. Every statement runs in a managed transaction with
 * the configured timeout; records come back as plain objects; driver errors come back as
 * AppErrors with catalogue codes (DB_UNAVAILABLE, DB_TIMEOUT, CONFLICT, INTERNAL).
 */
export class Executor {
  /**
   * One bookmark manager for every session this executor opens: on a cluster or Aura a read
   * that follows a write (the mutation's answer, the CLI's report, the next request) waits for
   * a member that has it, instead of reading a replica that lags. On a single server it costs
   * nothing.
   */
  private readonly bookmarks = bookmarkManager();

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly transactionTimeoutMs: number,
  ) {}

  /** Runs a read-only statement and returns its rows as plain objects. */
  async read(
    query: NamedQuery,
    parameters: CypherParameters = {},
  ): Promise<Record<string, unknown>[]> {
    return this.withSession('READ', query.name, (session) =>
      session.executeRead(
        (tx) => runInTransaction(tx, query, parameters),
        this.transactionConfig(),
      ),
    );
  }

  /** Runs several writes atomically: all commit, or none does. */
  async writeTransaction<T>(name: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', name, (session) =>
      session.executeWrite(
        (tx) => work({ run: (query, parameters = {}) => runInTransaction(tx, query, parameters) }),
        this.transactionConfig(),
      ),
    );
  }

  /** Runs one write statement in its own transaction. */
  async write(
    query: NamedQuery,
    parameters: CypherParameters = {},
  ): Promise<Record<string, unknown>[]> {
    return this.writeTransaction(query.name, (scope) => scope.run(query, parameters));
  }

  /** Server version and edition, for /health; throws DB_UNAVAILABLE when Neo4j does not answer. */
  async serverInfo(): Promise<{ version: string; edition: string }> {
    const [row] = await this.read({
      name: 'serverInfo',
      cypher:
        "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' " +
        'RETURN versions[0] AS version, edition',
    });
    return { version: String(row?.version), edition: String(row?.edition) };
  }

  private transactionConfig() {
    return { timeout: this.transactionTimeoutMs };
  }

  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    name: string,
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await work(session);
    } catch (error) {
      throw toAppError(error, name);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

async function runInTransaction(
  tx: ManagedTransaction,
  query: NamedQuery,
  parameters: CypherParameters,
): Promise<Record<string, unknown>[]> {
  const result = await tx.run(query.cypher, parameters);
  return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

/** Maps a driver error to the catalogue; unknown errors stay INTERNAL with the cause kept for logs. */
export function toAppError(error: unknown, queryName: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (unavailableCodes.has(error.code) || error.retriable) {
      return new AppError(
        'DB_UNAVAILABLE',
        'The graph database is unavailable; retry shortly.',
        {},
        { cause: error },
      );
    }
    if (
      error.code.includes('TransactionTimedOut') ||
      error.code.includes('Transaction.Terminated')
    ) {
      return new AppError(
        'DB_TIMEOUT',
        `The query "${queryName}" ran past the database time limit.`,
        {},
        { cause: error },
      );
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError(
        'CONFLICT',
        'The write conflicts with data already in the graph.',
        {},
        { cause: error },
      );
    }
  }
  return new AppError('INTERNAL', `Internal error in "${queryName}".`, {}, { cause: error });
}
