import { anchorAllRegions } from "../../platform/audit/anchor.ts";
import { verifyAudit } from "../../platform/audit/verify.ts";
import { systemClock } from "../../platform/clock.ts";
import { withDatabase } from "../runtime.ts";

/** `fazhi audit verify`: exit 0 when every chain and anchor checks out, 1 naming the first problem. */
export async function auditVerify(opts: { json?: boolean }): Promise<number> {
  return withDatabase(async (db, config) => {
    const r = await verifyAudit(db.owner, config);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    } else if (r.ok) {
      process.stdout.write(
        `audit verified: ${r.events} events in ${r.chains} chains, ${r.anchors} anchors — ok\n`,
      );
    } else {
      const first = r.problems[0]!;
      process.stderr.write(`audit verification FAILED: ${first.message}\n`);
      if (r.problems.length > 1)
        process.stderr.write(`(${r.problems.length - 1} more problems; --json lists them)\n`);
    }
    return r.ok ? 0 : 1;
  });
}

export async function auditAnchor(): Promise<void> {
  await withDatabase(async (db, config) => {
    const made = await anchorAllRegions(db.owner, config, systemClock());
    for (const a of made) {
      process.stdout.write(
        `anchored region ${a.payload.regionCode} #${a.payload.anchorSeq}: ${a.payload.heads.length} chains, ${a.digest}\n`,
      );
    }
    if (made.length === 0) process.stdout.write("nothing new to anchor\n");
  });
}
