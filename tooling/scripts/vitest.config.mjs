import { vitestConfig } from '@ayni/vitest-config';
import { defineConfig } from 'vitest/config';

const shared = vitestConfig('scripts');
// These scripts are plain Node modules (.mjs), so their tests are too.
export default defineConfig({ ...shared, test: { ...shared.test, include: ['*.test.mjs'] } });
