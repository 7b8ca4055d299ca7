import { bookmarkManager, Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../errors/appError.js';
import type { ErrorCode } from '../errors/errorCatalogue.js';
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

/** A session's access mode, as the metrics label it. */
export type AccessMode = 'read' | 'write';

/**
 * Hears what the executor does with the driver, for metrics; the executor knows nothing of
 * Prometheus. Calls are synchronous and must not throw (a throwing observer is ignored).
 */
export interface ExecutorObserver {
  /** A session was opened (one per transaction, so: a transaction is about to start). */
  sessionOpened(mode: AccessMode): void;
  /** That session was closed; opened minus closed is the number in use. */
  sessionClosed(mode: AccessMode): void;
  /**
   * The driver ran the transaction's work again after a retryable error. `cause` is the Neo4j
   * error code the previous attempt's work failed with (e.g.
   * `Neo.TransientError.Transaction.DeadlockDetected`), or `unknown` when the work succeeded and
   * the commit failed, or the error was not a Neo4j error with a well-formed code.
   */
  transactionRetried(mode: AccessMode, cause: string): void;
  /**
   * A transaction ended, after all its attempts: `code` is undefined when it committed, else
   * the catalogue code it failed with; `seconds` runs from opening the session to closing it.
   */
  transactionFinished(mode: AccessMode, code: ErrorCode | undefined, seconds: number): void;
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

  private observers: readonly ExecutorObserver[] = [];

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly transactionTimeoutMs: number,
  ) {}

  /**
   * Adds an observer of sessions, transactions and retries (the server's metrics); returns a
   * function that removes it. A session opened before the call is not reported to it.
   */
  observe(observer: ExecutorObserver): () => void {
    this.observers = [...this.observers, observer];
    return () => {
      this.observers = this.observers.filter((candidate) => candidate !== observer);
    };
  }

  /**
   * The bookmarks the executor's sessions share now: after a committed write, the one a read
   * must wait for on a cluster. For diagnostics and the test that sessions share them.
   */
  async sharedBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  /** Runs a read-only statement and returns its rows as plain objects. */
  async read(
    query: NamedQuery,
    parameters: CypherParameters = {},
  ): Promise<Record<string, unknown>[]> {
    return this.withSession('read', query.name, (session, attempt) =>
      session.executeRead(
        attempt((tx) => runInTransaction(tx, query, parameters)),
        this.transactionConfig(),
      ),
    );
  }

  /**
   * Runs several writes atomically: all commit, or none does. On a retryable error (a
   * deadlock, a leader switch) the driver rolls back and calls `work` again, so `work` must
   * have no effects outside the transaction.
   */
  async writeTransaction<T>(name: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return this.withSession('write', name, (session, attempt) =>
      session.executeWrite(
        attempt((tx) =>
          work({ run: (query, parameters = {}) => runInTransaction(tx, query, parameters) }),
        ),
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

  /**
   * Opens a session, runs `work` in it and closes it, telling the observers. `work` wraps its
   * transaction function in `attempt`, which counts the driver's calls: every call after the
   * first is a retry.
   */
  private async withSession<T>(
    mode: AccessMode,
    name: string,
    work: (
      session: ReturnType<Driver['session']>,
      attempt: <R>(
        transactionWork: (tx: ManagedTransaction) => Promise<R>,
      ) => (tx: ManagedTransaction) => Promise<R>,
    ) => Promise<T>,
  ): Promise<T> {
    // The observers of this session, fixed now so each hears both its opening and its closing.
    const observers = this.observers;
    const tell = (call: (observer: ExecutorObserver) => void) => {
      for (const observer of observers) {
        try {
          call(observer);
        } catch {
          // Metrics must never break a query.
        }
      }
    };
    const started = process.hrtime.bigint();
    let calls = 0;
    let lastFailure: unknown;
    const attempt =
      <R>(transactionWork: (tx: ManagedTransaction) => Promise<R>) =>
      async (tx: ManagedTransaction): Promise<R> => {
        calls += 1;
        if (calls > 1) {
          const cause = retryCause(lastFailure);
          tell((observer) => observer.transactionRetried(mode, cause));
        }
        lastFailure = undefined;
        try {
          return await transactionWork(tx);
        } catch (error) {
          lastFailure = error;
          throw error;
        }
      };
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'read' ? 'READ' : 'WRITE',
      bookmarkManager: this.bookmarks,
    });
    tell((observer) => observer.sessionOpened(mode));
    let failure: AppError | undefined;
    try {
      return await work(session, attempt);
    } catch (error) {
      failure = toAppError(error, name);
      throw failure;
    } finally {
      await session.close().catch(() => undefined);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      tell((observer) => observer.sessionClosed(mode));
      tell((observer) => observer.transactionFinished(mode, failure?.code, seconds));
    }
  }
}

/** Neo4j status codes (`Neo.<classification>.<category>.<title>`) and the driver's own. */
const wellFormedCode = /^(Neo\.[A-Za-z]+\.[A-Za-z]+\.[A-Za-z]+|ServiceUnavailable|SessionExpired)$/;

/**
 * The code of the error that made the driver retry, for a metrics label: Neo4j's status codes
 * are a fixed catalogue, so the label's values stay few; anything else is `unknown`.
 */
function retryCause(error: unknown): string {
  return error instanceof Neo4jError && wellFormedCode.test(error.code) ? error.code : 'unknown';
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
