#!/usr/bin/env node
// The `fazhi` command. Node 20 cannot run TypeScript itself: register tsx's loader,
// then run the CLI from source.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
