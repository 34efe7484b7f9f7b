import { applyRetention, isDecisionStore, type LoadConfig, type ProcessingStore, type RetentionReport } from '@account-request/sdk/server';
import { maskedError, type Logger } from './logger.js';

/** The retention setting applied on a timer: erases what `settings.retentionDays` says is expired. */
export interface DemoRetention {
  /** One run now (the timer does it every interval); one at a time. */
  run(now?: Date): Promise<RetentionReport>;
  /** Stops the timer. */
  stop(): void;
  /** Resolves once the run in progress (if any) has ended. */
  idle(): Promise<void>;
}

/**
 * Runs the retention setting of the current config every `intervalMs` (and once at start), on a
 * store that can erase (`DecisionStore`); logs how many requests were erased, never which.
 */
export function setupRetention(store: ProcessingStore, loadConfig: LoadConfig, logger: Logger, intervalMs: number): DemoRetention {
  let running: Promise<RetentionReport> | undefined;
  const run = (now?: Date): Promise<RetentionReport> => {
    if (!isDecisionStore(store)) return Promise.resolve({ erased: 0 });
    running ??= applyRetention({ store, loadConfig, ...(now ? { now } : {}) })
      .then((report) => {
        if (report.erased > 0) logger.info({ retention: { erased: report.erased } }, 'retention run');
        return report;
      })
      .finally(() => (running = undefined));
    return running;
  };
  const tick = (): void => {
    run().catch((error: unknown) => logger.error({ error: maskedError(error) }, 'retention run failed'));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setTimeout(tick, 0).unref();
  return {
    run,
    stop: () => clearInterval(timer),
    idle: async () => {
      await running?.catch(() => undefined);
    },
  };
}
