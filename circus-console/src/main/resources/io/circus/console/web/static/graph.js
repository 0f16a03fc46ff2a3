"use strict";
// A time series drawn on a canvas: the last `capacity` samples, scaled to their own maximum.
// Drawing is deferred to one animation frame however many samples arrive, so a thousand updates
// in a poll cost one paint per visible graph.
class Series {
  constructor(capacity) { this.capacity = capacity; this.values = []; this.count = 0; }
  push(v) {
    this.values.push(v);
    if (this.values.length > this.capacity) this.values.shift();
    this.count++;
  }
  last() { return this.values.length ? this.values[this.values.length - 1] : 0; }
}

const Graphs = {
  dirty: new Set(),
  scheduled: false,
  // Binds a canvas to a series and asks for a repaint on the next frame.
  show(canvas, series, colour) {
    canvas.graph = { series, colour };
    canvas.dataset.samples = String(series.count);
    canvas.dataset.last = String(series.last());
    this.dirty.add(canvas);
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.paint());
    }
  },
  paint() {
    this.scheduled = false;
    for (const c of this.dirty) if (c.isConnected) draw(c);
    this.dirty.clear();
  },
};

function draw(canvas) {
  const { series, colour } = canvas.graph;
  const ctx = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, v = series.values;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = "#f6f7f9";
  ctx.fillRect(0, 0, w, h);
  if (v.length < 2) return;
  const max = Math.max(...v) || 1;
  const step = w / (series.capacity - 1);
  const x0 = w - (v.length - 1) * step;
  ctx.beginPath();
  ctx.moveTo(x0, h);
  v.forEach((y, i) => ctx.lineTo(x0 + i * step, h - 1 - (y / max) * (h - 3)));
  ctx.lineTo(w, h);
  ctx.closePath();
  ctx.fillStyle = colour + "33";
  ctx.fill();
  ctx.beginPath();
  v.forEach((y, i) => {
    const x = x0 + i * step, yy = h - 1 - (y / max) * (h - 3);
    if (i === 0) ctx.moveTo(x, yy); else ctx.lineTo(x, yy);
  });
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}
