/** An estimated cost for people: "$0.0042", "$0.013", "$1.27"; "<$0.0001" for less. */
export function formatCost(usd: number): string {
  if (usd >= 1) {
    return `$${usd.toFixed(2)}`;
  }
  if (usd < 0.0001) {
    return usd <= 0 ? '$0' : '<$0.0001';
  }
  return `$${usd.toPrecision(2)}`;
}
