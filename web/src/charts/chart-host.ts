import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

// People who asked their system for less motion get the charts drawn at once, not grown.
if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;

/**
 * One chart.js instance per canvas, created once and updated in place (after Umami's Chart):
 * re-creating it on every refresh leaks listeners and flickers. `destroy` runs when the view goes.
 */
export class ChartHost {
  private chart: Chart | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  render<T extends ChartType>(config: ChartConfiguration<T> & { type: T }): void {
    if (this.chart && (this.chart.config as { type?: string }).type === config.type) {
      this.chart.data = config.data as Chart['data'];
      if (config.options) this.chart.options = config.options as Chart['options'];
      this.chart.update();
      return;
    }
    this.destroy();
    this.chart = new Chart(this.canvas, config as unknown as ChartConfiguration) as Chart;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
