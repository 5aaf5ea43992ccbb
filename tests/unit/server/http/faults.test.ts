import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../../../server/http/faults';

describe('FaultInjector', () => {
  it('matches prefixes written with or without the trailing slash, full or relative to the API root', () => {
    const faults = new FaultInjector();
    faults.add(503, 4, '/datasets/');
    expect(faults.take('/api/v1/developer/datasets')?.status).toBe(503);
    expect(faults.take('/api/v1/developer/datasets/abc')?.status).toBe(503);
    expect(faults.take('/api/v1/developer/images')).toBeUndefined();
    faults.add(502, 1, '/api/v1/developer/images');
    expect(faults.take('/api/v1/developer/images')?.status).toBe(502);
    expect(faults.take('/api/v1/developer/datasets')?.status).toBe(503);
    expect(faults.take('/api/v1/developer/datasets')?.status).toBe(503);
  });

  it('consumes exactly `count` faults, then lets requests through', () => {
    const faults = new FaultInjector();
    faults.add(500, 2, undefined);
    expect(faults.take('/api/v1/developer/anything')?.status).toBe(500);
    expect(faults.take('/api/v1/api-keys')?.status).toBe(500);
    expect(faults.take('/api/v1/developer/anything')).toBeUndefined();
  });

  it('does not let a prefix match the middle of a segment it does not start', () => {
    const faults = new FaultInjector();
    faults.add(504, 1, '/images/');
    expect(faults.take('/api/v1/developer/images-archive')).toBeUndefined();
    expect(faults.take('/api/v1/developer/images/x')?.status).toBe(504);
  });
});
