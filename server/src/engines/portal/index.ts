/**
 * The portal's front door: what a module imports to put its public sections on the
 * public portal (declare.ts). The pages themselves are http/portal/.
 */

export { checkPortalSections } from "./check.ts";
export {
  PORTAL_STAGE_LABELS,
  PORTAL_STAGES,
  type PortalBodiesDecl,
  type PortalSectionDecl,
  type PortalSource,
  type PortalStage,
} from "./declare.ts";
