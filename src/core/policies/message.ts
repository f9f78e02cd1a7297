/** Values a policy message may name. */
export interface MessageVars {
  name: string;
  type: string;
  value: string;
}

/** Fill `{name}`, `{type}` and `{value}` in a policy message; other braces stay as written. */
export function formatMessage(template: string, vars: MessageVars): string {
  return template.replace(/\{(name|type|value)\}/g, (_m, k: keyof MessageVars) => vars[k]);
}
