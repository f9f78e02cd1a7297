/** What `pin` works on: container image references or GitHub Actions `uses:` references. */
export type PinMode = 'images' | 'actions';

/** An image reference split for resolution. */
export interface ImageTarget {
  /** Registry host as written, or `docker.io` when the reference names none. */
  registry: string;
  /** Repository path on that registry (`library/` added for official Docker Hub images). */
  repository: string;
  /** The tag to resolve (`latest` when the reference has none). */
  tag: string;
  /** Whether the reference spelled a tag; an untagged one gets `:latest` written out. */
  tagWritten: boolean;
}

/** An action reference split for resolution. */
export interface ActionTarget {
  owner: string;
  repo: string;
  /** Sub-path inside the repository (`/sub/dir` or a reusable workflow file), or ''. */
  path: string;
  /** The tag or branch after '@'. */
  ref: string;
}

/** A reference found in a file, with the exact text span that a pin edit replaces. */
export interface FoundRef {
  kind: 'image' | 'action';
  /** The reference text as written (without quotes). */
  text: string;
  /** Offsets of `text` in the file. */
  start: number;
  end: number;
  /** 1-based line. */
  line: number;
  /** Set when the reference is resolvable. */
  image?: ImageTarget;
  action?: ActionTarget;
  /** Set when it is not pinned and why (already pinned, variable, local action). */
  skip?: string;
  /** Actions only: offset where a trailing comment may start (after the closing quote) and the line end. */
  tailStart?: number;
  lineEnd?: number;
}

/** The outcome of resolving one reference. */
export type Resolution =
  | { ok: true; /** `sha256:…` for images, a 40-hex commit for actions. */ value: string }
  | { ok: false; reason: string; /** Host that `permissions.network` must list for this to work. */ allowHost?: string };

/** Resolves tags to immutable identifiers. The Node implementation talks HTTP; tests inject fakes. */
export interface PinResolver {
  resolveImage(target: ImageTarget): Promise<Resolution>;
  resolveAction(target: ActionTarget): Promise<Resolution>;
}

/** A replacement of `[start, end)` in a file's text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** One reference and what happened to it. */
export interface PinOutcome {
  ref: FoundRef;
  status: 'pinned' | 'skipped' | 'failed';
  /** Pinned: the new reference; skipped/failed: the reason. */
  detail: string;
  allowHost?: string;
}

/** The result of pinning one file: all edits (never partial per reference) and per-reference outcomes. */
export interface PinFileResult {
  edits: TextEdit[];
  newText: string;
  outcomes: PinOutcome[];
}
