/** Where one transfer QR code sits in its export: `index` counts from 0, `id` is shared by the export's codes. */
export interface MigrationBatch {
  readonly index: number;
  readonly size: number;
  readonly id: number;
}

function listNumbers(numbers: readonly number[]): string {
  if (numbers.length === 1) return String(numbers[0]);
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/**
 * One message per export (batch id) with QR codes not seen yet, e.g.
 * "Batch 2 of 3 is missing: scan the remaining QR code(s) from Google Authenticator's export screen."
 * Batches are numbered from 1 for people. Empty when every export is complete.
 */
export function describeMissingBatches(batches: readonly MigrationBatch[]): string[] {
  const byId = new Map<number, { size: number; seen: Set<number> }>();
  for (const batch of batches) {
    const group = byId.get(batch.id) ?? { size: 0, seen: new Set<number>() };
    group.size = Math.max(group.size, batch.size);
    group.seen.add(batch.index);
    byId.set(batch.id, group);
  }
  const messages: string[] = [];
  for (const { size, seen } of byId.values()) {
    const missing: number[] = [];
    for (let index = 0; index < size; index++) if (!seen.has(index)) missing.push(index + 1);
    if (missing.length === 0) continue;
    const which =
      missing.length === 1
        ? `Batch ${missing[0]} of ${size} is missing`
        : `Batches ${listNumbers(missing)} of ${size} are missing`;
    messages.push(
      `${which}: scan the remaining QR code(s) from Google Authenticator's export screen.`,
    );
  }
  return messages;
}
