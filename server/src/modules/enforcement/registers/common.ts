/**
 * What the enforcement registers share: the module code, a civil-date schema, and the
 * xlsx helpers for list items written "类别：内容".
 */

import { zDate, zUnitCode, zYuan } from "../../../engines/fields.ts";
import { labelCode } from "../../../engines/register/index.ts";

/** `labelCode`: the code of a label given by its code, Chinese or English text (the register engine's). */
export { labelCode, zDate, zUnitCode, zYuan };

export const MODULE = "enforcement";
