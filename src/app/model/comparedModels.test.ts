import { describe, expect, it } from 'vitest';
import { borrowComparedModel, type ComparedModelDeps } from './comparedModels';
import { MachineStore } from './machineStore';
import {
  initialState,
  KEPT_BUDGET_BYTES,
  keptBytes,
  modelReducer,
  type MachineEvent,
  type MachineState,
} from './modelMachine';

interface File {
  id: string;
}
interface Model {
  id: string;
  backend: string;
}
type S = MachineState<File, Model, string>;
type E = MachineEvent<File, Model, string>;

const FAMILY = ['family_1x64d', 'family_2x40d', 'family_4x24d', 'family_8x14d', 'family_32x4d'];

/** A store on `backend`, and fake downloads and builds that count themselves; `tf` is the engine's backend. */
function setup(backend: string | null = 'wasm') {
  const store = new MachineStore<S, E>(initialState('resnext29_32x4d'), modelReducer);
  if (backend) store.send({ type: 'backend', backend });
  const engine = { backend: backend ?? 'wasm' };
  const fetched: string[] = [];
  const built: Model[] = [];
  let gate: Promise<void> = Promise.resolve();
  const deps: ComparedModelDeps<File, Model> = {
    fetchWeights: (id) => {
      fetched.push(id);
      return Promise.resolve({ id });
    },
    build: async (file) => {
      // a build runs on the backend active when it starts
      const backend = engine.backend;
      await gate;
      const model = { id: file.id, backend };
      built.push(model);
      return { model, bytes: 50_000_000, backend };
    },
  };
  const borrow = (id: string, signal = new AbortController().signal) =>
    borrowComparedModel(store, deps, id, () => undefined, signal);
  const hold = () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    return () => {
      gate = Promise.resolve();
      open();
    };
  };
  return { store, engine, fetched, built, borrow, hold };
}

describe('borrowComparedModel', () => {
  it('a second comparison downloads nothing and builds only the models the budget could not keep', async () => {
    const { store, fetched, built, borrow } = setup();
    // 50 MB models: those that fit the budget, the first ones, stay built
    const fit = Math.floor(KEPT_BUDGET_BYTES / 50_000_000);
    expect(fit).toBeGreaterThan(0);
    expect(fit).toBeLessThan(FAMILY.length);
    for (const id of FAMILY) {
      const loan = await borrow(id);
      expect(loan.built).toBe(true);
      loan.giveBack();
      loan.giveBack();
    }
    expect(fetched).toEqual(FAMILY);
    expect(built).toHaveLength(5);
    expect(keptBytes(store.get())).toBe(fit * 50_000_000);
    expect(store.get().retired).toEqual(built.slice(fit));
    for (const [i, id] of FAMILY.entries()) {
      const loan = await borrow(id);
      expect(loan.built).toBe(i >= fit);
      if (i < fit) expect(loan.model).toBe(built[i]);
      loan.giveBack();
    }
    expect(fetched).toHaveLength(5);
    expect(built).toHaveLength(5 + FAMILY.length - fit);
    expect(keptBytes(store.get())).toBe(fit * 50_000_000);
    expect([...store.get().kept.values()].every((k) => k.users === 0)).toBe(true);
  });

  it('runs the weights the model menu downloaded instead of downloading them again', async () => {
    const { store, fetched, borrow } = setup();
    store.send({ type: 'model', modelId: FAMILY[2] });
    store.send({ type: 'need', wanted: true });
    store.send({ type: 'downloaded', id: FAMILY[2], file: { id: FAMILY[2] } });
    for (const id of FAMILY) (await borrow(id)).giveBack();
    expect(fetched).toEqual(FAMILY.filter((id) => id !== FAMILY[2]));
    expect(store.get().kept.get(FAMILY[2])!.file).toBe(store.get().files.get(FAMILY[2]));
  });

  it('after a change of backend the kept weights are built again there; a lent model waits to be retired', async () => {
    const { store, engine, fetched, built, borrow } = setup();
    const first = await borrow(FAMILY[0]);
    store.send({ type: 'backend', backend: null });
    engine.backend = 'cpu';
    store.send({ type: 'backend', backend: 'cpu' });
    // still lent: not retired
    expect(store.get().retired).toEqual([]);
    first.giveBack();
    expect(store.get().retired).toEqual([first.model]);
    const again = await borrow(FAMILY[0]);
    expect(again.built).toBe(true);
    expect(again.model.backend).toBe('cpu');
    expect(fetched).toEqual([FAMILY[0]]);
    expect(built).toHaveLength(2);
  });

  it('waits for a backend, and builds again when the backend changed during the build', async () => {
    const { store, engine, built, borrow, hold } = setup(null);
    const open = hold();
    const loan = borrow(FAMILY[0]);
    store.send({ type: 'backend', backend: 'wasm' });
    await new Promise((r) => setTimeout(r, 0));
    // the build under way is on WASM; the backend changes to CPU before it ends
    store.send({ type: 'backend', backend: 'cpu' });
    engine.backend = 'cpu';
    open();
    const got = await loan;
    expect(got.model.backend).toBe('cpu');
    expect(built.map((m) => m.backend)).toEqual(['wasm', 'cpu']);
    expect(store.get().retired).toEqual([built[0]]);
  });

  it('a model built on a backend the machine has not heard of yet is built again once it has', async () => {
    const { store, engine, built, borrow } = setup();
    // the engine has switched; the machine learns of it later
    engine.backend = 'cpu';
    const loan = borrow(FAMILY[0]);
    await new Promise((r) => setTimeout(r, 0));
    expect(built).toHaveLength(1);
    expect(store.get().retired).toEqual([built[0]]);
    store.send({ type: 'backend', backend: null });
    store.send({ type: 'backend', backend: 'cpu' });
    const got = await loan;
    expect(got.model.backend).toBe('cpu');
    expect(built).toHaveLength(2);
  });

  it('a comparison stopped during a build keeps the model for the next one, lent to no one', async () => {
    const { store, built, borrow, hold } = setup();
    const open = hold();
    const abort = new AbortController();
    const loan = borrow(FAMILY[0], abort.signal);
    await new Promise((r) => setTimeout(r, 0));
    abort.abort();
    open();
    await expect(loan).rejects.toBeDefined();
    expect(store.get().kept.get(FAMILY[0])).toMatchObject({ model: built[0], users: 0 });
    expect((await borrow(FAMILY[0])).built).toBe(false);
  });
});
