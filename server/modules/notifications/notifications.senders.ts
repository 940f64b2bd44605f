// Channels a notification goes out on. The in-app channel (rows in `notifications`, the bell) is
// built in and written inside the business transaction by notify(). Every other channel is a
// Sender: it is handed the notification after the transaction has committed, by the dispatcher.

/** A notification as the caller describes it. */
export interface OutgoingNotification {
  orgId: string;
  kind: string;
  title: string;
  /** A path inside the web app, e.g. `/proposals/<id>`. */
  link: string;
  objectType: string;
  objectId: string;
}

/** A user the notification was resolved to. */
export interface Recipient {
  userId: string;
  displayName: string;
}

/**
 * An external channel (a 企业微信/钉钉 group robot webhook, e-mail…). `send` may throw: the dispatcher
 * records the error and tries again later; the business change is already committed.
 */
export interface Sender {
  /** Stable name, stored with delivery errors. */
  readonly name: string;
  send(n: OutgoingNotification, recipients: readonly Recipient[]): Promise<void>;
}

const external: Sender[] = [];

/** Adds an external channel (call once at start-up); returns a function that removes it again. */
export function registerSender(sender: Sender): () => void {
  external.push(sender);
  return () => {
    const i = external.indexOf(sender);
    if (i >= 0) external.splice(i, 1);
  };
}

export function externalSenders(): readonly Sender[] {
  return external;
}
