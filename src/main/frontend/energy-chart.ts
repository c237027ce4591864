// <energy-chart>: one Apache ECharts chart (line, bar, pie or radar) drawn from an ECharts option the server sends as JSON
// text in the "option" property (see energy/ui/EnergyChart.java). Only the chart types and components the energy
// dashboard uses are registered, which keeps the bundle small.
import { LitElement, css, html, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

@customElement('energy-chart')
export class EnergyChart extends LitElement {
  static styles = css`
    :host {
      display: block;
      width: 100%;
      height: 320px;
    }
    div {
      width: 100%;
      height: 100%;
    }
  `;

  /** The ECharts option as JSON text. */
  @property({ type: String }) option = '';

  @query('div') private container!: HTMLDivElement;

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

  render() {
    return html`<div></div>`;
  }

  firstUpdated() {
    this.chart = echarts.init(this.container);
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.draw();
  }

  updated(changed: PropertyValues) {
    if (changed.has('option') && this.chart) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.container && !this.chart) {
      this.firstUpdated();
    }
  }

  private draw() {
    if (!this.option) {
      this.chart?.clear();
      return;
    }
    this.chart?.setOption(JSON.parse(this.option), true);
  }
}
