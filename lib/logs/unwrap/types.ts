/** Which container runtime's wrapper a line came in (docs/logs.md#container-logs). */
export type WrapperKind = 'docker' | 'cri' | 'compose' | 'loki';

/** What a container wrapper said about the line inside it; kept as fields, its time is the fallback. */
export interface WrapperFacts {
  kind: WrapperKind;
  stream?: string;
  container?: string;
  /** Epoch ms the runtime stamped the line with. */
  time?: number;
  /** Loki stream labels and structured metadata, kept as fields the line does not have itself. */
  labels?: Record<string, string>;
}

export interface Unwrapped {
  text: string;
  /** The runtime split a long line: this fragment is joined with the ones that follow up to a complete one. */
  partial: boolean;
  facts: WrapperFacts;
}
