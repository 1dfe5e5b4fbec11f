/**
 * The unified investment project code (投资项目统一代码, GB/T 40058-2021): `YYMM-AAAAAA-DD-TT-NNNNNC`,
 * 24 characters. The check digit's algorithm is not public, so only the shape and the area code are validated.
 */
import { isWithinRegion } from './region.ts';

export const PROJECT_CODE_LENGTH = 24;
const PROJECT_CODE_PATTERN = /^(\d{2})(\d{2})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

export interface ProjectCodeParts {
  issueYear: number;
  issueMonth: number;
  areaCode: string;
  departmentCode: string;
  typeCode: string;
  serial: string;
}

export type ProjectCodeProblem = 'projectCode.malformed' | 'projectCode.month' | 'projectCode.area';

/** Splits a project code into its parts, or names the first thing wrong with it. */
export function parseProjectCode(
  code: string,
  isKnownArea: (areaCode: string) => boolean,
): { ok: true; parts: ProjectCodeParts } | { ok: false; problem: ProjectCodeProblem } {
  const match = PROJECT_CODE_PATTERN.exec(code);
  if (!match) return { ok: false, problem: 'projectCode.malformed' };
  const [, yy = '', mm = '', areaCode = '', departmentCode = '', typeCode = '', serial = ''] = match;
  const issueMonth = Number(mm);
  if (issueMonth < 1 || issueMonth > 12) return { ok: false, problem: 'projectCode.month' };
  if (!isKnownArea(areaCode)) return { ok: false, problem: 'projectCode.area' };
  return {
    ok: true,
    parts: { issueYear: 2000 + Number(yy), issueMonth, areaCode, departmentCode, typeCode, serial },
  };
}

/** True when the string has the 24-character shape of a project code (area not checked). */
export function hasProjectCodeShape(code: string): boolean {
  return PROJECT_CODE_PATTERN.test(code);
}

/**
 * True when a project code's area part fits the project's region: the code was issued in the project's own region
 * or a region above it (a city DRC issues codes for projects in its districts), never in a sibling or another city.
 */
export function codeAreaFitsRegion(areaCode: string, regionCode: string): boolean {
  return isWithinRegion(regionCode, areaCode);
}
