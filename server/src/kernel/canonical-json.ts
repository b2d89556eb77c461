/**
 * Canonical JSON for hashing and signing (audit chain, region anchors).
 *
 * Rules (one byte string per value, so equal values hash equally):
 * - object keys sorted recursively by UTF-16 code unit order (Array.prototype.sort
 *   default), as in RFC 8785 (JCS) §3.2.3;
 * - no whitespace; arrays keep their order;
 * - object fields whose value is `undefined` are dropped; `undefined` inside an array
 *   becomes `null` (what JSON.stringify does);
 * - strings and numbers are written exactly as JSON.stringify writes them (ECMAScript
 *   Number-to-String, which RFC 8785 §3.2.2.3 also uses);
 * - rejected with a ValidationError: Date (callers pass ISO strings), non-finite
 *   numbers, bigint, functions, symbols, Map/Set/Buffer/class instances (anything
 *   that is not a plain object or array), and cycles.
 *
 * For the values it accepts the output coincides with RFC 8785, so an external
 * verifier can reproduce hashes with any JCS library.
 */
import { ValidationError } from "./errors.ts";

export function canonicalJson(value: unknown): string {
  if (value === undefined) {
    throw new ValidationError("canonical JSON: the top-level value is undefined");
  }
  const out: string[] = [];
  write(value, "$", new Set(), out);
  return out.join("");
}

function write(value: unknown, path: string, stack: Set<object>, out: string[]): void {
  if (value === null || value === undefined) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      if (!Number.isFinite(value)) {
        throw new ValidationError(`canonical JSON: non-finite number at ${path}`);
      }
      out.push(JSON.stringify(value));
      return;
    case "object":
      break;
    default:
      throw new ValidationError(`canonical JSON: unsupported ${typeof value} at ${path}`);
  }
  const obj = value as object;
  if (obj instanceof Date) {
    throw new ValidationError(`canonical JSON: Date at ${path}; pass an ISO 8601 string instead`);
  }
  if (stack.has(obj)) {
    throw new ValidationError(`canonical JSON: cycle at ${path}`);
  }
  if (Array.isArray(obj)) {
    stack.add(obj);
    out.push("[");
    obj.forEach((item, i) => {
      if (i > 0) out.push(",");
      write(item, `${path}[${i}]`, stack, out);
    });
    out.push("]");
    stack.delete(obj);
    return;
  }
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? "object";
    throw new ValidationError(`canonical JSON: ${name} at ${path} is not a plain object`);
  }
  stack.add(obj);
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  out.push("{");
  keys.forEach((k, i) => {
    if (i > 0) out.push(",");
    out.push(JSON.stringify(k), ":");
    write(record[k], `${path}.${k}`, stack, out);
  });
  out.push("}");
  stack.delete(obj);
}
