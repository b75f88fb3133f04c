// Saving the organisation's settings: one Change for the unit of work, audited with what changed. Every public
// page shows the settings (name, address, language), so a save touches the site's `settings` part.
import { change, type Change } from '../shared/change.js';
import { listInWords } from '../shared/text.js';
import { settingNames, settingWords, type Settings } from './schema.js';

/** Reading the settings: what a use case that words or places things by them needs (the time zone, the name). */
export interface SettingsReader {
  get(): Promise<Settings>;
}

export interface SettingsPorts {
  settings: SettingsReader & {
    save(settings: Partial<Settings>): Promise<void>;
  };
}

/** The names of the settings whose value differs, in the form's order. */
export function changedSettings(before: Settings, after: Partial<Settings>): (keyof Settings)[] {
  return settingNames.filter((name) => after[name] !== undefined && before[name] !== after[name]);
}

export async function updateSettings(
  ports: SettingsPorts,
  command: { settings: Settings },
): Promise<Change<Settings>> {
  const before = await ports.settings.get();
  const changed = changedSettings(before, command.settings);
  if (changed.length === 0) {
    return change(before, {
      action: 'settings.update',
      resourceType: 'settings',
      resourceId: null,
      summary: 'Saved the settings without changes',
    });
  }
  await ports.settings.save(command.settings);
  return change(
    command.settings,
    {
      action: 'settings.update',
      resourceType: 'settings',
      resourceId: null,
      summary: `Changed the ${listInWords(changed.map((name) => settingWords[name]))}`,
    },
    ['settings'],
  );
}
