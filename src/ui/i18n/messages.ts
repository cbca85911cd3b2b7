import type { messages as english } from './locales/en.ts';

/** Strings widened, functions kept: the shape every language's catalogue must have. */
type Catalogue<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Catalogue<T[K]>;
};

export type Messages = Catalogue<typeof english>;

/** One file in ./locales: its code (BCP 47, as <html lang> takes it), its own name, its messages. */
export interface Locale {
  readonly meta: { readonly code: string; readonly name: string };
  readonly messages: Messages;
}

/**
 * Text kept in state (a notice, a problem): made in whatever language is
 * chosen when it is shown, so it follows a switch of language.
 */
export type Text = (m: Messages) => string;

/** What a link holds: a run (`#run=`) or a lesson (`#lesson=`), as its fragment names it. */
export type LinkHolds = 'run' | 'lesson';

/** The values a lower layer's coded refusal names (src/app/problem.ts). */
export type ProblemParams = Readonly<Record<string, string | number>>;
