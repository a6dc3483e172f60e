import type { Importer } from '../core/format/importer';
import { createQrImageImporter } from '../core/importers/qr-image';
import { FILE_IMPORTERS } from '../core/importers/registry';
import { readQrTextsFromImageFile } from '../core/qr/qr-file.node';

/** Every importer for Node callers (CLI, main, bridge): the file formats plus QR images decoded with sharp. */
export const NODE_IMPORTERS: readonly Importer[] = [...FILE_IMPORTERS, createQrImageImporter(readQrTextsFromImageFile)];
