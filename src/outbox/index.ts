export { type CancelTimer, type Clock, realClock } from './clock.js';
export { DEFAULT_OUTBOX_OPTIONS, type OutboxOptions } from './options.js';
export { PLATFORM_LIMITS } from './platformLimits.js';
export { Outbox } from './outbox.js';
export { RetryAfterError } from './retryAfterError.js';
export { type ChatId, type DeliveryFate, DROP_REASONS, type DropReason, type EnqueueResult, type Merged, type OutboxItem, type OutboxStats, PRIORITIES, type Priority } from './types.js';
