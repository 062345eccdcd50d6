import '../styles/coach.css';
import { MAX_NOTE_LENGTH } from '../../../shared/coaching.ts';
import { coachApi, type GrantView, type NoteView } from '../api-coach.ts';
import { isOwner } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';
import { leaderPageFailure, noLeaderNotice } from './no-leader.ts';
import { onConfirmedClick, requestForm } from './section-actions.ts';
import type { View } from './view.ts';

/** Notes on the coaching engagement: both sides write, both read; the leader sees who wrote what. */
export const notesView: View = (root, state) => {
  if (!state.leader) {
    replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Notes')), noLeaderNotice(state));
    return;
  }
  const leader = state.leader;
  const owner = isOwner(state);
  const list = h('div', { class: 'notes-list', id: 'notes-list' }, notice('loading', 'Loading notes…'));
  const composer = h('div', { class: 'notes-composer' });
  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, owner ? 'Notes with your coach' : `Notes: ${leader.name ?? leader.email}`)),
    h(
      'p',
      { class: 'lead' },
      owner
        ? 'Notes you and your coach keep on the engagement: agreements, experiments, what to look at next time. Your coach sees them while the engagement runs; they stay with you when it ends.'
        : 'Notes you and your client keep on the engagement. Your client reads every note; you see them while the engagement runs.',
    ),
    composer,
    list,
  );
  let isLeft = false;

  async function load(): Promise<void> {
    try {
      const [notes, grants] = await Promise.all([coachApi.notes(leader.id), owner ? coachApi.grants() : Promise.resolve([] as GrantView[])]);
      if (isLeft) return;
      renderComposer(grants.filter((g) => g.status === 'active'), grants.filter((g) => g.status === 'invited'));
      renderNotes(notes);
    } catch (failure) {
      if (isLeft) return;
      replaceChildren(composer);
      replaceChildren(list, leaderPageFailure(state, failure, () => void load()));
    }
  }

  function renderComposer(activeGrants: GrantView[], invitedGrants: GrantView[]): void {
    if (owner && activeGrants.length === 0) {
      replaceChildren(composer, invitedGrants.length > 0 ? waitingNotice(invitedGrants) : notice('empty', 'You have no active coach, so there is no engagement to write in.', h('a', { href: '#/sharing', class: 'button' }, 'Invite a coach')));
      return;
    }
    const body = h('textarea', { id: 'note-body', rows: 4, maxlength: MAX_NOTE_LENGTH, required: true, placeholder: 'What did you agree? What should you look at next time?' });
    const count = h('span', { class: 'note-count', 'aria-live': 'polite' }, `0 / ${MAX_NOTE_LENGTH}`);
    body.addEventListener('input', () => (count.textContent = `${body.value.length} / ${MAX_NOTE_LENGTH}`));
    // A leader with several coaches says which engagement the note is for.
    const engagement =
      owner && activeGrants.length > 1
        ? h('select', { id: 'note-grant' }, ...activeGrants.map((g) => h('option', { value: g.id }, `With ${g.coachName ?? g.coachEmail}`)))
        : null;
    const form = requestForm(
      { class: 'panel note-form', 'aria-label': 'New note' },
      {
        submitId: 'note-submit',
        submitLabel: 'Add note',
        run: async () => {
          await coachApi.addNote(leader.id, body.value, engagement ? Number(engagement.value) : undefined);
          body.value = '';
          count.textContent = `0 / ${MAX_NOTE_LENGTH}`;
          announce('Note added.');
          await load();
        },
      },
      h('div', { class: 'field' }, h('label', { for: 'note-body' }, 'New note'), body, count),
      engagement ? h('div', { class: 'field inline' }, h('label', { for: 'note-grant' }, 'Engagement'), engagement) : null,
    );
    replaceChildren(composer, form);
  }

  /** The leader invited a coach who has not accepted yet: the notes open once they do. */
  function waitingNotice(invited: GrantView[]): HTMLElement {
    const coaches = invited.map((g) => g.coachEmail);
    const who = coaches.length === 1 ? coaches[0]! : `${coaches.slice(0, -1).join(', ')} or ${coaches[coaches.length - 1]!}`;
    return notice(
      'empty',
      `Your invitation is waiting for ${who} to accept. Notes open once ${coaches.length === 1 ? 'the coach accepts' : 'a coach accepts'} with the invitation code; on your Sharing page you can make a new code or withdraw the invitation.`,
      h('a', { href: '#/sharing', class: 'button button-secondary', 'data-action': 'see-invitation' }, coaches.length === 1 ? 'See the invitation' : 'See the invitations'),
    );
  }

  function renderNotes(notes: NoteView[]): void {
    if (notes.length === 0) {
      replaceChildren(list, notice('empty', 'No notes yet.'));
      return;
    }
    const coaches = new Set(notes.map((n) => n.coach.email));
    replaceChildren(list, h('ol', { class: 'notes' }, ...notes.map((note) => noteItem(note, owner && (coaches.size > 1 || !note.isEngagementActive)))));
  }

  function noteItem(note: NoteView, nameEngagement: boolean): HTMLElement {
    const isMine = note.canDelete;
    const author = isMine ? 'You' : (note.author.name ?? note.author.email);
    const role = note.author.role === 'coach' ? 'coach' : owner ? '' : 'client';
    const remove = isMine ? h('button', { type: 'button', class: 'link small', 'data-action': 'delete-note' }, 'Delete') : null;
    if (remove) {
      onConfirmedClick(remove, { question: 'Delete this note? It is gone for both of you.', run: () => coachApi.deleteNote(leader.id, note.id), done: 'Note deleted.', reload: load });
    }
    return h(
      'li',
      { class: `note ${note.author.role === 'coach' ? 'note-coach' : 'note-leader'}`, 'data-note': note.id },
      h(
        'div',
        { class: 'note-head' },
        h('strong', { class: 'note-author' }, author),
        role ? h('span', { class: 'note-role' }, role) : null,
        h('time', { datetime: note.createdAt, class: 'note-time' }, formatStamp(note.createdAt)),
        nameEngagement ? h('span', { class: 'note-engagement' }, `engagement with ${note.coach.name ?? note.coach.email}${note.isEngagementActive ? '' : ' (ended)'}`) : null,
        remove,
      ),
      h('p', { class: 'note-body' }, note.body),
    );
  }

  void load();
  return () => {
    isLeft = true;
  };
};

const stampFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "20 Mar 2026, 13:00" in the reader's own zone: when it was written, for them. */
export function formatStamp(iso: string): string {
  return stampFormat.format(new Date(iso));
}
