import type { Placement } from './taxonomy.ts';

/**
 * One fixed colour per category, from the Okabe-Ito palette: told apart with the common
 * colour-vision deficiencies. Charts never rely on colour alone: every one has its numbers beside.
 */
export const CATEGORY_COLOURS: Record<Placement, string> = {
  operational: '#E69F00',
  strategic: '#0072B2',
  developmental: '#009E73',
  'cross-functional': '#CC79A7',
  'organisational-planning': '#56B4E9',
  unclassified: '#8C8C8C',
  excluded: '#D9D9D9',
};
