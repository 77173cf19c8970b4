/** One file an emitter produced, before formatting and writing. */
export interface EmittedFile {
  /** Path relative to the package directory, POSIX separators, e.g. `src/connections.ts`. */
  path: string;
  contents: string;
  /**
   * `ts`: printed in its final shape by `ts/printer.ts` (prettier's layout in the repository's style:
   * print width 100, single quotes, trailing commas), formatted again only with `--format prettier`;
   * `json`, `md`: formatted by prettier in the write stage; `other` (the runtime copies): written as is.
   */
  kind: 'ts' | 'json' | 'md' | 'other';
}

/** What emitters need to know beyond the model. */
export interface EmitOptions {
  /** e.g. `@improvado-sdk/types`. */
  typesPackageName: string;
  /** e.g. `@improvado-sdk/client`. */
  clientPackageName: string;
  /** Client class name, e.g. `Improvado`. */
  clientName: string;
  /** Spec path relative to the repository root (POSIX), for banners, e.g. `spec/openapi.yaml`. */
  specPath: string;
  /** The command that regenerates the output, for banners, e.g. `pnpm generate`. */
  command: string;
  /** `version` of the existing package.json per package, kept so changesets owns it. */
  existingVersions: { types?: string; client?: string };
  /**
   * Optional `scripts.generate` per package.json (the command, run in the package folder, that
   * regenerates that package, e.g. `sdkgen generate ../../spec/openapi.yaml --out .. --only types`).
   * Omitted when not given.
   */
  generateScripts?: { types?: string; client?: string };
  /**
   * (Addition, client emitter) The version range the client's package.json requires of the types
   * package. Default: the client's own version, exactly (the two form a fixed release group). Pass
   * `workspace:*` inside a pnpm workspace: pnpm ≥ 9 no longer links workspace packages for plain
   * versions (`linkWorkspacePackages` defaults to false), and `pnpm publish` rewrites `workspace:*`
   * to the exact version.
   */
  typesDependencyRange?: string;
  /**
   * (Addition, packaging: D34) Where the packages come from and under which licence, for package.json
   * (`license`, `repository`, `homepage`, `bugs`) and LICENSE. Omitted: `MIT`, no repository fields.
   */
  packageInfo?: PackageInfo;
  /**
   * (Addition, D44) Hand-written parts of the client README (config `readme`, read by
   * `readReadmeExtras`). Omitted: the automatic quick start, no recipes.
   */
  readme?: ReadmeExtras;
}

/** Hand-written README parts, already read from their files. */
export interface ReadmeExtras {
  /** The quick start's TypeScript code (no fence), replacing the automatic example. */
  quickStart?: string;
  /** Recipes in order, each shown as a `###` section under `## Recipes`. */
  recipes?: ReadmeRecipe[];
}

/** One recipe: its title (a Markdown heading's text) and its Markdown body, headings already moved down to `####` and below. */
export interface ReadmeRecipe {
  title: string;
  body: string;
}

/** Provenance and licence of the generated packages (see `SdkgenConfig`: the same fields). */
export interface PackageInfo {
  /** SPDX licence id. Default `MIT`. */
  license?: string;
  /** Copyright holder named in LICENSE. Default: `the authors of <package name>`. */
  copyright?: string;
  /** https URL of the git repository, e.g. `https://github.com/acme/sdk`. */
  repository?: string;
  /** Folder of each package relative to the repository root, POSIX (`packages/client`): `repository.directory`. */
  directories?: { types?: string; client?: string };
  /** package.json `homepage`; default for a github.com repository: the package folder's README. */
  homepage?: string;
  /** package.json `bugs.url`; default for a github.com repository: its issues page. */
  bugs?: string;
}
