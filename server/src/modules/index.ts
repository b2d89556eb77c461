import type { ModuleDecl } from "../engines/registry.ts";
import { directoryModule } from "./directory/index.ts";
import { enforcementModule } from "./enforcement/index.ts";
import { examplesModule } from "./examples/index.ts";
import { meetingsModule } from "./meetings/index.ts";

/** Every module of the platform. A new module is one import and one entry here. */
export const MODULES: ModuleDecl[] = [
  directoryModule,
  meetingsModule,
  enforcementModule,
  examplesModule,
];
