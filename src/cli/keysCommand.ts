import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import {
  createApiKey,
  keyStatus,
  readApiKeys,
  revokeApiKey,
  roles,
  type Role,
} from '../auth/apiKeys.js';

export const keysUsage = `claimgraph keys create --name NAME [--role editor|reader] [--expires 30d]
                                   make an API key (shown once); --expires takes m, h, d or w
claimgraph keys list               names, roles, status (active, revoked, expired) and dates
claimgraph keys revoke NAME        refuse that key from the next request on (kept, marked revoked)`;

const durationUnits: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `30d` → milliseconds; undefined for anything else. Whole minutes, hours, days or weeks. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,5})([mhdw])$/.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return amount > 0 ? amount * durationUnits[match[2]!]! : undefined;
}

/** `claimgraph keys …` manages API keys (stored hashed); returns the process exit code. */
export function keysCommand(args: string[], config: Config): number {
  const file = config.auth.apiKeysFile;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string', default: 'editor' },
        expires: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${keysUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, target] = positionals;
  switch (action) {
    case 'create': {
      const name = values.name;
      const role = values.role as Role;
      const expiresInMs = values.expires === undefined ? undefined : parseDuration(values.expires);
      if (!name || !/^[\w.@-]{1,100}$/.test(name) || !roles.includes(role)) {
        console.error(
          `Give --name (letters, digits, . @ _ -) and --role ${roles.join('|')}.\n${keysUsage}`,
        );
        return 2;
      }
      if (values.expires !== undefined && expiresInMs === undefined) {
        console.error(`--expires takes a whole number of m, h, d or w, e.g. 30d.\n${keysUsage}`);
        return 2;
      }
      const key = createApiKey(file, name, role, expiresInMs ? { expiresInMs } : {});
      const stored = readApiKeys(file).find((candidate) => candidate.name === name);
      console.log(
        `API key for ${name} (${role})${stored?.expiresAt ? `, expires ${stored.expiresAt}` : ''}; ` +
          `it is shown only now, only its hash is stored in ${file}:\n${key}`,
      );
      console.log(`Use it as: curl -H 'Authorization: Bearer ${key}' …`);
      return 0;
    }
    case 'list':
      for (const key of readApiKeys(file))
        console.log(
          [
            key.name,
            key.role,
            keyStatus(key),
            `created ${key.createdAt}`,
            key.expiresAt ? `expires ${key.expiresAt}` : 'no expiry',
            ...(key.revokedAt ? [`revoked ${key.revokedAt}`] : []),
          ].join('\t'),
        );
      return 0;
    case 'revoke':
      if (!target) {
        console.error(`Give the name of the key to revoke.\n${keysUsage}`);
        return 2;
      }
      if (!revokeApiKey(file, target)) {
        console.error(`No key is named "${target}".`);
        return 1;
      }
      console.log(`revoked ${target}: it is refused from the next request on`);
      return 0;
    default:
      console.error(`Unknown keys action "${action ?? ''}".\n${keysUsage}`);
      return 2;
  }
}
