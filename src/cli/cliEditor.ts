import { readApiKeys, type Caller } from '../auth/apiKeys.js';
import { requestCaller, requireRole } from '../auth/requestCaller.js';
import type { Config } from '../config/config.js';

/**
 * The CLI's writes obey the API's rule: an editor key (CLAIMGRAPH_API_KEY), checked against
 * the same hashed key file. Throws UNAUTHENTICATED or FORBIDDEN before anything is written.
 */
export function cliEditor(config: Config): Caller {
  return requireRole(
    requestCaller(readApiKeys(config.auth.apiKeysFile), config.auth.cliApiKey),
    'editor',
  );
}
