import { describe, expect, it } from 'vitest';
import { defaultState, parseState } from './appState';
import { linkQuery } from './locationState';

describe('linkQuery', () => {
  it('names the language even when it is the default', () => {
    expect(linkQuery(defaultState)).toBe('lang=en');
    expect(new URLSearchParams(linkQuery({ ...defaultState, section: 'forms' })).get('lang')).toBe('en');
  });

  it('names a non-default language once, and keeps the rest of the state', () => {
    const state = { ...defaultState, section: 'step' as const, lang: 'zh' as const, at: '5,7', channel: 2 };
    const query = linkQuery(state);
    expect(query.match(/lang=/g)).toHaveLength(1);
    expect(query).toContain('at=5,7');
    expect(parseState(query)).toEqual(state);
  });
});
