import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from './schema.js';
import { updateSettings, type SettingsPorts } from './service.js';

function memory(initial: Settings): SettingsPorts & { stored: Settings; saves: number } {
  const state = { stored: { ...initial }, saves: 0 };
  return Object.assign(state, {
    settings: {
      get: async () => ({ ...state.stored }),
      save: async (changes: Partial<Settings>) => {
        state.saves += 1;
        state.stored = { ...state.stored, ...changes };
      },
    },
  });
}

describe('updateSettings', () => {
  it('saves, names what changed in the audit entry and touches the whole site (every page shows the settings)', async () => {
    const ports = memory(defaultSettings);
    const next = { ...defaultSettings, organisationName: 'Andes Solidarity', timeZone: 'America/Lima' };
    const saved = await updateSettings(ports, { settings: next });
    expect(ports.stored).toEqual(next);
    expect(saved.audit?.summary).toBe('Changed the organisation name and time zone');
    expect(saved.touches).toEqual(['settings']);
  });

  it('writes nothing and touches no page when nothing changed, but still audits the save', async () => {
    const ports = memory(defaultSettings);
    const saved = await updateSettings(ports, { settings: { ...defaultSettings } });
    expect(ports.saves).toBe(0);
    expect(saved.touches).toEqual([]);
    expect(saved.audit?.summary).toBe('Saved the settings without changes');
  });
});
