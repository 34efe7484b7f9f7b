import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { companyNamesMatch, vatNameMismatch } from './names.js';

describe('companyNamesMatch', () => {
  it('ignores case, accents, punctuation and legal-form words', () => {
    for (const [a, b] of [
      ['COMPTOIR DUVAL', 'Comptoir Duval'],
      ['SAS COMPTOIR DUVAL', 'Comptoir Duval'],
      ['Société Générale', 'SOCIETE GENERALE SA'],
      ['Müller GmbH & Co. KG', 'MULLER'],
      ["L'Épicerie du Coin", 'L EPICERIE DU COIN SARL'],
      ['COMPTOIR DUVAL (CD)', 'Comptoir Duval'],
    ]) assert.equal(companyNamesMatch(a!, b!), true, `${a} / ${b}`);
  });

  it('tells different companies apart', () => {
    for (const [a, b] of [
      ['QUINCAILLERIE MOREL', 'Comptoir Duval'],
      ['DUVAL', 'Comptoir Morel'],
      ['SAS', 'SARL'],
    ]) assert.equal(companyNamesMatch(a!, b!), false, `${a} / ${b}`);
  });
});

describe('vatNameMismatch', () => {
  it('warns only when VIES gave a name that does not match the one entered', () => {
    assert.equal(vatNameMismatch({ name: 'QUINCAILLERIE MOREL' }, 'Comptoir Duval'), true);
    assert.equal(vatNameMismatch({ name: 'SAS COMPTOIR DUVAL' }, 'Comptoir Duval'), false);
    assert.equal(vatNameMismatch({}, 'Comptoir Duval'), false);
    assert.equal(vatNameMismatch(undefined, 'Comptoir Duval'), false);
    assert.equal(vatNameMismatch({ name: 'X' }, ''), false);
    assert.equal(vatNameMismatch({ name: 'X' }, 42), false);
  });
});
