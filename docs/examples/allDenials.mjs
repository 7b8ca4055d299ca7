// Prints every denial in the claim graph as "actor — denies — claim text", paging through
// Query.attributions two at a time. Plain Node 20 (global fetch), no dependencies:
//
//   CLAIMGRAPH_URL=http://127.0.0.1:4000/graphql node docs/examples/allDenials.mjs
//
// Set CLAIMGRAPH_API_KEY too if the server runs with READS_REQUIRE_KEY=true.

const url = process.env.CLAIMGRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
const key = process.env.CLAIMGRAPH_API_KEY;

const query = /* GraphQL */ `
  query Denials($after: String) {
    attributions(filter: { stance: DENIES }, first: 2, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        actor {
          name
        }
        claim {
          text
        }
      }
    }
  }
`;

async function graphql(variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new Error(`HTTP ${response.status} ${first.extensions?.code}: ${first.message}`);
  }
  return body.data;
}

let after = null;
let page = 0;
do {
  const { attributions } = await graphql({ after });
  page += 1;
  if (page === 1) console.log(`${attributions.totalCount} denials`);
  for (const { actor, claim } of attributions.nodes) {
    console.log(`${actor.name} — denies — ${claim.text}`);
  }
  after = attributions.pageInfo.hasNextPage ? attributions.pageInfo.endCursor : null;
} while (after);
