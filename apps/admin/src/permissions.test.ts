import { describe, expect, it } from 'vitest';
import { roleAbilities } from './permissions.js';

describe('roleAbilities', () => {
  it('says what an editor may change before what they may see, and not what they may not do', () => {
    const editor = roleAbilities('editor');
    expect(editor.slice(0, 3)).toEqual([
      'write and edit articles and pages',
      'publish, schedule and archive them',
      'add and change partner feeds',
    ]);
    expect(editor).toContain('see members');
    expect(editor).not.toContain('invite, change and suspend staff');
  });

  it('gives a viewer only things to see', () => {
    expect(
      roleAbilities('viewer').every((words) => words.startsWith('see') || words.startsWith('read')),
    ).toBe(true);
  });
});
