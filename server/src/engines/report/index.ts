/**
 * The report engine's front door: the declaration types, the figure rules and the guard
 * a report's publishing step carries. Modules import this file, never the engine's
 * other files.
 */
export type { DraftBlock, FigureDecl, ReportDraft, ReportTemplateDecl } from "./declare.ts";
export { type FigureRule, renderFigure } from "./figures.ts";
export { frozenBeforePublishing } from "./freeze.ts";
export {
  applySection,
  type DraftSection,
  draftSections,
  SectionEdit,
  sectionEditStep,
} from "./sections.ts";
export { buildFromTemplate, listTemplates, registerTemplate, renderTemplate } from "./templates.ts";
