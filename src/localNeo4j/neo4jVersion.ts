/**
 * The Neo4j Community version the project runs locally, and the APOC core release that must
 * equal it. Passed to the Maven poms in scripts/neo4j as -Dneo4j.version, so this is the one
 * place to change it. 5.26.19 is the newest 5.26 LTS with an APOC core release on Maven Central.
 */
export const NEO4J_VERSION = '5.26.19';
