import type { AppState } from '../app-state.ts';

/** A page: renders into `root`, returns what to do when the user leaves it. */
export type View = (root: HTMLElement, state: AppState, params: URLSearchParams) => (() => void) | void;
