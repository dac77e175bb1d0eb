import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../project";

/** One template module: `webhooks/<partner>/<name>.ts`, id "<partner>/<name>". */
export interface TemplateModule {
  readonly id: string;
  readonly partner: string;
  readonly name: string;
  readonly file: string;
}

/** `webhooks/lib/` is the authoring core, `webhooks/<partner>/lib/` a partner's plumbing: neither holds templates. */
const LIB = "lib";

/** Every template under webhooks/, partners and templates in name order; none when the folder does not exist. */
export function discoverTemplates(project: Project): TemplateModule[] {
  if (!existsSync(project.webhooksDir)) return [];
  return sorted(project.webhooksDir)
    .filter((partner) => partner !== LIB && statSync(join(project.webhooksDir, partner)).isDirectory())
    .flatMap((partner) =>
      sorted(join(project.webhooksDir, partner))
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.endsWith(".test.ts"))
        .map((file) => {
          const name = file.slice(0, -".ts".length);
          return { id: `${partner}/${name}`, partner, name, file: join(project.webhooksDir, partner, file) };
        }),
    );
}

function sorted(dir: string): string[] {
  return readdirSync(dir).sort();
}
