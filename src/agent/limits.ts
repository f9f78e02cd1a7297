/**
 * The longest a command may run: one day. Node's timers take a 32-bit signed millisecond delay;
 * anything above 2^31 - 1 ms (24.8 days) fires at once, which would kill every command the moment
 * it starts. A setting is clamped to this rather than trusted.
 */
export const MAX_COMMAND_TIMEOUT_SECONDS = 86_400;

/**
 * A command timeout in milliseconds from a setting in seconds: at least 1 s, at most
 * MAX_COMMAND_TIMEOUT_SECONDS; anything not a positive finite number gives `fallbackSeconds`.
 */
export function commandTimeoutMs(seconds: unknown, fallbackSeconds = 600): number {
  const s = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : fallbackSeconds;
  return Math.round(Math.min(MAX_COMMAND_TIMEOUT_SECONDS, Math.max(1, s)) * 1000);
}
