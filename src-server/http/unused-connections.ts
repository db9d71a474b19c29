import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Connections with no request in progress, for shutting down promptly. Node's closeIdleConnections() (which Fastify
 * calls on close) skips a connection that has not sent a request yet — HTTP clients open those ahead of need — and
 * server.close() then waits for it until the headers timeout, a minute. Closing such a connection loses nothing:
 * the client simply connects again, to an instance that is still up.
 */
export function trackUnusedConnections(server: Server): { close(): void } {
  const inFlight = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const { socket } = request;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      if (inFlight.has(socket)) inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1));
    });
  });
  return {
    close() {
      for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy();
    },
  };
}
