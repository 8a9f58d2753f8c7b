/** Prints the scrypt hash of a password for `users.json`: `npx tsx servers/auth/hash-password.ts 'secret'`. */
import { hashPassword } from './passwords.ts';

const password = process.argv[2];
if (!password) {
  process.stderr.write("usage: npx tsx servers/auth/hash-password.ts '<password>'\n");
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
