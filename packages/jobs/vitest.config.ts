import { vitestConfig } from '@ayni/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig(vitestConfig('jobs'));
