import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  GROUPED_CONV2D,
  groupedConvOutShape,
  type GroupedConvAttrs,
  type GroupedConvInputs,
} from '../groupedConvOp';
import { groupedConvWasmBase64 } from './groupedConvWasm.generated';

/**
 * The GROUPED_CONV2D kernel of the wasm backend: groupedConv.c compiled to WebAssembly SIMD, in a module with
 * its own memory (so it works alike with the single-threaded and the threaded tfjs builds). Each call copies x
 * from the tfjs heap into that memory, splits it per group with a zero border, runs the kernel and copies the
 * result back. Filters are packed once per filter tensor and kept while the tensor lives.
 */

interface KernelExports {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  grouped_conv(
    xg: number,
    w: number,
    bias: number,
    out: number,
    n: number,
    hp: number,
    wp: number,
    groups: number,
    cinG: number,
    coutG: number,
    kh: number,
    kw: number,
    stride: number,
    ho: number,
    wo: number,
    relu: number,
  ): void;
  prepare_input(
    x: number,
    xg: number,
    n: number,
    h: number,
    w: number,
    groups: number,
    cinG: number,
    pad: number,
  ): void;
  pack_filter(src: number, dst: number, khw: number, cinG: number, groups: number, coutG: number): void;
  pack_bias(src: number, dst: number, groups: number, coutG: number): void;
}

/** A packed filter in the module's memory, valid while its tfjs tensor data lives. */
interface PackedFilter {
  backend: BackendWasm;
  dataId: object;
  /** the backend's id of the data when packed: a new id means new data under the same dataId */
  tfjsId: number;
  offset: number;
  bytes: number;
  shapeKey: string;
}

const align = (n: number) => (n + 15) & ~15;
const PAGE = 65536;

class GroupedConvModule {
  private readonly exp: KernelExports;
  private readonly heapBase: number;
  private packed = new Map<object, PackedFilter>();
  /** end of the packed filters, which sit contiguously from heapBase */
  private arenaEnd: number;

  constructor(instance: WebAssembly.Instance) {
    this.exp = instance.exports as unknown as KernelExports;
    this.heapBase = align(this.exp.__heap_base.value as number);
    this.arenaEnd = this.heapBase;
  }

  stats() {
    return {
      cachedFilters: this.packed.size,
      filterBytes: this.arenaEnd - this.heapBase,
      memoryBytes: this.exp.memory.buffer.byteLength,
    };
  }

  private ensure(end: number) {
    const have = this.exp.memory.buffer.byteLength;
    if (end > have) this.exp.memory.grow(Math.ceil((end - have) / PAGE));
  }

  private f32(offset: number, length: number) {
    return new Float32Array(this.exp.memory.buffer, offset, length);
  }

  private isLive(e: PackedFilter): boolean {
    const data = e.backend.dataIdMap.has(e.dataId) ? e.backend.dataIdMap.get(e.dataId) : undefined;
    return data !== undefined && data.id === e.tfjsId;
  }

  /**
   * Drops filters whose tensors are gone and moves the rest down, so that the arena holds live weights only.
   * Runs when a filter is packed, which is rare (once per filter tensor).
   */
  private compact() {
    const live = [...this.packed.values()].filter((e) => this.isLive(e)).sort((a, b) => a.offset - b.offset);
    const bytes = new Uint8Array(this.exp.memory.buffer);
    let end = this.heapBase;
    this.packed.clear();
    for (const e of live) {
      if (e.offset !== end) bytes.copyWithin(end, e.offset, e.offset + e.bytes);
      e.offset = end;
      end += align(e.bytes);
      this.packed.set(e.dataId, e);
    }
    this.arenaEnd = end;
  }

  /** Offset of the packed filter [groups][kh][kw][cinG][cp], packing it on first use. */
  filterOffset(backend: BackendWasm, filter: tf.TensorInfo, groups: number): number {
    const [kh, kw, cinG, cout] = filter.shape;
    const shapeKey = `${filter.shape.join(',')}/${groups}`;
    const hit = this.packed.get(filter.dataId);
    if (hit && hit.backend === backend && hit.shapeKey === shapeKey && this.isLive(hit)) return hit.offset;
    if (hit) this.packed.delete(filter.dataId);
    this.compact();
    const coutG = cout / groups;
    const cp = (coutG + 3) & ~3;
    const bytes = groups * kh * kw * cinG * cp * 4;
    const offset = this.arenaEnd;
    const raw = align(offset + bytes);
    const size = kh * kw * cinG * cout;
    this.ensure(raw + size * 4);
    this.f32(raw, size).set(backend.typedArrayFromHeap(filter) as Float32Array);
    this.exp.pack_filter(raw, offset, kh * kw, cinG, groups, coutG);
    this.arenaEnd = align(offset + bytes);
    this.packed.set(filter.dataId, {
      backend,
      dataId: filter.dataId,
      tfjsId: backend.dataIdMap.get(filter.dataId).id,
      offset,
      bytes,
      shapeKey,
    });
    return offset;
  }

  run(backend: BackendWasm, inputs: GroupedConvInputs, attrs: GroupedConvAttrs): tf.TensorInfo {
    const { x, filter, bias } = inputs;
    const { groups, stride, pad } = attrs;
    const [n, h, w, cin] = x.shape;
    const [kh, kw, cinG, cout] = filter.shape;
    check(x.shape.length === 4 && filter.shape.length === 4, 'x and filter must be 4-D');
    check(x.dtype === 'float32' && filter.dtype === 'float32', 'x and filter must be float32');
    check(Number.isInteger(groups) && groups >= 1, `groups ${groups}`);
    check(cin === cinG * groups, `x has ${cin} channels, filter ${cinG} per group × ${groups} groups`);
    check(cout % groups === 0, `${cout} outputs do not split into ${groups} groups`);
    check(Number.isInteger(stride) && stride >= 1 && Number.isInteger(pad) && pad >= 0, 'stride/pad');
    if (bias) {
      check(bias.dtype === 'float32', 'bias must be float32');
      check(bias.shape.length === 1 && bias.shape[0] === cout, `bias of ${bias.shape} for ${cout}`);
    }
    const outShape = groupedConvOutShape(x.shape, filter.shape, stride, pad);
    const [, ho, wo] = outShape;
    const outSize = n * Math.max(ho, 0) * Math.max(wo, 0) * cout;
    if (outSize === 0) {
      return backend.makeOutput(
        outShape.map((d) => Math.max(d, 0)),
        'float32',
      );
    }
    const coutG = cout / groups;
    const cp = (coutG + 3) & ~3;

    const wOff = this.filterOffset(backend, filter, groups);
    const hp = h + 2 * pad;
    const wp = w + 2 * pad;
    const xLen = n * h * w * cin;
    const xOff = this.arenaEnd;
    const xgOff = align(xOff + xLen * 4);
    const bOff = align(xgOff + n * hp * wp * cin * 4);
    const bRaw = align(bOff + groups * cp * 4);
    const oOff = align(bRaw + cout * 4);
    this.ensure(oOff + outSize * 4);

    this.f32(xOff, xLen).set(backend.typedArrayFromHeap(x) as Float32Array);
    this.exp.prepare_input(xOff, xgOff, n, h, w, groups, cinG, pad);
    if (bias) this.f32(bRaw, cout).set(backend.typedArrayFromHeap(bias) as Float32Array);
    this.exp.pack_bias(bias ? bRaw : 0, bOff, groups, coutG);
    this.exp.grouped_conv(
      xgOff,
      wOff,
      bOff,
      oOff,
      n,
      hp,
      wp,
      groups,
      cinG,
      coutG,
      kh,
      kw,
      stride,
      ho,
      wo,
      attrs.activation === 'relu' ? 1 : 0,
    );
    const out = backend.makeOutput(outShape, 'float32');
    (backend.typedArrayFromHeap(out) as Float32Array).set(this.f32(oOff, outSize));
    return out;
  }
}

function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Error(`${GROUPED_CONV2D} (wasm): ${what}`);
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

let loading: Promise<GroupedConvModule> | undefined;
let loaded: GroupedConvModule | undefined;

async function instantiate(): Promise<GroupedConvModule> {
  const bytes = decodeBase64(groupedConvWasmBase64);
  if (!WebAssembly.validate(bytes))
    throw new Error(`${GROUPED_CONV2D} (wasm): WebAssembly SIMD is not supported`);
  const { instance } = await WebAssembly.instantiate(bytes, {});
  loaded = new GroupedConvModule(instance);
  return loaded;
}

function loadModule(): Promise<GroupedConvModule> {
  loading ??= instantiate().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/**
 * Registers the GROUPED_CONV2D kernel for the 'wasm' backend. Idempotent; the backend itself need not be
 * initialised yet. Call it before building models, so that their grouped convs prepare the kernel's layout
 * rather than another strategy's. Rejects (registering nothing) where WebAssembly SIMD is missing; grouped
 * convs then keep the backend's other strategy.
 */
export async function registerWasmGroupedConv(): Promise<void> {
  const module = await loadModule();
  if (tf.getKernel(GROUPED_CONV2D, 'wasm')) return;
  tf.registerKernel({
    kernelName: GROUPED_CONV2D,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      module.run(
        backend as BackendWasm,
        inputs as unknown as GroupedConvInputs,
        attrs as unknown as GroupedConvAttrs,
      ),
  });
}

/** Filters held packed in the kernel's memory, and that memory's size (for tests and diagnostics). */
export function wasmGroupedConvStats(): { cachedFilters: number; filterBytes: number; memoryBytes: number } {
  return loaded ? loaded.stats() : { cachedFilters: 0, filterBytes: 0, memoryBytes: 0 };
}
