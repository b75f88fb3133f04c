// The shared config with this layer's rules (tooling/eslint-config).
export { web as default } from '@ayni/eslint-config';
