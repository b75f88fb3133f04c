// The shared config with this layer's rules (tooling/eslint-config).
export { api as default } from '@ayni/eslint-config';
