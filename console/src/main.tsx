// Entry point of the claimgraph GraphiQL console (bundled by console/vite.config.ts).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultQuery, examples } from './examples';
import { examplesPlugin } from './ExamplesPlugin';
import { namespacedStorage } from './storage';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.origin).href });
const storage = namespacedStorage('claimgraph');
const examplesSidebar = examplesPlugin(examples);

// `/graphiql/?query=<urlencoded GraphQL>` (e.g. the explorer's "Open this query in GraphiQL")
// opens that query as the active tab: a new tab, or the stored tab that already holds it.
const urlQuery = new URLSearchParams(window.location.search).get('query') || undefined;

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql container missing');
container.textContent = '';

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      storage={storage}
      defaultQuery={defaultQuery}
      defaultTabs={[{ query: urlQuery ?? defaultQuery }]}
      initialQuery={urlQuery}
      shouldPersistHeaders={false}
      plugins={[examplesSidebar, HISTORY_PLUGIN]}
      visiblePlugin={examplesSidebar}
    />
  </StrictMode>,
);
