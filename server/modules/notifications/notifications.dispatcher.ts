import type { Db } from '../../db/client.js';
import { notificationsRepository as repo } from './notifications.repository.js';
import {
  externalSenders,
  type OutgoingNotification,
  type Recipient,
  type Sender,
} from './notifications.senders.js';

// Delivers committed outbox rows to the external senders. Runs outside any business transaction:
// it only sees rows whose transaction committed, and a sender's failure is recorded, not thrown.

export const MAX_ATTEMPTS = 5;
const BATCH = 20;

interface Payload {
  notification: OutgoingNotification;
  recipients: Recipient[];
}

/** One pass over the pending rows; returns how many were delivered. */
export async function deliverPending(
  db: Db,
  senders: readonly Sender[] = externalSenders(),
): Promise<number> {
  const byName = new Map(senders.map((s) => [s.name, s]));
  return db.transaction(async (tx) => {
    let delivered = 0;
    for (const row of await repo.claimPending(tx, MAX_ATTEMPTS, BATCH)) {
      const sender = byName.get(row.sender);
      if (!sender) {
        await repo.markFailed(tx, row.id, `发送渠道 ${row.sender} 未注册`);
        continue;
      }
      const { notification, recipients } = row.payload as Payload;
      try {
        await sender.send(notification, recipients);
        await repo.markDelivered(tx, row.id);
        delivered++;
      } catch (e) {
        await repo.markFailed(tx, row.id, (e as Error).message ?? String(e));
      }
    }
    return delivered;
  });
}

/** Polls the outbox while external senders are registered; returns a stop function. */
export function startDispatcher(db: Db, intervalMs = 10_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running || externalSenders().length === 0) return;
    running = true;
    try {
      await deliverPending(db);
    } catch {
      // A database hiccup: the rows stay pending and the next tick tries again.
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
