/**
 * The pub/sub behind subscriptions: in-memory for one API process (the embedded default), or
 * Redis (`SADDLE_REDIS_URL`) so any API replica can serve any subscriber and workers on other
 * machines can publish. Both are @graphql-yoga/subscription's `createPubSub`, which type-graphql
 * consumes; only the event target differs.
 */
import { createPubSub, type PubSub, type PubSubEvent, type PubSubEventTarget } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { SaddleTopics } from './topics.js';

export type SaddlePubSub = PubSub<SaddleTopics> & {
  /** Releases connections (Redis); a no-op in memory. */
  close(): Promise<void>;
};

export function createMemoryPubSub(): SaddlePubSub {
  return Object.assign(createPubSub<SaddleTopics>(), { close: async () => {} });
}

type SaddleEvent = PubSubEvent<SaddleTopics, keyof SaddleTopics>;
type Listener = ((event: SaddleEvent) => void) | { handleEvent(event: SaddleEvent): void };

/**
 * An EventTarget over Redis pub/sub: dispatching publishes JSON on a channel; a channel is
 * subscribed while some listener wants it. One connection publishes, one subscribes (Redis
 * puts a subscribing connection in a mode where it can do nothing else).
 */
class RedisEventTarget {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(prefix)) return;
      const type = channel.slice(prefix.length);
      const set = this.listeners.get(type);
      if (!set) return;
      const event = new CustomEvent(type, { detail: JSON.parse(message) as unknown }) as SaddleEvent;
      for (const listener of set) {
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      }
    });
  }

  addEventListener(type: string, listener: Listener | null): void {
    if (!listener) return;
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
      void this.subscriber.subscribe(this.prefix + type);
    }
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener | null): void {
    const set = this.listeners.get(type);
    if (!set || !listener) return;
    set.delete(listener);
    if (set.size === 0) {
      this.listeners.delete(type);
      void this.subscriber.unsubscribe(this.prefix + type);
    }
  }

  dispatchEvent(event: SaddleEvent): boolean {
    void this.publisher.publish(this.prefix + event.type, JSON.stringify(event.detail));
    return true;
  }
}

export interface RedisPubSubOptions {
  url: string;
  /** Channel prefix, so several Saddle deployments can share one Redis. Default `saddle:`. */
  prefix?: string;
}

export function createRedisPubSub(options: RedisPubSubOptions): SaddlePubSub {
  const publisher = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const target = new RedisEventTarget(publisher, subscriber, options.prefix ?? 'saddle:');
  const pubSub = createPubSub<SaddleTopics>({ eventTarget: target as unknown as PubSubEventTarget<SaddleTopics> });
  return Object.assign(pubSub, {
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  });
}
