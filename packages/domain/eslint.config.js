// The shared config with this layer's rules (tooling/eslint-config).
export { domain as default } from '@ayni/eslint-config';
