/**
 * zxcvbn-ts, loaded the first time a password form opens: its dictionaries are some hundreds of
 * kilobytes that the rest of the app never needs, so they stay out of the main bundle.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

let loading: Promise<ZxcvbnFactory> | undefined;

export function loadStrengthEstimator(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  );
  return loading;
}
