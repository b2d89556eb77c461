export { L, labelledEnum } from "../../engines/labels.ts";

import { zCount, zDate, zText, zUnitCode, zYuan } from "../../engines/fields.ts";
import { fieldOf } from "../../engines/register/index.ts";

export { zCount, zDate, zText, zUnitCode, zYuan };

export const MODULE = "governance";

/**
 * A unit-code field of the governance registers, shown and exchanged as the code: their
 * columns say no `ref: "unit"` (which would show the unit's name on screen and in the
 * xlsx files instead).
 */
export const unitCodeShown = fieldOf(zUnitCode, "text");
