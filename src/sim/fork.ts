/**
 * A fork of a run's whole state: a deep copy of the object graph under a
 * root (a cluster: its core, hosts, Raft nodes, disks, network, PRNG
 * streams, clients, checker, trace), so that the copy and the original go
 * on independently and each goes on exactly as the original would have.
 * Time travel keeps such copies as checkpoints (timeline.ts).
 *
 * One rule makes it general: state is data (objects, class instances,
 * arrays, Maps, Sets), copied with sharing and cycles kept; a frozen object
 * is immutable and is shared, not copied (log entries are frozen, so a
 * checkpoint does not copy every entry of every log); a function is shared
 * too (a module's function, a class's method), unless it is a closure over
 * run state, which must then be made with `rebindable` so that a fork can
 * make its own over the fork's state.
 */

type Remake = { readonly deps: readonly unknown[]; readonly make: (...deps: never[]) => unknown };

const REMAKES = new WeakMap<object, Remake>();

/**
 * `make(...deps)`, remembered so that a fork of any state holding it gets
 * `make(...forkedDeps)`: a closure over `deps` that follows them into forks.
 */
export function rebindable<D extends unknown[], F extends (...args: never[]) => unknown>(
  make: (...deps: D) => F,
  ...deps: D
): F {
  const fn = make(...deps);
  REMAKES.set(fn, { deps, make: make });
  return fn;
}

/** A deep copy of `root` and everything it reaches, by the rules above. */
export function fork<T>(root: T): T {
  return copy(root, new Map()) as T;
}

function copy(v: unknown, memo: Map<object, unknown>): unknown {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
  const done = memo.get(v);
  if (done !== undefined) return done;
  if (typeof v === 'function') return copyFunction(v, memo);
  if (Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    const a: unknown[] = v.slice();
    memo.set(v, a);
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (x !== null && (typeof x === 'object' || typeof x === 'function')) a[i] = copy(x, memo);
    }
    return a;
  }
  if (v instanceof Map) {
    const m = new Map();
    memo.set(v, m);
    for (const [k, x] of v) m.set(copy(k, memo), copy(x, memo));
    return m;
  }
  if (v instanceof Set) {
    const s = new Set();
    memo.set(v, s);
    for (const x of v) s.add(copy(x, memo));
    return s;
  }
  if (
    ArrayBuffer.isView(v) ||
    v instanceof ArrayBuffer ||
    v instanceof Promise ||
    v instanceof WeakMap
  )
    throw new TypeError(`fork: cannot copy a ${v.constructor.name} held by the run's state`);
  const o = Object.create(Object.getPrototypeOf(v) as object | null) as Record<string, unknown>;
  memo.set(v, o);
  const from = v as Record<string, unknown>;
  for (const key of Object.keys(from)) o[key] = copy(from[key], memo);
  return o;
}

function copyFunction(fn: object, memo: Map<object, unknown>): unknown {
  const remake = REMAKES.get(fn);
  if (!remake) return fn;
  const deps = remake.deps.map((d) => copy(d, memo));
  // Copying the deps may have reached this function again (a core holds its own observer).
  const done = memo.get(fn);
  if (done !== undefined) return done;
  const made = rebindable(
    remake.make as (...d: unknown[]) => (...args: never[]) => unknown,
    ...deps,
  );
  memo.set(fn, made);
  return made;
}
