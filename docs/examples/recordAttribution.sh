#!/usr/bin/env bash
# Records a source with its text, a claim, and an attribution whose quote is found in that text.
# Needs an editor key:
#
#   npx claimgraph keys create --name my-name --role editor
#   CLAIMGRAPH_API_KEY=cg_… CLAIMGRAPH_URL=http://127.0.0.1:4000/graphql \
#     bash docs/examples/recordAttribution.sh
#
# The ids contain doc-example. Running the script twice changes nothing (same content, same
# id); every response is printed, and the exit status is 1 if any of them carried errors.
set -euo pipefail

url="${CLAIMGRAPH_URL:-http://127.0.0.1:4000/graphql}"
: "${CLAIMGRAPH_API_KEY:?set CLAIMGRAPH_API_KEY to an editor key}"

failed=0

# POSTs the JSON request on stdin and prints the response; remembers whether it had errors.
gql() {
  local response
  response=$(curl --silent --show-error "$url" \
    -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $CLAIMGRAPH_API_KEY" \
    --data-binary @-)
  echo "$response"
  if [[ $response == *'"errors"'* ]]; then failed=1; fi
}

# 1. The source, with the text that attributions quote. The sentence occurs twice on purpose.
gql <<'JSON'
{
  "query": "mutation ($input: RecordSourceInput!) { recordSource(input: $input) { id kind title primary provenance { enteredBy enteredVia revision } } }",
  "variables": {
    "input": {
      "id": "src-doc-example",
      "kind": "STATEMENT",
      "title": "Example statement for the API guide (fictional)",
      "text": "CNCERT said the report would be published in English. A week later, CNCERT said the report would be published in English.",
      "published": { "raw": "on 1 July 2019", "value": "2019-07-01", "precision": "DAY", "basis": "example date" },
      "primary": true
    }
  }
}
JSON

# 2. The claim, as a self-contained sentence.
gql <<'JSON'
{
  "query": "mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { id text topics provenance { enteredBy enteredVia revision } } }",
  "variables": {
    "input": {
      "id": "clm-doc-example-report-in-english",
      "text": "CNCERT's annual report on 2018 will be published in English.",
      "topics": ["reports", "doc-example"]
    }
  }
}
JSON

# 3. Who said it, where: the quote occurs twice, so `start` picks the second occurrence.
gql <<'JSON'
{
  "query": "mutation ($input: RecordAttributionInput!) { recordAttribution(input: $input) { id stance quote quoteStart quoteEnd actor { name } claim { id } source { id } provenance { enteredBy enteredVia enteredAt } } }",
  "variables": {
    "input": {
      "id": "att-doc-example-cncert-report-in-english",
      "actorId": "act-cncert",
      "claimId": "clm-doc-example-report-in-english",
      "sourceId": "src-doc-example",
      "stance": "ASSERTS",
      "quote": "CNCERT said the report would be published in English",
      "start": 68,
      "cue": "said",
      "speech": "INDIRECT"
    }
  }
}
JSON

exit "$failed"
