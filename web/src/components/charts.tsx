/**
 * Charts drawn by Chart.js, registering only the pieces used (bars and lines on
 * category/linear scales), so the dashboard chunk stays small. Every chart has a
 * text alternative: callers render the same figures as a table beside it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { formattingLocale } from "../i18n";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Filler,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = "#4a5a6a";

/**
 * A canvas chart that follows its configuration; `label` names it for screen readers. Chart.js
 * formats its own figures (tooltips, the axis without a tick callback) in the app's locale.
 */
export function ChartCanvas(props: {
  config: ChartConfiguration;
  label: string;
  height?: number;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const locale = formattingLocale();
  const key = JSON.stringify([props.config.data, locale]);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      ...props.config,
      options: {
        locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches
          ? false
          : undefined,
        ...props.config.options,
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [key]);

  return (
    <div class="chart" style={{ height: `${props.height ?? 240}px` }} data-testid={props.testId}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
