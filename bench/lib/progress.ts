/** A progress bar on stderr (stdout stays clean for the table and the JSON line). */
import cliProgress from 'cli-progress';

export type Bar = { update(done: number, phase: string): void; setTotal(total: number): void; stop(): void };

export function startBar(label: string, total: number): Bar {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {phase}`,
      barsize: 30,
      etaBuffer: 50,
      fps: 10,
      hideCursor: false,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { rate: '0', phase: '' });
  return {
    update(done, phase) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { phase, rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '0' });
    },
    setTotal(t) {
      bar.setTotal(t);
    },
    stop() {
      bar.stop();
    },
  };
}
