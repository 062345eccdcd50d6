import type { ChartConfiguration, ChartType } from 'chart.js';
import { ChartHost } from './chart-host.ts';

/**
 * The charts of one view, each drawn into a canvas under `root` found by its id, and destroyed
 * together when the view draws again or goes. A canvas the view left out (a panel with nothing
 * to show) is skipped.
 */
export class ChartSet {
  private readonly hosts: ChartHost[] = [];

  constructor(private readonly root: ParentNode) {}

  draw<T extends ChartType>(canvasId: string, config: ChartConfiguration<T> & { type: T }): void {
    const canvas = this.root.querySelector<HTMLCanvasElement>(`#${canvasId}`);
    if (!canvas) return;
    const host = new ChartHost(canvas);
    // Every chart fills a box whose height the CSS sets, so none keeps chart.js's aspect ratio.
    // (The cast: chart.js's types cannot tell that two core options suit every chart type.)
    const options = { responsive: true, maintainAspectRatio: false, ...config.options } as ChartConfiguration<T>['options'];
    host.render({ ...config, options });
    this.hosts.push(host);
  }

  destroy(): void {
    for (const host of this.hosts.splice(0)) host.destroy();
  }
}
