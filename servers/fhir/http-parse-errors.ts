import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { defaults, FHIR_JSON } from './config.ts';
import { operationOutcome } from './outcome.ts';

/**
 * Requests Node's HTTP parser refuses never reach the app. Node would answer them with a bare status
 * line; this answers with the same statuses and an OperationOutcome saying why. There are no CORS
 * headers: the request's Origin was never parsed (URLs up to `maxUrlLength` get the app's 414,
 * which has them).
 */
export function answerParseErrors(server: Server): void {
  server.on('request', (_req, res: ServerResponse) => {
    const socket = res.socket;
    if (!socket) return;
    busy.add(socket);
    res.once('close', () => busy.delete(socket));
  });
  server.on('clientError', answer);
}

/** Connections with a response under way: an answer now would land inside that response. */
const busy = new WeakSet<Duplex>();
/** Connections already answered, whose refused request may still be arriving. */
const answered = new WeakSet<Duplex>();

function answer(err: NodeJS.ErrnoException, socket: Duplex): void {
  // The parser reports every further chunk of a refused request again; the timer below ends those.
  if (answered.has(socket)) return;
  if (!socket.writable || busy.has(socket)) {
    socket.destroy(err);
    return;
  }
  const [status, reason, diagnostics] = refusal(err.code);
  const body = JSON.stringify(
    operationOutcome('error', status === 431 ? 'too-long' : 'invalid', diagnostics),
  );
  // Half-close, and destroy only a little later: closing while the client is still sending the rest
  // of its request makes the kernel reset the connection, and the client loses this answer.
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${FHIR_JSON}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  answered.add(socket);
  setTimeout(() => socket.destroy(), 1000).unref();
}

function refusal(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'Request Header Fields Too Large',
        `The request line and headers exceed ${defaults.maxHeaderBytes / 1024} KB ` +
          `(a URL may have at most ${defaults.maxUrlLength} characters)`,
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'Payload Too Large', 'The chunk extensions of the request body are too large'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'The request did not arrive in time'];
    default:
      return [400, 'Bad Request', 'The request is not valid HTTP'];
  }
}
