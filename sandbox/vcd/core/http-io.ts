// Reading request bodies and writing replies, the two ends every endpoint shares.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './context.js';
import { badRequest, VcdError } from './errors.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Reads and parses a JSON body once; malformed or missing JSON is VCD's 400. */
export function jsonBodyReader(req: IncomingMessage): () => Promise<unknown> {
  let parsed: Promise<unknown> | undefined;
  return () => (parsed ??= readJson(req));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new VcdError(413, 'The request body is too large.', 'BAD_REQUEST');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw badRequest('A JSON request body is required.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`Malformed JSON in the request body: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes a Reply: JSON (with VCD's versioned content type) unless it carries raw text. */
export function sendReply(res: ServerResponse, reply: Reply, apiVersion: string | undefined): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.raw) {
    res.writeHead(reply.status, { 'Content-Type': reply.raw.contentType, 'Content-Length': Buffer.byteLength(reply.raw.text) });
    res.end(reply.raw.text);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  const contentType = apiVersion ? `application/json;version=${apiVersion}` : 'application/json';
  res.writeHead(reply.status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The caller's origin, so that links (paging, loginUrl) point back where the request came from. */
export function originOf(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  return `${proto || (encrypted ? 'https' : 'http')}://${req.headers.host ?? 'localhost'}`;
}
