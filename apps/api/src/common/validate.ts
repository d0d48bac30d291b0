/** Input checks shared by several mutations; each failure names the field's path and what is allowed. */
import { BadInputError, LimitExceededError } from '../errors.js';
import { LIMITS } from './limits.js';

const TAG_PATTERN = /^[\p{L}\p{N}_.:/+-]+(?: [\p{L}\p{N}_.:/+-]+)*$/u;

export function checkTags(tags: readonly string[], path: (string | number)[]): string[] {
  if (tags.length > LIMITS.tagsMax) throw new LimitExceededError('tags per experiment', LIMITS.tagsMax, tags.length);
  tags.forEach((tag, i) => {
    if (tag.length === 0 || tag.length > LIMITS.tagLengthMax || !TAG_PATTERN.test(tag)) {
      throw new BadInputError(
        `tag ${JSON.stringify(tag)} is not allowed`,
        [...path, i],
        `1–${LIMITS.tagLengthMax} letters, digits, spaces (not leading, trailing or repeated) and _ . : / + -`,
      );
    }
  });
  return [...new Set(tags)];
}

export function checkName(name: string, path: (string | number)[]): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > LIMITS.nameLengthMax) {
    throw new BadInputError(`name must not be empty or longer than ${LIMITS.nameLengthMax} characters`, path, `1–${LIMITS.nameLengthMax} characters`);
  }
  return trimmed;
}

export function checkRange(value: number, path: (string | number)[], min: number, max: number, what: string): number {
  if (value > max) throw new LimitExceededError(what, max, value);
  if (value < min) throw new BadInputError(`${what} must be at least ${min}, got ${value}`, path, `an integer from ${min} to ${max}`);
  return value;
}
