// Draws the status page from /api/pipeline and /api/batches, refreshed every second.
"use strict";

const REFRESH_MILLIS = 1000;
// The table shows the newest batches; the charts and api/batches have all that are kept.
const TABLE_ROWS = 20;
const charts = new Map();

function text(value) {
  return document.createTextNode(String(value));
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const td = document.createElement("td");
    td.appendChild(text(cell));
    tr.appendChild(td);
  }
  return tr;
}

function counts(map) {
  return Object.entries(map).map(([name, n]) => name + ": " + n).join(", ");
}

function chartOf(element) {
  let chart = charts.get(element.id);
  if (!chart) {
    const width = Math.max(300, element.clientWidth || 500);
    chart = new uPlot({
      title: element.dataset.label + " (" + element.dataset.unit + ")",
      width: width,
      height: 180,
      series: [{}, { label: element.dataset.label, stroke: "#2a6fdb", width: 2, points: { show: true } }],
      axes: [{}, { size: 60 }],
    }, [[], []], element);
    charts.set(element.id, chart);
  }
  return chart;
}

function drawCharts(batches) {
  const times = batches.map(b => b.batchTime / 1000);
  for (const element of document.querySelectorAll(".chart")) {
    chartOf(element).setData([times, batches.map(b => b[element.dataset.field])]);
    element.dataset.points = String(batches.length);
  }
}

function drawBatches(batches) {
  const body = document.querySelector("#batches tbody");
  body.replaceChildren(...batches.slice(-TABLE_ROWS).reverse().map(b => row([
    new Date(b.batchTime).toISOString().slice(11, 23) + " (" + b.batchTime + ")",
    counts(b.recordsIn), b.schedulingDelay, b.processingTime, b.totalDelay, counts(b.recordsOut)])));
}

function drawStages(stages, batches) {
  const last = batches.length ? batches[batches.length - 1].stageTimes : {};
  const body = document.querySelector("#stages tbody");
  body.replaceChildren(...stages.map(stage => {
    const times = batches.map(b => b.stageTimes[stage.name]).filter(t => t !== undefined);
    const mean = times.length ? times.reduce((a, b) => a + b, 0) / times.length : undefined;
    return row([stage.name, stage.operator, stage.inputs.join(", ") || "—",
      last[stage.name] === undefined ? "—" : last[stage.name].toFixed(2),
      mean === undefined ? "—" : mean.toFixed(2)]);
  }));
}

const SVG = "http://www.w3.org/2000/svg";
const NODE = { width: 150, height: 44, gapX: 50, gapY: 16 };

function svg(name, attributes, content) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value);
  }
  if (content !== undefined) {
    element.appendChild(text(content));
  }
  return element;
}

// Lays the stages out in columns by their distance from the sources, inputs to the left.
function drawGraph(stages, lastTimes) {
  const depth = new Map();
  for (const stage of stages) {   // stages come in the order they were added: inputs first
    depth.set(stage.name, Math.max(-1, ...stage.inputs.map(input => depth.get(input) ?? 0)) + 1);
  }
  const rows = new Map();
  const place = new Map();
  for (const stage of stages) {
    const column = depth.get(stage.name);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    place.set(stage.name, { x: column * (NODE.width + NODE.gapX), y: row * (NODE.height + NODE.gapY) });
  }
  const width = (Math.max(0, ...depth.values()) + 1) * (NODE.width + NODE.gapX);
  const height = Math.max(1, ...rows.values()) * (NODE.height + NODE.gapY);
  const graph = svg("svg", { id: "graph", width: width, height: height, viewBox: "0 0 " + width + " " + height });
  graph.appendChild(svg("defs", {})).appendChild(svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 6, markerHeight: 6, orient: "auto" })).appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#888" }));
  for (const stage of stages) {
    const to = place.get(stage.name);
    for (const input of stage.inputs) {
      const from = place.get(input);
      graph.appendChild(svg("line", { class: "edge", x1: from.x + NODE.width, y1: from.y + NODE.height / 2,
        x2: to.x - 2, y2: to.y + NODE.height / 2, "marker-end": "url(#arrow)" }));
    }
  }
  for (const stage of stages) {
    const at = place.get(stage.name);
    const node = svg("g", { class: "stage " + stage.kind, transform: "translate(" + at.x + "," + at.y + ")" });
    node.appendChild(svg("rect", { width: NODE.width, height: NODE.height, rx: 6 }));
    node.appendChild(svg("text", { x: 8, y: 18, class: "stage-name" }, stage.name));
    const time = lastTimes[stage.name] === undefined ? "" : " · " + lastTimes[stage.name].toFixed(2) + " ms";
    node.appendChild(svg("text", { x: 8, y: 35, class: "stage-detail" }, stage.operator + time));
    graph.appendChild(node);
  }
  document.getElementById("graph").replaceWith(graph);
}

function drawPipeline(pipeline, batches) {
  document.getElementById("pipeline-name").textContent = pipeline.name;
  document.getElementById("summary").textContent = pipeline.state.toLowerCase() + " · a batch every "
    + pipeline.batchIntervalMillis + " ms · " + pipeline.completedBatches + " batches completed";
  const failure = document.getElementById("failure");
  failure.hidden = !pipeline.failure;
  if (pipeline.failure) {
    document.getElementById("failure-message").textContent = pipeline.failure.at + "\n" + pipeline.failure.message;
  }
  drawStages(pipeline.stages, batches);
  drawGraph(pipeline.stages, batches.length ? batches[batches.length - 1].stageTimes : {});
}

async function refresh() {
  try {
    const [pipeline, batches] = await Promise.all([
      fetch("api/pipeline").then(r => r.json()),
      fetch("api/batches").then(r => r.json()),
    ]);
    drawPipeline(pipeline, batches);
    drawBatches(batches);
    drawCharts(batches);
    document.body.dataset.refreshed = String(batches.length);
  } catch (e) {
    document.getElementById("summary").textContent = "the pipeline does not answer: " + e;
  }
}

refresh();
setInterval(refresh, REFRESH_MILLIS);
