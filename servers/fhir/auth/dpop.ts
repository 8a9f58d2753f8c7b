import * as jose from 'jose';
import { createDpopVerifier as createVerifier, type DpopRequest } from '../../../protocol/dpop.ts';
import { defaults } from '../config.ts';
import { refusalError } from '../errors.ts';

/** The DPoP checks of protocol/dpop.ts with this server's limits, refusing with OperationOutcomes. */
export function createDpopVerifier(
  replayMaxEntries: number = defaults.dpopReplayMaxEntries,
): (req: DpopRequest) => Promise<void> {
  return createVerifier({
    jose,
    maxAgeSeconds: defaults.dpopMaxAgeSeconds,
    clockToleranceSeconds: defaults.clockToleranceSeconds,
    replayMaxEntries,
    refuse: refusalError,
  });
}
