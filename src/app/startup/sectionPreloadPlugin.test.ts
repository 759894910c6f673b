import { describe, expect, it } from 'vitest';
import { chunkFileName, SAMPLE_TOKEN, sectionChunks } from './sectionPreloadPlugin';

const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}) => ({
  type: 'chunk' as const,
  fileName,
  imports,
  isEntry: false,
  facadeModuleId: null as string | null,
  moduleIds: [`/p/src/${fileName.replace(/\.js$/, '.ts')}`] as readonly string[],
  ...extra,
});

describe('sectionChunks', () => {
  it('lists per section the chunks and styles its component needs beyond the main bundle', () => {
    const bundle = {
      'index.js': chunk('index.js', ['react.js'], { isEntry: true, facadeModuleId: '/p/src/main.tsx' }),
      'react.js': chunk('react.js', []),
      'Overview.js': chunk('Overview.js', ['react.js', 'd3.js'], {
        facadeModuleId: '/p/src/app/sections/overview/OverviewSection.tsx',
        viteMetadata: { importedCss: new Set(['Overview.css']) },
      }),
      'd3.js': chunk('d3.js', ['react.js'], { viteMetadata: { importedCss: new Set(['d3.css']) } }),
      'Step.js': chunk('Step.js', ['d3.js'], { facadeModuleId: '/p/src/app/sections/step/StepSection.tsx' }),
      'lazyPart.js': chunk('lazyPart.js', [], { facadeModuleId: '/p/src/app/sections/step/StepWalker.tsx' }),
      'x.css': { type: 'asset' as const },
    };
    expect(sectionChunks(bundle)).toEqual({
      overview: ['Overview.js', 'Overview.css', 'd3.js', 'd3.css'],
      step: ['Step.js', 'd3.js', 'd3.css'],
    });
  });

  it('adds the facade through which the main bundle loads on demand a chunk the section loads anyway', () => {
    const bundle = {
      'index.js': chunk('index.js', ['app.js'], { isEntry: true, facadeModuleId: '/p/src/main.tsx' }),
      'app.js': chunk('app.js', []),
      'Classify.js': chunk('Classify.js', ['app.js', 'decode.js'], {
        facadeModuleId: '/p/src/app/sections/classify/ClassifySection.tsx',
      }),
      'decode.js': chunk('decode.js', ['app.js']),
      // `export { d as decodeImageBlob } from './decode.js'`, what app.js's import('./decodeImage') loads
      'decodeFacade.js': chunk('decodeFacade.js', ['decode.js'], {
        facadeModuleId: '/p/src/app/model/image/decodeImage.ts',
        moduleIds: [],
      }),
      // a facade onto a chunk no section loads stays out
      'engineFacade.js': chunk('engineFacade.js', ['engine.js'], { moduleIds: [] }),
      'engine.js': chunk('engine.js', ['app.js']),
      'Step.js': chunk('Step.js', ['app.js'], { facadeModuleId: '/p/src/app/sections/step/StepSection.tsx' }),
    };
    expect(sectionChunks(bundle)).toEqual({
      classify: ['Classify.js', 'decode.js', 'decodeFacade.js', SAMPLE_TOKEN],
      step: ['Step.js'],
    });
  });
});

describe('chunkFileName', () => {
  it('names TensorFlow.js and kernel chunks by what they hold', () => {
    expect(
      chunkFileName({ name: 'dist', moduleIds: ['/p/node_modules/@tensorflow/tfjs-core/dist/index.js'] }),
    ).toBe('assets/tfjs-core-[hash].js');
    expect(
      chunkFileName({ name: 'groupedConvOp', moduleIds: ['/p/src/resnext/kernels/groupedConvOp.ts'] }),
    ).toBe('assets/kernel-[name]-[hash].js');
    expect(
      chunkFileName({
        name: 'model',
        moduleIds: ['/p/src/resnext/model.ts', '/p/src/resnext/kernels/groupedConvOp.ts'],
      }),
    ).toBe('assets/[name]-[hash].js');
  });
});
