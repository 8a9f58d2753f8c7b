// Starts the shared stack for the whole suite (fault tests start their own: they stop servers on purpose).
import { exportStack, startStack } from './stack.ts';

export const SHARED_VARIANTS = {
  redirect: { loginMode: 'redirect' },
  widget: { loginMode: 'widget' },
  classic: { loginMode: 'widget', useClassicEngine: true },
  bearer: { loginMode: 'redirect', dpop: false },
} as const;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack({ variants: SHARED_VARIANTS });
  exportStack(stack);
  return () => stack.close();
}
