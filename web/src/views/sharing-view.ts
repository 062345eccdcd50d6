import type { AppState } from '../app-state.ts';
import { h, replaceChildren } from '../dom.ts';
import { coachSharingSection } from './sharing-coach.ts';
import { cohortSharingSection } from './sharing-cohorts.ts';
import type { View } from './view.ts';

/** The leader's consent page: which coaches see the audit, which HR programmes get figures. */
export const sharingView: View = (root, state: AppState) => {
  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, 'Sharing')),
    h('p', { class: 'lead' }, 'Your calendar data is yours. Nobody else sees it unless you share it here, and you can stop sharing at any time: it takes effect at once.'),
    coachSharingSection(state),
    cohortSharingSection(state),
  );
};
