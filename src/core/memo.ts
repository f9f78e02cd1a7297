/**
 * A function of one object whose answers are kept as long as that object lives. The parsed
 * scripts, commands and nodes the rules ask about outlive one analysis (they are cached by text
 * or reused by on-type parsing), and several rules ask the same question at every keystroke.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    // one look-up on a hit (these run hundreds of thousands of times per 2,000 Dockerfiles);
    // has() only when the kept answer may be undefined
    const kept = answers.get(key);
    if (kept !== undefined || answers.has(key)) {
      return kept as V;
    }
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}
