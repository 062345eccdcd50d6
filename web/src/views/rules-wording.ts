import { canEdit, isOwner, type AppState } from '../app-state.ts';

/**
 * The page's words for who is reading: the owner reads "your rules"; a coach reads the client's,
 * by name, and is invited to create rules only when the client allowed changes.
 */
export function wordingFor(state: AppState): { title: string; heading: string; owner: string; theirs: string; lead: string; none: string } {
  const how = 'Rules place events: the first that matches decides.';
  const after = 'Every change re-classifies the stored events at once.';
  if (!state.leader) {
    // A coach with no client yet: nobody's rules to speak of.
    return { title: 'Rules', heading: 'Rules', owner: 'the leader', theirs: 'the leader’s', lead: `${how} A leader’s own rules run before the defaults; a category set by hand on an event outranks both.`, none: '' };
  }
  if (isOwner(state)) {
    return {
      title: 'Rules',
      heading: 'Your rules',
      owner: 'you',
      theirs: 'yours',
      lead: `${how} Your rules run before the defaults; a category you set on an event outranks both. ${after}`,
      none: 'None yet. Create one here, or from an event on the Events page ("Make a rule from this").',
    };
  }
  const name = state.leader.name ?? state.leader.email;
  const possessive = `${name}’s`;
  return canEdit(state)
    ? {
        title: `Rules: ${name}`,
        heading: `${possessive} rules`,
        owner: name,
        theirs: possessive,
        lead: `${how} ${possessive} rules run before the defaults; a category set by hand on an event outranks both. ${name} has allowed you to change them: ${after.toLowerCase()}`,
        none: `${name} has no rules of their own yet, so the defaults below place every event. You may create one here, or from an event on the Events page ("Make a rule from this").`,
      }
    : {
        title: `Rules: ${name}`,
        heading: `${possessive} rules`,
        owner: name,
        theirs: possessive,
        lead: `${how} ${possessive} rules run before the defaults; a category set by hand on an event outranks both.`,
        none: `${name} has no rules of their own yet, so the defaults below place every event.`,
      };
}
