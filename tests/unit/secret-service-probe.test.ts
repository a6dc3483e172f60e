import { describe, expect, it } from 'vitest';
import { parseSearchItems } from '../../electron/vault/secret-service-probe.node';

describe("reading the Secret Service's SearchItems answer (as gdbus prints it)", () => {
  it('tells a locked item from a missing one', () => {
    expect(
      parseSearchItems("(@ao [], [objectpath '/org/freedesktop/secrets/collection/login/1'])\n"),
    ).toBe('locked');
    expect(parseSearchItems('(@ao [], @ao [])\n')).toBe('absent');
    expect(
      parseSearchItems("([objectpath '/org/freedesktop/secrets/collection/login/1'], @ao [])"),
    ).toBe('unknown');
    expect(parseSearchItems('Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown')).toBe(
      'unknown',
    );
  });
});
