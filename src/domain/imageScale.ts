// Photo sizes: a photo of a student's page is stored no larger than it needs to be read (1600 px on the longest side).

export const MAX_PHOTO_SIDE = 1600;

/** The size to scale (width, height) to so its longest side is at most `max`; never enlarges; keeps the shape. */
export function fitWithin(width: number, height: number, max: number = MAX_PHOTO_SIDE): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new Error('An image needs a positive width and height.');
  const longest = Math.max(width, height);
  if (longest <= max) return { width: Math.round(width), height: Math.round(height) };
  const k = max / longest;
  return {
    width: Math.max(1, Math.min(max, Math.round(width * k))),
    height: Math.max(1, Math.min(max, Math.round(height * k))),
  };
}
