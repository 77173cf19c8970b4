#!/usr/bin/env bash
# The release flow leaves a tree that passes CI (.ci/run; D34). On a scratch copy of the working tree
# (its own git repository, in a temporary folder): add a changeset for the three published packages,
# run `pnpm version-packages`, commit that as the release pull request would, then CI's steps:
# `pnpm install --frozen-lockfile`, `pnpm build`, the second `pnpm generate` a turbo cache hit, and
# the drift gate (nothing under packages/ changed). Also checks what was versioned: the fixed group
# at one new version, the generator bumped, the client's dependency and the lockfile following, a
# CHANGELOG.md per package. KEEP_RELEASE_CHECK=1 keeps the scratch copy.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
pnpm() { npx -y pnpm@12.4.2 "$@"; }
scratch="$(mktemp -d "${TMPDIR:-/tmp}/release-check.XXXXXX")"
if [ -z "${KEEP_RELEASE_CHECK:-}" ]; then trap 'rm -rf "$scratch"' EXIT; else echo "kept: $scratch"; fi
step() { printf '%s  release-check: %s\n' "$(date +%H:%M:%S)" "$*"; }

step "copy the working tree to $scratch"
# Tracked and untracked files that are not ignored and exist (a file deleted in the work tree is left out).
(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
  node -e "const fs = require('node:fs'); const files = fs.readFileSync(0, 'utf8').split('\0').filter((f) => f !== '' && fs.existsSync(f)); process.stdout.write(files.join('\0'))" |
  tar --null -T - -cf -) | (cd "$scratch" && tar -xf -)
cd "$scratch"
git_() { git -c user.name=release-check -c user.email=release-check@localhost -c commit.gpgsign=false "$@"; }
git_ init -q && git_ add -A && git_ commit -qm "the tree under test"

step "install (frozen lockfile)"
pnpm install --frozen-lockfile --prefer-offline >/dev/null

step "a changeset for every published package, then pnpm version-packages"
cat > .changeset/release-check.md <<'EOF'
---
'@improvado-sdk/types': patch
'@improvado-sdk/client': patch
'@improvado-sdk/generator': patch
---

Release check.
EOF
before_client="$(node -p "require('./packages/client/package.json').version")"
before_generator="$(node -p "require('./generator/package.json').version")"
pnpm run version-packages >/dev/null
git_ add -A && git_ commit -qm "version packages"

step "check what was versioned"
node - "$before_client" "$before_generator" <<'EOF'
const fs = require('node:fs');
const [before, beforeGenerator] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const types = read('packages/types/package.json');
const client = read('packages/client/package.json');
const generator = read('generator/package.json');
const problems = [];
if (types.version !== client.version) problems.push(`types ${types.version} and client ${client.version} differ (a fixed group)`);
if (client.version === before) problems.push(`the client is still at ${before}`);
if (generator.version === beforeGenerator) problems.push(`the generator is still at ${beforeGenerator}`);
if (client.dependencies[types.name] !== types.version) problems.push(`the client depends on ${types.name}@${client.dependencies[types.name]}, not ${types.version}`);
const lock = fs.readFileSync('pnpm-lock.yaml', 'utf8');
if (!lock.includes(`'${types.name}':\n        specifier: ${types.version}`)) problems.push(`pnpm-lock.yaml does not say ${types.name}: specifier ${types.version}`);
for (const dir of ['packages/types', 'packages/client', 'generator']) {
  const log = `${dir}/CHANGELOG.md`;
  const version = read(`${dir}/package.json`).version;
  if (!fs.existsSync(log) || !fs.readFileSync(log, 'utf8').includes(`## ${version}`)) problems.push(`${log} has no "## ${version}" section`);
}
if (fs.existsSync('.changeset/release-check.md')) problems.push('the changeset was not consumed');
if (problems.length > 0) {
  console.error(`release-check: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`release-check: types and client ${before} → ${client.version}, generator ${beforeGenerator} → ${generator.version}`);
EOF

step "CI on the versioned tree: install (frozen lockfile), build, generate again, drift gate"
pnpm install --frozen-lockfile --prefer-offline >/dev/null
pnpm run build >/dev/null
if ! pnpm run generate 2>&1 | grep -q "generator:generate: cache hit"; then
  echo "release-check: after version-packages, a second 'pnpm generate' was not a turbo cache hit" >&2
  exit 1
fi
if [ -n "$(git status --porcelain)" ]; then
  echo "release-check: after version-packages, CI's steps changed the tree (the drift gate would fail):" >&2
  git status --porcelain >&2
  git --no-pager diff --stat >&2
  exit 1
fi
step "ok"
