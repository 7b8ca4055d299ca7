import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import type { Example } from './examples';

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M5 4h11l3 3v13H5z" />
      <path d="M8 10h8M8 13h8M8 16h5" />
    </svg>
  );
}

function ExamplesList({ examples }: { examples: Example[] }) {
  const tabs = useGraphiQL((state) => state.tabs);
  const activeTabIndex = useGraphiQL((state) => state.activeTabIndex);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const { addTab, changeTab } = useGraphiQLActions();

  const open = (example: Example) => {
    const existing = tabs.findIndex((tab) => tab.query === example.query);
    if (existing >= 0) return changeTab(existing);
    // Reuse the current tab if it is empty, otherwise open the example in a new tab.
    if (tabs[activeTabIndex]?.query?.trim()) addTab();
    queryEditor?.setValue(example.query);
  };

  return (
    <div className="cg-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      {examples.length === 0 ? (
        <p>No example queries in docs/queries.</p>
      ) : (
        <ul>
          {examples.map((example) => (
            <li key={example.file}>
              <button type="button" onClick={() => open(example)} title={example.file}>
                <span className="cg-example-title">{example.title}</span>
                {example.description && (
                  <span className="cg-example-description">{example.description}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A sidebar plugin listing the saved example queries; clicking one opens it in a tab. */
export function examplesPlugin(examples: Example[]): GraphiQLPlugin {
  return {
    title: 'Examples',
    icon: ExamplesIcon,
    content: () => <ExamplesList examples={examples} />,
  };
}
