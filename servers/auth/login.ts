/** Password sign-in shared by every entry point (hosted page, Identity Engine, Classic authn). */
import type { Logger } from '../../protocol/logger.ts';
import type { LoginThrottle } from './throttle.ts';
import type { User, UserDirectory } from './users.ts';

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; message: string };
export type PasswordLogin = (login: string, password: string, ip: string) => Promise<LoginResult>;

export function createPasswordLogin(
  users: UserDirectory,
  throttle: LoginThrottle,
  logger: Logger,
): PasswordLogin {
  return async (login, password, ip) => {
    const attempt = throttle.reserve(login, ip);
    if (!attempt) {
      logger.warn('sign-in refused: too many failures');
      return { ok: false, reason: 'locked', message: throttle.message };
    }
    let user: User | undefined;
    try {
      user = login && password ? await users.authenticate(login, password) : undefined;
    } finally {
      // A check that threw is a failure too: the reservation never leaks.
      if (!user) attempt.failed();
    }
    if (!user) {
      logger.info('sign-in failed');
      return { ok: false, reason: 'invalid' };
    }
    attempt.succeeded();
    logger.info(`sign-in ok uid=${user.id}`);
    return { ok: true, user };
  };
}
