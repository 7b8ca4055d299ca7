import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { independentOrigins, sourcingChains } from '../../src/domain/sourcingChains.js';
import { sourcingFlags } from '../../src/domain/sourcingFlags.js';
import { defaultSeedFiles } from '../../src/ingest/defaultSeedFiles.js';
import type { SeedSet } from '../../src/ingest/seedFormat.js';
import { formatSeedProblem, validateSeedFile } from '../../src/ingest/validateSeedSet.js';
import { seedCarrierGraphs } from '../support/seedCarrierGraphs.js';

/*
 * The state-affiliation rule (seeds/README.md, "State affiliation"; docs/model.md): every
 * government body (ministries, agencies, a head of state's office, armed forces, the government
 * itself) and every state-run outlet or state-owned company carries `stateAffiliation`; private
 * companies, independent outlets, parties, persons, unnamed groups and states themselves do not.
 */

function seedSetOf(file: string): SeedSet {
  const result = validateSeedFile(file);
  expect(result.ok ? [] : result.problems.map(formatSeedProblem)).toEqual([]);
  if (!result.ok) throw new Error(`invalid seed set ${file}`);
  return result.value.seedSet;
}

describe('the state-affiliation rule over the seed sets', () => {
  const files = defaultSeedFiles();

  it('finds the seed sets', () => {
    expect(files.map((file) => path.basename(file))).toContain('cncert-2019.seed.yaml');
  });

  it.each(files.map((file) => [path.basename(file), file]))(
    '%s: only organisations and outlets carry a state affiliation, and it names a state',
    (_name, file) => {
      const seedSet = seedSetOf(file);
      const kindOf = new Map(seedSet.actors.map((actor) => [actor.id, actor.kind]));
      const misplaced = seedSet.actors
        .filter((actor) => actor.stateAffiliation !== undefined)
        .filter(
          (actor) =>
            !['organisation', 'media-outlet'].includes(actor.kind) ||
            kindOf.get(actor.stateAffiliation!) !== 'state',
        )
        .map((actor) => `${actor.id} (${actor.kind}) → ${actor.stateAffiliation}`);
      expect(misplaced).toEqual([]);
    },
  );

  describe('cncert-2019', () => {
    const seedSet = seedSetOf(path.join(projectRoot, 'seeds/cncert-2019.seed.yaml'));
    const actor = (id: string) => seedSet.actors.find((a) => a.id === id);

    it('gives every government body and state medium its state, and nothing else a state affiliation', () => {
      const affiliated = Object.fromEntries(
        seedSet.actors
          .filter((a) => a.stateAffiliation !== undefined)
          .map((a) => [a.id, a.stateAffiliation]),
      );
      expect(affiliated).toEqual({
        // China: a national CERT, the internet regulator, the state news agency, state press
        'act-cncert': 'act-china',
        'act-cac': 'act-china',
        'act-xinhua': 'act-china',
        'act-global-times': 'act-china',
        // United States: the government, an intelligence agency, the army
        'act-us-government': 'act-us',
        'act-nsa': 'act-us',
        'act-us-army': 'act-us',
        // Russia: the head of state's office, military intelligence
        'act-kremlin': 'act-russia',
        'act-russian-military-intelligence': 'act-russia',
      });
      // Organisations deliberately left without one: a private company, an institute, a
      // party committee, a campaign, WikiLeaks. Persons reach a state only through affiliations.
      for (const id of [
        'act-huawei',
        'act-institute-china-cyberspace-strategy',
        'act-dnc',
        'act-clinton-campaign',
        'act-wikileaks',
        'act-nakasone',
        'act-peskov',
        'act-bolton',
      ]) {
        expect(actor(id), id).toBeDefined();
        expect(actor(id)!.stateAffiliation, id).toBeUndefined();
      }
    });

    it('records why in the notes of each actor whose affiliation the rule decided', () => {
      for (const id of [
        'act-cac',
        'act-us-government',
        'act-nsa',
        'act-us-army',
        'act-kremlin',
        'act-russian-military-intelligence',
      ]) {
        expect(actor(id)!.notes, id).toMatch(/State affiliation added/);
      }
    });

    it('so claims reaching the article only through a government agency are flagged with its state; a person publishing is not', () => {
      const graphs = seedCarrierGraphs(seedSet);
      const flagsOf = (claimId: string) => {
        const graph = graphs.get(claimId);
        expect(graph, claimId).toBeDefined();
        const chains = sourcingChains(graph!);
        const flags = sourcingFlags(graph!, chains, independentOrigins(graph!, chains), [], []);
        return { only: flags.onlyStateAffiliated, states: flags.stateAffiliationIds };
      };
      // The CAC's draft regulation, via the Global Times: Chinese state channels only.
      expect(flagsOf('clm-cac-draft-regulation-security-review-2019')).toEqual({
        only: true,
        states: ['act-china'],
      });
      // The Kremlin's statements: a Russian state channel.
      for (const claimId of [
        'clm-international-cooperation-against-common-threats',
        'clm-russian-cooperation-proposals-rejected',
        'clm-some-countries-prefer-demonizing-russia',
      ]) {
        expect(flagsOf(claimId), claimId).toEqual({ only: true, states: ['act-russia'] });
      }
      // Bolton's speech and the Mueller report are published by persons: not flagged.
      expect(flagsOf('clm-us-offensive-cyber-operations-abroad').only).toBe(false);
      expect(flagsOf('clm-gru-hacked-clinton-campaign-and-dnc-2016').only).toBe(false);
      // A private company's announcement relayed by state media is not only-state either.
      expect(flagsOf('clm-us-government-invaded-huawei-server').only).toBe(false);
    });
  });
});
