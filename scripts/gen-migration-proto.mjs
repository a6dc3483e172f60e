#!/usr/bin/env node
// Regenerates electron/core/migration/gen/ from the transfer payload's .proto with buf and
// protoc-gen-es (installed on first use: scripts/generator-tools.mjs). The output is committed; run
// this after editing the .proto.
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorTools } from './generator-tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = 'electron/core/migration/proto';
const bin = join(generatorTools(root, ['@bufbuild/buf', '@bufbuild/protoc-gen-es']), 'node_modules', '.bin');
// Windows has the package binaries as .cmd files, which Node only starts through a shell.
const windows = process.platform === 'win32';
const result = spawnSync(
  join(bin, windows ? 'buf.cmd' : 'buf'),
  ['generate', protoDir, '--template', join(protoDir, 'buf.gen.yaml')],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` },
    shell: windows,
  },
);
process.exit(result.status ?? 1);
