/**
 * The header the web server (tiles/web-server.ts) sets to the socket's address after removing any
 * value the client sent, so it cannot be forged through the product's own server. Its own module:
 * the web server must not load React (lib/context does) before Next.js sets up its own copy.
 */
export const CLIENT_ADDRESS_HEADER = "x-gridatlas-client-address";
