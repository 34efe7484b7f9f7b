// Apart from the catalog: only the editor's words and configs that name it need the list, so a
// form's bundle leaves it out.
/**
 * The 27 member states of the European Union, ISO 3166-1 alpha-2 codes (Greece is `GR` here;
 * its VAT numbers start with `EL`). For conditions such as "VAT number for EU countries other
 * than France": `{ field: 'country', in: EU_MEMBER_STATES.filter((code) => code !== 'FR') }`.
 */
export const EU_MEMBER_STATES: readonly string[] = Object.freeze([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);
