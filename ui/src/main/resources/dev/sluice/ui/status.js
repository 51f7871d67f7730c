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
