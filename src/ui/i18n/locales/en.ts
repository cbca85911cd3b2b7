/**
 * English, the reference catalogue: every other language has exactly this
 * shape (the type checker says what a translation misses). A message with
 * parameters is a function, so word order is the language's own.
 */
export const meta = { code: 'en', name: 'English' };

export const messages = {
  language: {
    label: 'Language',
  },
};
