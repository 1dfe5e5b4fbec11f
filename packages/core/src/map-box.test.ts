import { describe, expect, it } from 'vitest';
import { mapBoxText, parseMapBox } from './map-box.ts';

describe('parseMapBox', () => {
  it('reads west, south, east and north in degrees', () => {
    expect(parseMapBox('124.1,45.5,125.25,46.9')).toEqual({
      minLongitude: 124.1,
      minLatitude: 45.5,
      maxLongitude: 125.25,
      maxLatitude: 46.9,
    });
    expect(parseMapBox('-180,-90,180,90')).not.toBeNull();
    expect(parseMapBox('125,46,125,46')).not.toBeNull();
  });

  it('refuses anything but four plain decimals inside the globe with each minimum at most its maximum', () => {
    for (const text of [
      '',
      '124,45,125',
      '124,45,125,46,1',
      '124,45,x,46',
      '1e2,45,125,46',
      'Infinity,45,125,46',
      '124,,125,46',
      '181,45,182,46',
      '124,-91,125,46',
      '126,45,125,46',
      '124,47,125,46',
    ]) {
      expect(parseMapBox(text), text).toBeNull();
    }
  });
});

describe('mapBoxText', () => {
  it('widens a visible extent outward to the 0.001° grid, inside the globe', () => {
    const text = mapBoxText({
      minLongitude: 124.12345,
      minLatitude: 45.9999,
      maxLongitude: 125.0001,
      maxLatitude: 46.5,
    });
    expect(text).toBe('124.123,45.999,125.001,46.5');
    expect(mapBoxText({ minLongitude: -190, minLatitude: -95, maxLongitude: 200, maxLatitude: 99 })).toBe(
      '-180,-90,180,90',
    );
    expect(parseMapBox(text)).not.toBeNull();
  });
});
