import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages as en } from '../i18n/locales/en.ts';
import { RUN_FILE_BYTES_MAX, RUN_FILE_FORMAT, runFileText } from '../share/file.ts';
import { decodeRun } from '../share/link.ts';
import { sampleRun } from '../share/testRun.ts';
import { nearbyLessonUrl, withLesson } from './address.ts';
import { HeadlessLesson } from './engine.ts';
import { LESSONS, lessonById } from './library.ts';
import { decodeLesson, encodeLesson } from './link.ts';
import {
  chooseLesson,
  fetchNearbyLesson,
  LESSON_FILE_BYTES_MAX,
  NO_LESSON_OPENING,
  readLocalFile,
  readRunOrLesson,
  type Fetch,
} from './open.ts';
import { LESSON_FORMAT, lessonOf, type LessonDoc } from './schema.ts';
import { LESSON_JSON_CHARS_MAX, lessonFileText, parseLessonFile } from './validate.ts';

const PAGE = 'https://class.example/raft/index.html?seed=3';
const election = lessonById('election')!;
const EXAMPLE_PATH = 'lessons/three-servers.json';
const exampleText = readFileSync(
  join(import.meta.dirname, '../../../public', EXAMPLE_PATH),
  'utf8',
);

/** A fetch that answers every URL with `response` and records what it was asked. */
function answering(response: () => Response | Promise<Response>) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetchFile: Fetch = (url, init) => {
    asked.push({ url: url.href, init });
    return Promise.resolve(response());
  };
  return { asked, fetchFile };
}

function file(text: string, name: string): File {
  return new File([text], name, { type: 'application/json' });
}

describe('a lesson file beside the page (?lessonFile=)', () => {
  it('is a path under the page’s folder on the page’s site', () => {
    const at = (path: string) => {
      const url = nearbyLessonUrl(path, PAGE);
      return url.ok ? url.value.href : url.problem;
    };
    expect(at('lessons/three-servers.json')).toBe(
      'https://class.example/raft/lessons/three-servers.json',
    );
    expect(at('my_lesson.v2.json')).toBe('https://class.example/raft/my_lesson.v2.json');
  });

  it('refuses anything that could leave the site or the folder, or is not a .json file', () => {
    for (const path of [
      'https://evil.example/x.json',
      '//evil.example/x.json',
      '/etc/x.json',
      '../x.json',
      'lessons/../../x.json',
      './x.json',
      '.hidden.json',
      'lessons//x.json',
      'lessons\\x.json',
      'javascript:alert(1).json',
      'data:application/json,{}.json',
      'x.json?y=1',
      'x.txt',
      '',
      `${'a'.repeat(200)}.json`,
    ]) {
      const url = nearbyLessonUrl(path, PAGE);
      expect(url.ok, path).toBe(false);
      if (!url.ok) expect(url.problem).toBe(en.lessons.file.badName(path));
    }
  });

  it('fetches the lesson from its own site only, and checks it', async () => {
    const { asked, fetchFile } = answering(() => new Response(exampleText));
    const doc = await fetchNearbyLesson(EXAMPLE_PATH, PAGE, fetchFile);
    expect(doc).toEqual(parseLessonFile(exampleText));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.url).toBe('https://class.example/raft/lessons/three-servers.json');
    expect(asked[0]!.init).toMatchObject({ mode: 'same-origin', credentials: 'same-origin' });
  });

  it('does not fetch an address it refuses', async () => {
    const { asked, fetchFile } = answering(() => new Response(exampleText));
    const doc = await fetchNearbyLesson('https://evil.example/x.json', PAGE, fetchFile);
    expect(doc).toEqual({
      ok: false,
      problem: en.lessons.file.badName('https://evil.example/x.json'),
    });
    expect(asked).toEqual([]);
  });

  it('says a missing file, a network error, a file too big and a bad lesson apart', async () => {
    const f = en.lessons.file;
    const problem = async (response: () => Response) => {
      const doc = await fetchNearbyLesson('gone.json', PAGE, answering(response).fetchFile);
      return doc.ok ? 'opened' : doc.problem;
    };
    expect(await problem(() => new Response('no', { status: 404 }))).toBe(
      f.notFound('gone.json', 'HTTP 404'),
    );
    expect(
      await problem(() => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe(f.notFound('gone.json', 'Failed to fetch'));
    const huge = String(LESSON_FILE_BYTES_MAX + 1);
    expect(await problem(() => new Response('{}', { headers: { 'content-length': huge } }))).toBe(
      f.tooBig('gone.json', LESSON_FILE_BYTES_MAX + 1, LESSON_FILE_BYTES_MAX),
    );
    // No length said, and more bytes sent than are read: cut off, not read to the end.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1_000_000).fill(32));
      },
    });
    expect(await problem(() => new Response(endless))).toMatch(
      /^The lesson “gone.json” was not opened: it is 7,000,000 bytes; at most 6,000,000/,
    );
    expect(await problem(() => new Response(exampleText.slice(0, 100)))).toMatch(
      /^The lesson “gone.json” was not opened: It is not valid JSON, perhaps cut short .* Nothing was changed\.$/,
    );
  });

  it('is forgotten by the address once a lesson from anywhere else opens', () => {
    expect(withLesson('?lessonFile=lessons%2Fx.json&seed=2', 'election')).toBe(
      '?seed=2&lesson=election',
    );
    expect(withLesson('?lessonFile=x.json&lesson=election', null)).toBe('?');
  });
});

describe('a dropped file, told apart by its format', () => {
  it('opens a run file as a run and a lesson file as a lesson', () => {
    const spec = sampleRun(8).spec;
    expect(readRunOrLesson(runFileText(spec))).toEqual({ kind: 'run', spec });
    expect(readRunOrLesson(lessonFileText(election.doc))).toEqual({
      kind: 'lesson',
      doc: election.doc,
    });
  });

  it('says which checker refused it: the run file’s, the lesson file’s, or neither', () => {
    const p = en.share.problems;
    const newerLesson = JSON.stringify({ ...election.doc, version: 2 });
    expect(readRunOrLesson(newerLesson)).toEqual({
      kind: 'refused',
      claims: 'lesson',
      problem: en.lessons.file.newer(2, 1),
    });
    const newerRun = JSON.stringify({ format: RUN_FILE_FORMAT, ...sampleRun(8).spec, version: 9 });
    expect(readRunOrLesson(newerRun)).toMatchObject({ kind: 'refused', claims: 'run' });
    expect(readRunOrLesson('{"name": "left-pad", "version": 1}')).toEqual({
      kind: 'refused',
      claims: null,
      problem: p.notRunOrLesson(RUN_FILE_FORMAT, LESSON_FORMAT),
    });
    expect(readRunOrLesson('[1, 2')).toMatchObject({ kind: 'refused', claims: null });
    expect(readRunOrLesson('[1, 2]')).toMatchObject({ kind: 'refused', claims: null });
  });

  it('holds a lesson to the lesson’s bound on length, not the run’s', () => {
    const padded = lessonFileText(election.doc).replace(
      '{',
      `{${' '.repeat(LESSON_JSON_CHARS_MAX)}`,
    );
    expect(readRunOrLesson(padded)).toEqual({
      kind: 'refused',
      claims: 'lesson',
      problem: en.lessons.file.textTooLong(padded.length, LESSON_JSON_CHARS_MAX),
    });
  });

  it('is read and refused with its name, the run file’s words or the lesson file’s', async () => {
    const dropped = await readLocalFile(
      file('{"format": "raft-playground-lesson"}', 'a.json'),
      'any',
    );
    expect(dropped).toEqual({
      kind: 'refused',
      problem: en.lessons.file.refused('a.json', en.lessons.file.wrongVersion('undefined', 1)),
    });
    const other = await readLocalFile(file('{}', 'b.json'), 'any');
    expect(other).toEqual({
      kind: 'refused',
      problem: en.share.badFile(
        'b.json',
        en.share.problems.notRunOrLesson(RUN_FILE_FORMAT, LESSON_FORMAT),
      ),
    });
    const big = { size: RUN_FILE_BYTES_MAX + 1, name: 'big.json', text: () => Promise.resolve('') };
    expect(await readLocalFile(big as unknown as File, 'any')).toEqual({
      kind: 'refused',
      problem: en.share.badFile(
        'big.json',
        en.share.problems.dropTooBig(RUN_FILE_BYTES_MAX + 1, RUN_FILE_BYTES_MAX),
      ),
    });
  });

  it('from the lessons menu, is a lesson file or nothing', async () => {
    const run = await readLocalFile(file(runFileText(sampleRun(8).spec), 'run.json'), 'lesson');
    expect(run).toEqual({
      kind: 'refused',
      problem: en.lessons.file.refused('run.json', en.lessons.file.notLesson(LESSON_FORMAT)),
    });
    const lesson = await readLocalFile(file(exampleText, 'three-servers.json'), 'lesson');
    expect(lesson).toEqual({
      kind: 'lesson',
      doc: (parseLessonFile(exampleText) as { value: LessonDoc }).value,
    });
    const big = {
      size: LESSON_FILE_BYTES_MAX + 1,
      name: 'big.json',
      text: () => Promise.resolve(''),
    };
    expect(await readLocalFile(big as unknown as File, 'lesson')).toEqual({
      kind: 'refused',
      problem: en.lessons.file.tooBig('big.json', LESSON_FILE_BYTES_MAX + 1, LESSON_FILE_BYTES_MAX),
    });
  });
});

describe('a link names what it holds', () => {
  it('says “#lesson=” and “lesson” for a lesson link, “#run=” and “run” for a run link', async () => {
    const lesson = await decodeLesson('%%%');
    const run = await decodeRun('%%%');
    expect(lesson).toEqual({ ok: false, problem: en.share.problems.notBase64('lesson') });
    expect(run).toEqual({ ok: false, problem: en.share.problems.notBase64('run') });
    expect(en.share.problems.notBase64('lesson')).toContain('“#lesson=” is not a lesson');
    expect(en.share.problems.notBase64('run')).toContain('“#run=” is not a run');
    const word = await encodeLesson(election.doc);
    expect(await decodeLesson(word.slice(0, -5))).toEqual({
      ok: false,
      problem: en.share.problems.notDeflate('lesson'),
    });
  });
});

describe('the lesson the page opens with', () => {
  const start = (hash: string, search: string) => ({
    hash,
    search,
    href: `https://class.example/raft/${search}${hash}`,
  });
  const never: Fetch = () => Promise.reject(new Error('not to be fetched'));

  it('is the one in the link first, then the file beside the page, then the library’s', async () => {
    const example = parseLessonFile(exampleText);
    if (!example.ok) throw new Error(example.problem);
    const word = await encodeLesson(example.value);
    const fromLink = await chooseLesson(
      start(`#lesson=${word}`, '?lessonFile=x.json&lesson=election'),
      never,
    );
    expect(fromLink.problem).toBeNull();
    expect(fromLink.lesson?.doc).toEqual(example.value);
    const { asked, fetchFile } = answering(() => new Response(exampleText));
    const nearby = await chooseLesson(
      start('', `?lessonFile=${EXAMPLE_PATH}&lesson=election`),
      fetchFile,
    );
    expect(nearby.lesson?.doc).toEqual(example.value);
    expect(asked.map((a) => a.url)).toEqual([`https://class.example/raft/${EXAMPLE_PATH}`]);
    expect(await chooseLesson(start('', '?lesson=election'), never)).toEqual({
      lesson: election,
      problem: null,
    });
    expect(await chooseLesson(start('#run=abc', '?seed=4'), never)).toBe(NO_LESSON_OPENING);
  });

  it('is none when the first the address names cannot be opened, and says why', async () => {
    const badLink = await chooseLesson(start('#lesson=%%%', '?lesson=election'), never);
    expect(badLink.lesson).toBeNull();
    expect(badLink.problem?.(en)).toBe(
      en.lessons.file.badLink(en.share.problems.notBase64('lesson')),
    );
    const { fetchFile } = answering(() => new Response('', { status: 404 }));
    const missing = await chooseLesson(
      start('', '?lessonFile=gone.json&lesson=election'),
      fetchFile,
    );
    expect(missing.lesson).toBeNull();
    expect(missing.problem?.(en)).toBe(en.lessons.file.notFound('gone.json', 'HTTP 404'));
    const unknown = await chooseLesson(start('', '?lesson=nonesuch'), never);
    expect(unknown.problem?.(en)).toBe(
      en.lessons.ui.unknown(
        'nonesuch',
        LESSONS.map((l) => l.id),
      ),
    );
  });
});

describe('the example lesson beside the page (public/lessons)', () => {
  const checked = parseLessonFile(exampleText);

  it('is a valid lesson file with every text in English and Chinese', () => {
    if (!checked.ok) throw new Error(checked.problem);
    const texts = [
      checked.value.title,
      ...checked.value.steps.flatMap((s) => [
        s.narration,
        ...(s.task ? [s.task.goal, s.task.hint] : []),
      ]),
    ];
    for (const text of texts) expect(Object.keys(text).sort()).toEqual(['en', 'zh']);
    expect(LESSONS.map((l) => l.id)).not.toContain(checked.value.id);
  });

  it('happens as narrated: S3 leads term 1, and once it is crashed another leads a higher term', () => {
    if (!checked.ok) throw new Error(checked.problem);
    const run = new HeadlessLesson(lessonOf(checked.value), { recentEvents: 0 });
    expect(run.next().reached).toBe(true);
    expect(run.view.leader()).toBe(3);
    expect(run.view.node(3)?.term).toBe(1);
    expect(run.next().reached).toBe(true);
    run.next();
    expect(run.done).toBe(true);
    expect(run.taskDone()).toBe(false);
    expect(run.solveTask()).toBe(true);
    const leader = run.view.leader();
    expect(leader === null || leader === 3).toBe(false);
    expect(run.view.node(leader!).term).toBeGreaterThan(1);
  });
});
