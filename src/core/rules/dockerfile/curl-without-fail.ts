import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { writesStdout } from '../../shell';
import { findFlag, runCommands, wordRange } from './common';

/** The message for a curl download without --fail. */
export function message(into: 'file' | 'pipe'): string {
  const where = into === 'file' ? 'saves the error page as the file' : 'passes the error page down the pipe';
  return `curl without -f (--fail) exits 0 on an HTTP error and ${where}: the build goes on with a broken download and fails later, far from the cause. Add -f (e.g. curl -fsSL)`;
}

/** curl downloads in a RUN should fail on HTTP errors. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/curl-without-fail',
  meta: {
    title: 'curl download without --fail',
    description: 'Without --fail, curl treats a 404 or 500 answer as a success: the HTML error page is written to the output file or piped on, and the RUN succeeds with garbage in place of the archive, key or script.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      if (cmd.name !== 'curl' || findFlag(cmd.args, '-f', '--fail', '--fail-with-body', '--fail-early')) {
        continue;
      }
      // only downloads: output to a file, or into the next command of a pipeline
      const toFile = !writesStdout(cmd.run) || cmd.run.stdout === 'file';
      const toPipe = cmd.run.stdout === 'pipe';
      if (!toFile && !toPipe) {
        continue;
      }
      // -I / --head, -w '%{http_code}' and -X POST are checks and calls, not downloads
      if (findFlag(cmd.args, '-I', '--head', '-w', '--write-out', '-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '-F', '--form', '-T', '--upload-file')) {
        continue;
      }
      ctx.report({ range: wordRange(ctx.model, shell, cmd.nameWord), message: message(toFile ? 'file' : 'pipe') });
    }
  },
};
