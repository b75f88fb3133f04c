import { vitestConfig } from '@ayni/vitest-config';
import { defineConfig } from 'vitest/config';

const shared = vitestConfig('eslint-config');
// This package is plain JavaScript at its root, so are its tests.
export default defineConfig({ ...shared, test: { ...shared.test, include: ['*.test.js'] } });
