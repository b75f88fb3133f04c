// The CSP nonce of the page being rendered, for the inline scripts Remix writes (<Scripts>, <ScrollRestoration>).
// Only the server has one; in the browser the scripts have already run, and the value is empty.
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
