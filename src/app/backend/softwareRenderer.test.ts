import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from './softwareRenderer';

describe('isSoftwareRenderer', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'google swiftshader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'ANGLE (Mesa, llvmpipe (LLVM 15.0.7 256 bits), OpenGL 4.5)',
    'lavapipe',
    'Microsoft Basic Render Driver',
  ])('recognises %j', (name) => expect(isSoftwareRenderer(name)).toBe(true));

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'nvidia hopper',
    'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
    'ANGLE (AMD, AMD Radeon RX 6800 (radeonsi, navi21, LLVM 15.0.7, DRM 3.49, 6.1.0), OpenGL 4.6)',
  ])('does not flag %j', (name) => expect(isSoftwareRenderer(name)).toBe(false));
});
