import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Draft } from './author.ts';
import type { Lesson } from './lesson.ts';

/**
 * The lesson a teacher is writing. Like the lesson being taken, it lives
 * above the playground, whose store is made afresh for every run opened (a
 * preview opens the lesson's run), so the draft outlives them.
 */
export interface AuthorState {
  readonly draft: Draft | null;
}

export type AuthorStore = StoreApi<AuthorState>;

export function createAuthorStore(): AuthorStore {
  return createStore<AuthorState>()(() => ({ draft: null }));
}

/** What <App> gives the editor: its draft, and the door a lesson from the library opens by. */
export interface AuthorApi {
  readonly store: AuthorStore;
  /** Opens a lesson as a student takes it (the lessons menu's path). */
  readonly preview: (lesson: Lesson) => void;
}

export const AuthorContext = createContext<AuthorApi | null>(null);

/** The editor's context; null where no run is recorded (watching a live cluster). */
export function useAuthor(): AuthorApi | null {
  return useContext(AuthorContext);
}

const NO_DRAFT = createAuthorStore();

export function useDraft(api: AuthorApi | null): Draft | null {
  return useStore(api?.store ?? NO_DRAFT, (s) => s.draft);
}
