import { LESSON_FILES } from './files.ts';
import type { Lesson } from './lesson.ts';
import { lessonOf } from './schema.ts';
import { validateLessonDoc } from './validate.ts';

// The built-in lessons: lesson files in ./data, read at build time and
// checked as any other lesson file is.

function load(file: unknown): Lesson {
  const checked = validateLessonDoc(file);
  if (!checked.ok)
    throw new Error(`A built-in lesson is not a valid lesson file: ${checked.problem}`);
  return lessonOf(checked.value);
}

/** The lessons, in the order a class takes them. */
export const LESSONS: readonly Lesson[] = LESSON_FILES.map(load);

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
