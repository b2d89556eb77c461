import type { FastifySchemaCompiler } from "fastify";
import type { ZodFastifySchemaValidationError } from "fastify-type-provider-zod";
import { type $ZodType, safeParse } from "zod/v4/core";

/** The marker fastify-type-provider-zod puts on its validation items (Symbol.for). */
const MARK = Symbol.for("ZodFastifySchemaValidationError");

/**
 * fastify-type-provider-zod's validator, parsing with `reportInput` so that the issue keeps
 * the value it was about: the envelope rebuilds each message in the request's language
 * from the issue (kernel/issue-text.ts), and "missing" (必填) is told from "wrong type"
 * by that value. The items keep the library's shape, so `hasZodFastifySchemaValidationErrors`
 * still recognises them; the issue's fields are in `params` as the library puts them.
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (!result.error) return { value: result.data };
    const items = result.error.issues.map((issue) => {
      const { path, code, message, ...rest } = issue;
      return {
        [MARK]: true,
        keyword: code,
        instancePath: `/${path.join("/")}`,
        schemaPath: `#/${path.join("/")}/${code}`,
        message,
        params: rest,
      } as unknown as ZodFastifySchemaValidationError;
    });
    // fastify's types want an Error; it reads the array as the request's `validation`.
    return { error: items as unknown as Error };
  };
