export { default } from '@ayni/eslint-config';
