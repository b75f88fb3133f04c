// The shared config with this layer's rules (tooling/eslint-config).
export { admin as default } from '@ayni/eslint-config';
