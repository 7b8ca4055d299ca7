import type { Config } from '../config/config.js';
import { createApiKey, readApiKeys, roles, type Role } from '../auth/apiKeys.js';

export const keysUsage = `claimgraph keys create --name NAME [--role editor|reader]   make an API key (shown once)
claimgraph keys list                                        names and roles of the keys`;

/** `claimgraph keys …` manages API keys (stored hashed); returns the process exit code. */
export function keysCommand(args: string[], config: Config): number {
  const file = config.auth.apiKeysFile;
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  switch (args[0]) {
    case 'create': {
      const name = option('name');
      const role = (option('role') ?? 'editor') as Role;
      if (!name || !/^[\w.@-]{1,100}$/.test(name) || !roles.includes(role)) {
        console.error(
          `Give --name (letters, digits, . @ _ -) and --role ${roles.join('|')}.\n${keysUsage}`,
        );
        return 2;
      }
      const key = createApiKey(file, name, role);
      console.log(
        `API key for ${name} (${role}); it is shown only now, only its hash is stored in ${file}:\n${key}`,
      );
      console.log(`Use it as: curl -H 'Authorization: Bearer ${key}' …`);
      return 0;
    }
    case 'list':
      for (const key of readApiKeys(file))
        console.log(`${key.name}\t${key.role}\tcreated ${key.createdAt}`);
      return 0;
    default:
      console.error(`Unknown keys action "${args[0] ?? ''}".\n${keysUsage}`);
      return 2;
  }
}
