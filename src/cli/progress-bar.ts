import cliProgress from 'cli-progress';

/** A terminal progress bar with rate and ETA, drawn on stderr so stdout stays clean for scripts. */
export function progressBar(label: string, unit: string) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(done: number, total: number) {
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      }
      bar.setTotal(total);
      bar.update(done, { rate });
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
