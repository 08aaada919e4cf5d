/**
 * Rooms every socket joins at its handshake, so that whoever ends an access can close its open
 * sockets on every instance (the Redis adapter spans rooms): a sign-out its session's, a removed
 * user theirs, a revoked display its own.
 */
export const sessionRoom = (sid: string) => `session:${sid}`;
export const userRoom = (username: string) => `user:${username}`;
export const displayRoom = (displayId: string) => `display:${displayId}`;
