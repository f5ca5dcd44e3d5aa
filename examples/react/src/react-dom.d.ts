// This repository has no @types/react-dom (an app installs it); this declares the one function the example uses.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export function createRoot(container: Element): { render(children: ReactNode): void; unmount(): void };
}
