export { L, labelledEnum } from "../../engines/labels.ts";

import { zCount, zDate, zText, zUnitCode, zYuan } from "../../engines/fields.ts";

export { zCount, zDate, zText, zUnitCode, zYuan };

export const MODULE = "governance";
